package net.cdapkit.samples.partner;

import java.util.Objects;
import java.util.Optional;
import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Paiement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small piece of "partner" code, as a social landlord would write it: tells whether a tenant's
 * housing aid (APL, ALF, ALS) is paid to the landlord itself (tiers payant), and the last amount,
 * so that the rent statement can deduct it. It consults with the T5 profile (housing aids only) and
 * the finalité GESTION_LOCATIVE, and logs nothing personal.
 *
 * <p>Its tests ({@code HousingAidCheckTest}) show how a partner team tests such code with
 * sdk-testkit: the JUnit extension, a fixture described in a few lines, a fault.
 */
public final class HousingAidCheck {
  private static final Logger LOG = LoggerFactory.getLogger(HousingAidCheck.class);

  private final CdapSession session;
  private final String landlordName;

  /**
   * @param session an authenticated session of the landlord's agent (profile T5)
   * @param landlordName the landlord's name as the CAF knows it, e.g. "Office Public de l'Habitat
   *     Exemple"
   */
  public HousingAidCheck(CdapSession session, String landlordName) {
    this.session = Objects.requireNonNull(session, "session");
    this.landlordName = Objects.requireNonNull(landlordName, "landlordName");
  }

  /**
   * Checks one tenant's housing aid.
   *
   * @param leaseReference the landlord's own lease reference, kept as the finalité's detail (not
   *     sent to the CAF)
   */
  public HousingAidStatus check(CafCode caf, NumeroAllocataire tenant, String leaseReference) {
    Dossier dossier =
        session
            .selectCaf(caf)
            .consultDossier(tenant, Finalite.of(FinaliteCode.GESTION_LOCATIVE, leaseReference));
    // Payments come newest first; the first housing aid line is the last one paid.
    Optional<Paiement> last =
        dossier.paiements().stream().filter(p -> p.prestation().isAideLogement()).findFirst();
    HousingAidStatus status = last.map(this::statusOf).orElse(HousingAidStatus.none());
    LOG.info("housing aid check done: {}", status.payee());
    return status;
  }

  private HousingAidStatus statusOf(Paiement p) {
    HousingAidStatus.Payee payee =
        switch (p.beneficiaire()) {
          case TIERS ->
              p.tiers().map(landlordName::equalsIgnoreCase).orElse(false)
                  ? HousingAidStatus.Payee.LANDLORD
                  : HousingAidStatus.Payee.ANOTHER_THIRD_PARTY;
          case ALLOCATAIRE -> HousingAidStatus.Payee.TENANT;
          default -> HousingAidStatus.Payee.UNKNOWN;
        };
    return new HousingAidStatus(
        payee, Optional.of(p.prestation()), Optional.of(p.montant()), Optional.of(p.periode()));
  }

  @Override
  public String toString() {
    return "HousingAidCheck[profile=" + session.profile() + "]";
  }
}
