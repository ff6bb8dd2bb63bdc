package net.cdapkit.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.cdapkit.CdapSession;
import net.cdapkit.DialogueMessage;
import net.cdapkit.RequestOptions;
import net.cdapkit.error.CdapException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Prestation;
import net.cdapkit.testkit.Catalogue;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.CdapSimulatorExtension;
import net.cdapkit.testkit.Compliance;
import net.cdapkit.testkit.Fault;
import net.cdapkit.testkit.Fixtures;
import net.cdapkit.testkit.Operation;
import net.cdapkit.testkit.RecordedConsultation;
import net.cdapkit.testkit.RecordedDialogue;
import net.cdapkit.testkit.RecordedEnvoiPostal;
import net.cdapkit.testkit.SyntheticDossier;
import net.cdapkit.testkit.SyntheticDossier.EtatRsa;
import net.cdapkit.testkit.SyntheticDossier.NatureRsa;
import net.cdapkit.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The examples of README.testkit.md, as they are written there, compiled and run. */
class ReadmeExamplesTest {
  @RegisterExtension
  static final CdapSimulatorExtension CDAP =
      CdapSimulatorExtension.builder()
          .profile("T1") // demo agent of the injected client (default T1)
          .failOnUnmatchedRequests(true) // a call to a route the contract lacks fails the test
          .tokenLifetime(Duration.ofMinutes(5))
          .clock(TestClock.at(Instant.parse("2026-10-01T08:00:00Z")))
          .faultSeed(42) // replay random faults
          .build();

