package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import net.cdapkit.AttestationPdf;
import net.cdapkit.CafContext;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.DialogueMessage;
import net.cdapkit.Dossier;
import net.cdapkit.Periode;
import net.cdapkit.RequestOptions;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.NotFoundException;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.Beneficiaire;
import net.cdapkit.model.Courrier;
import net.cdapkit.model.DialogueReceipt;
import net.cdapkit.model.EnvoiPostalReceipt;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.Perimetre;
import net.cdapkit.model.Prestation;
import net.cdapkit.model.RoleFamille;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation of the SDK, end to end, through the simulator: the guide's steps 1 to 7. */
class ClientAgainstSimulatorIntegrationTest {
  private static CdapSimulator simulator;
  private static CdapClient client;
  private CdapSession session;

  @BeforeAll
  static void startSimulator() {
    simulator =
        CdapSimulator.builder().conformance(Conformance.REQUESTS_AND_RESPONSES).build().start();
    client =
        CdapClient.builder()
            .baseUrl(simulator.baseUrl())
            .credentials(CredentialsProvider.of("demo-t1", "demo-password"))
            .build();
  }

  @AfterAll
  static void stopSimulator() {
    simulator.stop();
  }

  @AfterEach
  void conformsBothWays() {
    session.close();
    simulator.assertConformance();
    simulator.verify().assertEveryRequestHasRequestId().assertNoSecretsInUrls();
  }

  @BeforeEach
  void open() {
    simulator.reset();
    session = client.authenticate();
  }

