package net.cdapkit.capability;

import static net.cdapkit.capability.Action.ATTESTATION_PDF;
import static net.cdapkit.capability.Action.ATTESTATION_POSTALE;
import static net.cdapkit.capability.Action.DIALOGUE;
import static net.cdapkit.capability.Tab.CREANCES;
import static net.cdapkit.capability.Tab.DROITS;
import static net.cdapkit.capability.Tab.FAMILLE;
import static net.cdapkit.capability.Tab.LOGEMENT;
import static net.cdapkit.capability.Tab.PAIEMENTS;
import static net.cdapkit.capability.Tab.RESSOURCES;
import static net.cdapkit.capability.Tab.RESUME;
import static net.cdapkit.capability.Tab.RSA;
import static net.cdapkit.capability.Tab.SYNTHESE;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;

/**
 * The catalogue of the five profiles this project models (T1 to T5). It documents what each usually
 * allows, feeds the simulator, and lets a partner's UI explain a denial. It is the project's
 * illustrative model, not the CNAF's catalogue, which has more profiles; the habilitations a server
 * returns always win.
 */
public final class Profiles {
  private Profiles() {}

  /**
   * {@return T1: social worker of a conseil départemental or a CCAS} Everything.
   *
   * @param cafs the CAFs the profile may consult
   */
  public static Profile t1(Collection<CafCode> cafs) {
    return profile(
        "T1",
        "Travailleur social (conseil départemental, CCAS)",
        cafs,
        EnumSet.allOf(Tab.class),
        EnumSet.of(ATTESTATION_PDF, ATTESTATION_POSTALE, DIALOGUE),
        EnumSet.allOf(AttestationType.class),
        List.of(
            FinaliteCode.ACCOMPAGNEMENT_SOCIAL,
            FinaliteCode.AIDE_SOCIALE_FACULTATIVE,
            FinaliteCode.PREVENTION_EXPULSIONS),
        EnumSet.noneOf(Restriction.class));
  }

  /**
   * {@return T2: RSA referent (conseil départemental, France Travail)} No courriers, no logement.
   *
   * @param cafs the CAFs the profile may consult
   */
  public static Profile t2(Collection<CafCode> cafs) {
    return profile(
        "T2",
        "Référent RSA (conseil départemental, France Travail)",
        cafs,
        EnumSet.of(SYNTHESE, RESUME, PAIEMENTS, DROITS, FAMILLE, RESSOURCES, RSA, CREANCES),
        EnumSet.of(ATTESTATION_PDF, ATTESTATION_POSTALE, DIALOGUE),
        EnumSet.of(AttestationType.PAIEMENT, AttestationType.DROITS),
        List.of(FinaliteCode.INSTRUCTION_RSA, FinaliteCode.ACCOMPAGNEMENT_RSA),
        EnumSet.noneOf(Restriction.class));
  }

  /**
   * {@return T3: guardian (mandataire judiciaire à la protection des majeurs)} Everything.
   *
   * @param cafs the CAFs the profile may consult
   */
  public static Profile t3(Collection<CafCode> cafs) {
    return profile(
        "T3",
        "Mandataire judiciaire à la protection des majeurs",
        cafs,
        EnumSet.allOf(Tab.class),
        EnumSet.of(ATTESTATION_PDF, ATTESTATION_POSTALE, DIALOGUE),
        EnumSet.allOf(AttestationType.class),
        List.of(FinaliteCode.PROTECTION_MAJEURS),
        EnumSet.noneOf(Restriction.class));
  }

  /**
   * {@return T4: childcare or fee-setting service (crèche, mairie)} Quotient familial only.
   *
   * @param cafs the CAFs the profile may consult
   */
  public static Profile t4(Collection<CafCode> cafs) {
    return profile(
        "T4",
        "Service petite enfance ou tarification (crèche, mairie)",
        cafs,
        EnumSet.of(SYNTHESE, RESUME, FAMILLE, RESSOURCES),
        EnumSet.of(ATTESTATION_PDF),
        EnumSet.of(AttestationType.QUOTIENT_FAMILIAL),
        List.of(FinaliteCode.TARIFICATION_QUOTIENT_FAMILIAL),
        EnumSet.of(Restriction.QUOTIENT_FAMILIAL_ET_N2_SEULEMENT));
  }

  /**
   * {@return T5: social landlord (bailleur social)} Housing aids only, no NIR.
   *
   * @param cafs the CAFs the profile may consult
   */
  public static Profile t5(Collection<CafCode> cafs) {
    return profile(
        "T5",
        "Bailleur social",
        cafs,
        EnumSet.of(SYNTHESE, RESUME, PAIEMENTS, DROITS, FAMILLE, LOGEMENT, CREANCES),
        EnumSet.of(ATTESTATION_PDF, DIALOGUE),
        EnumSet.of(AttestationType.PAIEMENT),
        List.of(FinaliteCode.GESTION_LOCATIVE, FinaliteCode.PREVENTION_EXPULSIONS),
        EnumSet.of(Restriction.AIDES_LOGEMENT_SEULEMENT, Restriction.SANS_NIR));
  }

  /**
   * {@return the five profiles, T1 to T5, for the given CAFs}
   *
   * @param cafs the CAFs the profile may consult
   */
  public static List<Profile> all(Collection<CafCode> cafs) {
    return List.of(t1(cafs), t2(cafs), t3(cafs), t4(cafs), t5(cafs));
  }

  /**
   * {@return the catalogue entry for a profile code, for the given CAFs, if this project models it}
   *
   * @param code the code
   * @param cafs the CAFs the profile may consult
   */
  public static Optional<Profile> forCode(String code, Collection<CafCode> cafs) {
    return all(cafs).stream().filter(p -> p.code().equalsIgnoreCase(code)).findFirst();
  }

  private static Profile profile(
      String code,
      String label,
      Collection<CafCode> cafs,
      EnumSet<Tab> tabs,
      EnumSet<Action> actions,
      EnumSet<AttestationType> attestationTypes,
      List<FinaliteCode> finalites,
      EnumSet<Restriction> restrictions) {
    return Profile.builder()
        .code(code)
        .label(label)
        .habilitations(
            Habilitations.builder()
                .addAllCafs(cafs)
                .addAllTabs(tabs)
                .addAllActions(actions)
                .addAllAttestationTypes(attestationTypes)
                .addAllFinalites(finalites)
                .addAllRestrictions(restrictions)
                .build())
        .build();
  }
}