  private static final Finalite SOCIAL = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "test");

  @Test
  void fixtures(CdapSimulator sim, CdapSession session) {
    SyntheticDossier tenant =
        Fixtures.dossier("751", "9900123")
            .allocataire("Alix", "SPECIMEN")
            .enfant("Lou", LocalDate.of(2018, 5, 2))
            .paiementMensuel(Prestation.APL, "312.45", YearMonth.of(2024, 1), YearMonth.of(2026, 8))
            .tiersPayant("Office Public de l'Habitat Exemple")
            .rsa(EtatRsa.OUVERT_VERSABLE, NatureRsa.SOCLE, "548.27")
            .creance(Prestation.PPA, "300.00", "120.00")
            .courrier(LocalDate.of(2026, 9, 1), "Attestation envoyée")
            .revenusN2("14250.00")
            .build();
    sim.add(tenant); // served until the next reset, besides the catalogue

    assertThat(session.selectCaf("751").consultDossier("9900123", SOCIAL).rsa().dossierRsa())
        .isPresent();
  }

  @Test
  void generator() {
    List<SyntheticDossier> households = Fixtures.generate(2026L, 10_000);
    CdapSimulator loadSim =
        CdapSimulator.builder().catalogue(Catalogue.generated(2026L, 10_000)).build();

    assertThat(households).hasSize(10_000);
    assertThat(loadSim.catalogue().dossiers()).hasSize(10_000);
  }

  @Test
  void faults(CdapSimulator sim, CdapSession session) {
    sim.faults().on(Operation.TAB_PAIEMENTS).rate(0.1).inject(Fault.http(503)); // 10 % of calls
    sim.faults().on(Operation.LOOKUP_DOSSIER).skip(2).next(1).inject(Fault.connectionReset());
    sim.faults().on(Operation.SEND_DIALOGUE).next(1).inject(Fault.http(504).afterEffect());
    sim.faults().always().inject(Fault.randomDelay(Duration.ZERO, Duration.ofMillis(20)));
    int injected = sim.faults().injected(); // and injected(Operation), rule.injected()

    session
        .selectCaf("751")
        .sendDialogue(DialogueMessage.builder().objet("O").message("M").build());
    assertThat(injected).isZero();
    assertThat(sim.faults().injected(Operation.SEND_DIALOGUE)).isEqualTo(3); // 2 delays, 1 504
    assertThat(sim.dialogues()).hasSize(1);
  }

  @Test
  void stateAndTime(CdapSimulator sim, CdapSession session, TestClock clock) {
    session
        .selectCaf("751")
        .sendDialogue(
            DialogueMessage.builder().objet("O").message("M").build(),
            RequestOptions.defaults().withIdempotencyKey("my-idempotency-key"));

    List<RecordedDialogue> toParis = sim.dialogues(CafCode.of("751"));
    Optional<RecordedEnvoiPostal> sent = sim.envoiPostal("my-idempotency-key");
    int replays = sim.idempotentReplays(); // repeated keys answered without a second effect
    List<RecordedConsultation> who = sim.consultations(); // agent, dossier, finalité, when

    clock.advance(Duration.ofMinutes(31)); // the TestClock the simulator runs on
    // the next call is answered 401 10004 (token expired); the SDK renews the token once
    session.help();

    assertThat(toParis).hasSize(1);
    assertThat(sent).isEmpty();
    assertThat(replays).isZero();
    assertThat(who).isEmpty();
    assertThat(sim.authentications()).isEqualTo(2);
  }

  @Test
  void verification(CdapSimulator sim, CdapSession session) {
    sim.faults().on(Operation.SEND_DIALOGUE).next(1).inject(Fault.http(503).afterEffect());
    session
        .selectCaf("751")
        .sendDialogue(
            DialogueMessage.builder()
                .objet("O")
                .message("M")
                .dossier(session.selectCaf("751").consultDossier("9900001", SOCIAL))
                .build());

    sim.verify()
        .assertCount(Operation.SEND_DIALOGUE, 2) // one retry…
        .assertEveryRequestHasRequestId()
        .assertEveryConsultationHasFinalite()
        .assertEveryEffectHasIdempotencyKey()
        .assertNoSecretsInUrls(); // no numéro, NIR, name, password, token
    Map<String, Integer> attempts =
        sim.verify().attemptsByIdempotencyKey(Operation.SEND_DIALOGUE); // …with the same key

    assertThat(attempts.values()).containsExactly(2);
  }

  @Test
  void conformance(CdapSimulator sim, CdapSession session) {
    sim.respond(
        Operation.TAB_SYNTHESE,
        200,
        "{\"perimetre\":\"COMPLET\",\"allocataire\":{\"nom\":\"SPECIMEN\",\"prenom\":\"Alix\"},\"caf\":\"751\","
            + "\"situationFamiliale\":\"CEL\",\"nombreEnfants\":\"deux\",\"prestations\":[]}");
    try {
      session.selectCaf("751").consultDossier("9900001", SOCIAL).synthese();
    } catch (CdapException expected) {
      // the SDK refuses it too
    }

    assertThat(sim.contractViolations())
        .singleElement()
        .hasToString("RESPONSE synthese 200 body $.nombreEnfants: expected integer but was string");
    sim.reset(); // the extension would fail this test: the violation is its point
  }

  /** A partner's service, for the compliance example. */
  static final class MyService {
    private final CdapSession session;

    MyService(CdapSession session) {
      this.session = session;
    }

    void check(CafCode caf, NumeroAllocataire numero) {
      session.selectCaf(caf).consultDossier(numero, SOCIAL).synthese();
      org.slf4j.LoggerFactory.getLogger(MyService.class).info("dossier consulté");
    }

    @Override
    public String toString() {
      return "MyService";
    }
  }

  @Test
  void compliance(CdapSimulator sim, CdapSession session) {
    MyService myService = new MyService(session);
    CafCode caf = CafCode.of("751");
    NumeroAllocataire numero = NumeroAllocataire.of("9900001");
    RuntimeException caughtException = new IllegalStateException("Dossier introuvable");

    Compliance compliance = sim.compliance();
    try (Compliance.Capture logs = Compliance.captureStandardStreams()) {
      myService.check(caf, numero); // logs through SLF4J
      compliance.assertNoPersonalDataIn("logs", logs.text());
    }
    compliance.assertNoPersonalData(myService, caughtException); // toString, message chain
  }
}
