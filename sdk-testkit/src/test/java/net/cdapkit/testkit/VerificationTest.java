package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.cdapkit.CdapSession;
import net.cdapkit.DialogueMessage;
import net.cdapkit.Dossier;
import net.cdapkit.RequestOptions;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import org.junit.jupiter.api.Test;

/** What the client sent, how often, with which headers; and the recorded state. */
@CdapSimulatorTest(conformance = Conformance.RESPONSES)
class VerificationTest {
  private static final Finalite SOCIAL = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "test");

  private static Dossier demo(CdapSession session) {
    return session.selectCaf("751").consultDossier("9900001", SOCIAL);
  }

  @Test
  void attempts_whenTheAnswerIsLostOnce_areCountedPerIdempotencyKeyAndTheEffectHappensOnce(
      CdapSimulator sim, CdapSession session) {
    sim.faults().on(Operation.SEND_DIALOGUE).next(1).inject(Fault.http(503).afterEffect());
    String key = "cle-dialogue-0001";

    session
        .selectCaf("751")
        .sendDialogue(
            DialogueMessage.builder().objet("Objet").message("Texte").build(),
            RequestOptions.defaults().withIdempotencyKey(key));

    Verification v = sim.verify();
    v.assertCount(Operation.SEND_DIALOGUE, 2).assertEveryEffectHasIdempotencyKey();
    assertThat(v.attemptsByIdempotencyKey(Operation.SEND_DIALOGUE)).isEqualTo(Map.of(key, 2));
    assertThat(v.attempts(key)).isEqualTo(2);
    assertThat(v.requests(Operation.SEND_DIALOGUE))
        .extracting(ReceivedRequest::status)
        .containsExactly(503, 200);
    assertThat(sim.dialogues()).hasSize(1);
    assertThat(sim.dialogue(key)).isPresent();
    assertThat(sim.dialogues(CafCode.of("751"))).hasSize(1);
    assertThat(sim.dialogues(CafCode.of("131"))).isEmpty();
    assertThat(sim.idempotentReplays()).isEqualTo(1);
  }

  @Test
  void headers_ofTheSdk_carryRequestIdFinaliteAndIdempotencyKey(
      CdapSimulator sim, CdapSession session) {
    Dossier d = demo(session);
    d.synthese();
    d.paiements().stream().limit(3).toList();
    d.requestAttestationByPost(AttestationType.PAIEMENT);

    Verification v = sim.verify();

    v.assertEveryRequestHasRequestId()
        .assertEveryConsultationHasFinalite()
        .assertEveryEffectHasIdempotencyKey()
        .assertNoUnmatchedRequests()
        .assertNoSecretsInUrls()
        .assertCount(Operation.LOOKUP_DOSSIER, 1);
    assertThat(v.requests(Operation.TAB_SYNTHESE))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.finalite()).contains("ACCOMPAGNEMENT_SOCIAL");
              assertThat(r.authorization()).isTrue();
              assertThat(r.toString()).doesNotContain(r.path()).contains("TAB_SYNTHESE -> 200");
            });
    assertThat(sim.envoisPostaux(CafCode.of("751"), NumeroAllocataire.of("9900001"))).hasSize(1);
    assertThat(sim.envoisPostaux(CafCode.of("131"))).isEmpty();
    String key = sim.envoisPostaux().get(0).idempotencyKey();
    assertThat(sim.envoiPostal(key)).isPresent();
    assertThat(sim.consultations())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.finalite()).isEqualTo(FinaliteCode.ACCOMPAGNEMENT_SOCIAL);
              assertThat(c.agent()).isEqualTo("demo-t1");
              assertThat(c.toString()).doesNotContain("9900001");
            });
  }

  @Test
  void assertCount_whenWrong_namesWhatWasReceived(CdapSimulator sim, CdapSession session) {
    demo(session).synthese();

    assertThatThrownBy(() -> sim.verify().assertCount(Operation.TAB_SYNTHESE, 2))
        .hasMessageContaining("Expected 2 request(s) for TAB_SYNTHESE but the simulator received 1")
        .hasMessageContaining("LOOKUP_DOSSIER=1");
  }

  @Test
  void assertNoSecretsInUrls_whenANumeroNameOrTokenIsInAUrl_failsWithoutQuotingIt(
      CdapSimulator sim, CdapSession session) {
    demo(session).synthese();
    SimClient raw = new SimClient(sim);
    String token = raw.login("demo-t1");

    raw.get("aide/fiches?numero=9900001").bearer(token).send();
    raw.get("aide/fiches?nom=Camille%20Exemple").bearer(token).send();
    raw.get("aide/fiches?jeton=" + token).bearer(token).send();
    raw.get("aide/fiches?nir=288037599900112").bearer(token).send();

    assertThatThrownBy(() -> sim.verify().assertNoSecretsInUrls())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("has a numéro allocataire in its URL")
        .hasMessageContaining("has a name in its URL")
        .hasMessageContaining("has a password or token in its URL")
        .hasMessageContaining("has a NIR in its URL")
        .message()
        .doesNotContain("9900001")
        .doesNotContain(token)
        .doesNotContain("Camille");
  }

  @Test
  void assertEveryConsultationHasFinalite_whenMissing_fails(CdapSimulator sim) {
    SimClient raw = new SimClient(sim);
    String token = raw.login("demo-t1");
    raw.post("dossiers/recherche")
        .bearer(token)
        .json("{\"caf\":\"751\",\"numeroAllocataire\":\"9900001\"}")
        .send();

    assertThatThrownBy(() -> sim.verify().assertEveryConsultationHasFinalite())
        .hasMessageContaining("1 consultation(s) without an X-Cdap-Finalite header");
    sim.reset();
  }

  @Test
  void recordRequests_whenOff_verifyExplains() {
    CdapSimulator quiet = CdapSimulator.builder().recordRequests(false).build();

    assertThatThrownBy(quiet::verify).hasMessageContaining("recordRequests(true)");
  }
}