  private Dossier demoDossier() {
    return session
        .selectCaf("751")
        .consultDossier("9900001", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "test"));
  }

  @Test
  void authenticate_asDemoT1_givesTheT1Session() {
    assertThat(session.profile()).isEqualTo("T1");
    assertThat(session.agent().id()).isEqualTo("demo-t1");
    assertThat(session.habilitations().cafs()).extracting(Object::toString).contains("751");
  }

  @Test
  void authenticate_withWrongPassword_isBadCredentials() {
    assertThatThrownBy(() -> client.authenticate(CredentialsProvider.of("demo-t1", "wrong")))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.BAD_CREDENTIALS));
  }

  @Test
  void authenticate_suspendedAndRenewalAgents_haveTheirReasons() {
    assertThatThrownBy(
            () -> client.authenticate(CredentialsProvider.of("demo-suspendu", "demo-password")))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(AuthenticationException.Reason.HABILITATION_SUSPENDED));
    assertThatThrownBy(
            () ->
                client.authenticate(CredentialsProvider.of("demo-renouvellement", "demo-password")))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(AuthenticationException.Reason.PASSWORD_CHANGE_REQUIRED));
  }

  @Test
  void everyTab_ofTheDemoDossier_decodesWithContent() {
    Dossier d = demoDossier();
    assertThat(d.synthese().caf().value()).isEqualTo("751");
    assertThat(d.synthese().prestations()).isNotEmpty();
    assertThat(d.resume().adresse().codePostal()).startsWith("75");
    assertThat(d.paiements().toList()).hasSizeGreaterThan(20);
    assertThat(d.droits().droits()).isNotEmpty();
    assertThat(d.compositionFamille().membres())
        .extracting(m -> m.role())
        .contains(RoleFamille.DEM, RoleFamille.ENF);
    assertThat(d.compositionFamille().membres()).anyMatch(m -> m.nir().isPresent());
    assertThat(d.ressources().quotientFamilial()).isPresent();
    assertThat(d.rsa().dossierRsa()).isPresent();
    assertThat(d.courriers().toList()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(d.logement().logement()).isPresent();
    assertThat(d.creances().creances()).isNotEmpty();
  }

  @Test
  void paiements_areNewestFirstAndFilteredByPeriode() {
    Dossier d = demoDossier();
    List<Paiement> all = d.paiements().toList();
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).periode()).isBeforeOrEqualTo(all.get(i - 1).periode());
    }
    YearMonth newest = all.get(0).periode();
    List<Paiement> lastMonth = d.paiements(Periode.month(newest)).toList();
    assertThat(lastMonth).isNotEmpty().allMatch(p -> p.periode().equals(newest));
    assertThat(all).anyMatch(p -> p.beneficiaire() == Beneficiaire.TIERS);
    assertThat(all).allMatch(p -> p.montant().compareTo(BigDecimal.ZERO) >= 0);
  }

  @Test
  void largeFamily_hasYearsOfHistoryPagedTransparently() {
    // The catalogue's large family has ten years of monthly payments: several pages of 100.
    Dossier largest = null;
    int max = 0;
    for (SyntheticDossier s : Catalogue.standard().dossiers()) {
      if (!session.habilitations().allowsCaf(s.caf())) {
        continue;
      }
      Dossier d =
          session
              .selectCaf(s.caf())
              .consultDossier(
                  s.numeroAllocataire(), Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL));
      int n = d.paiements().toList().size();
      if (n > max) {
        max = n;
        largest = d;
      }
    }
    assertThat(largest).isNotNull();
    assertThat(max).isGreaterThan(250);
  }

  @Test
  void courriers_areNewestFirst() {
    List<Courrier> all = demoDossier().courriers().toList();
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).date()).isBeforeOrEqualTo(all.get(i - 1).date());
    }
  }

  @Test
  void requestAttestation_givesAPdf() {
    AttestationPdf pdf = demoDossier().requestAttestation(AttestationType.PAIEMENT);
    assertThat(new String(pdf.content(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(pdf.size()).isGreaterThan(300);
  }

  @Test
  void requestAttestationByPost_isRecordedOnceEvenWhenRepeatedWithTheSameKey() {
    Dossier d = demoDossier();
    RequestOptions options = RequestOptions.defaults().withIdempotencyKey("case-0001-post");
    EnvoiPostalReceipt first = d.requestAttestationByPost(AttestationType.PAIEMENT, options);
    EnvoiPostalReceipt again = d.requestAttestationByPost(AttestationType.PAIEMENT, options);
    assertThat(again.reference()).isEqualTo(first.reference());
    assertThat(simulator.envoisPostaux()).hasSize(1);
    d.requestAttestationByPost(AttestationType.DROITS);
    assertThat(simulator.envoisPostaux()).hasSize(2);
  }

  @Test
  void sendDialogue_returnsAReceiptAndIsRecordedOnce() {
    Dossier d = demoDossier();
    CafContext caf = session.selectCaf("751");
    DialogueMessage message =
        DialogueMessage.builder().objet("Question").message("Corps du message").dossier(d).build();
    RequestOptions options = RequestOptions.defaults().withIdempotencyKey("case-0001-dialogue");
    DialogueReceipt first = caf.sendDialogue(message, options);
    DialogueReceipt again = caf.sendDialogue(message, options);
    assertThat(first.reference()).startsWith("DLG-751-").isEqualTo(again.reference());
    assertThat(simulator.dialogues()).hasSize(1);
  }

  @Test
  void help_listsFichesPratiques() {
    assertThat(session.help().fiches()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void consultDossier_whenUnknown_isNotFound() {
    assertThatThrownBy(
            () ->
                session
                    .selectCaf("751")
                    .consultDossier("9999998", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageNotContaining("9999998");
  }

  @Test
  void close_logsOutOnTheServer() {
    Dossier d = demoDossier();
    session.close();
    CdapSession other = client.authenticate();
    assertThat(other.isOpen()).isTrue();
    assertThatThrownBy(d::synthese).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void t5Landlord_seesHousingAidsOnlyAndNoNir() {
    CdapSession t5 = client.authenticate(CredentialsProvider.of("demo-t5", "demo-password"));
    Dossier d =
        t5.selectCaf("751").consultDossier("9900001", Finalite.of(FinaliteCode.GESTION_LOCATIVE));
    var paiements = d.paiements();
    assertThat(paiements.perimetre()).isEqualTo(Perimetre.AIDES_LOGEMENT);
    assertThat(paiements.toList()).isNotEmpty().allMatch(p -> p.prestation().isAideLogement());
    assertThat(d.droits().perimetre()).isEqualTo(Perimetre.AIDES_LOGEMENT);
    assertThat(d.droits().droits()).allMatch(x -> x.prestation().isAideLogement());
    assertThat(d.creances().creances()).allMatch(x -> x.prestationOrigine().isAideLogement());
    assertThat(d.compositionFamille().perimetre()).isEqualTo(Perimetre.SANS_NIR);
    assertThat(d.compositionFamille().membres()).allMatch(m -> m.nir().isEmpty());
    assertThat(d.synthese().perimetre()).isEqualTo(Perimetre.AIDES_LOGEMENT);
    assertThat(d.synthese().prestations())
        .isNotEmpty()
        .allMatch(p -> p.prestation().isAideLogement());
    assertThat(Prestation.APL.isAideLogement()).isTrue();
  }
}
