package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.DialogueMessage;
import net.cdapkit.Dossier;
import net.cdapkit.RetryPolicy;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.OutcomeUnknownException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.error.ServerException;
import net.cdapkit.error.TransportException;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.Prestation;
import net.cdapkit.testkit.internal.faults.FaultMutations;
import net.cdapkit.testkit.internal.faults.NetworkFault;
import net.cdapkit.testkit.internal.server.ErrorCode;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every fault of the DSL, seen through the SDK and through a bare HTTP client. */
class FaultInjectionTest {
  private static final RetryPolicy FAST =
      RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10));
  private static CdapSimulator sim;
  private static CdapClient client;
  private static CdapClient noRetry;

  @BeforeAll
  static void start() {
    sim = CdapSimulator.builder().build().start();
    client =
        CdapClient.builder()
            .baseUrl(sim.baseUrl())
            .credentials(CredentialsProvider.of("demo-t1", "demo-password"))
            .retryPolicy(FAST)
            .build();
    noRetry = client.newBuilder().retryPolicy(RetryPolicy.none()).build();
  }

  @AfterAll
  static void stop() {
    sim.stop();
  }

  @BeforeEach
  void reset() {
    sim.reset();
  }

  private static Dossier demo(CdapSession session) {
    return session
        .selectCaf("751")
        .consultDossier("9900001", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "test"));
  }

  private static DialogueMessage message() {
    return DialogueMessage.builder().objet("Question").message("Bonjour").build();
  }

  @Test
  void http503_whenNextOnce_isRetriedByTheClientAndCounted() {
    sim.faults().on(Operation.TAB_SYNTHESE).next(1).inject(Fault.http(503));

    try (CdapSession session = client.authenticate()) {
      assertThat(demo(session).synthese().nombreEnfants()).isEqualTo(2);
    }

    assertThat(sim.faults().injected()).isEqualTo(1);
    assertThat(sim.faults().injected(Operation.TAB_SYNTHESE)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = ErrorCode.class,
      names = {"INTERNAL", "PROVIDER_ERROR", "UNAVAILABLE", "GATEWAY_TIMEOUT"})
  void http5xx_always_answersTheContractErrorBody(ErrorCode code) {
    sim.faults().on(Operation.HELP).inject(Fault.http(code.status));
    SimClient raw = new SimClient(sim);
    String token = raw.login("demo-t1");

    SimClient.Resp r = raw.get("aide/fiches").bearer(token).header("X-Request-Id", "rid-1").send();

    assertThat(r.status()).isEqualTo(code.status);
    assertThat(r.errorCode()).isEqualTo(code.code);
    assertThat(r.str("errors.0.title")).isEqualTo(code.title);
    assertThat(r.header("X-Request-Id")).isEqualTo("rid-1");
    assertThat(r.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void http503_whenAlways_surfacesAsServerExceptionAfterEveryAttempt() {
    sim.faults().on(Operation.TAB_DROITS).always().inject(Fault.http(503));

    try (CdapSession session = client.authenticate()) {
      Dossier d = demo(session);
      assertThatThrownBy(d::droits)
          .isInstanceOfSatisfying(
              ServerException.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.errorCode()).isEqualTo("50003");
              });
    }
    assertThat(sim.faults().injected(Operation.TAB_DROITS)).isEqualTo(3);
  }

  @Test
  void tooManyRequests_answers429WithRetryAfterInSeconds() {
    sim.faults().on(Operation.HELP).next(1).inject(Fault.tooManyRequests(7));
    SimClient raw = new SimClient(sim);
    String token = raw.login("demo-t1");

    SimClient.Resp r = raw.get("aide/fiches").bearer(token).send();

    assertThat(r.status()).isEqualTo(429);
    assertThat(r.errorCode()).isEqualTo("00429");
    assertThat(r.header("Retry-After")).isEqualTo("7");
    assertThat(raw.get("aide/fiches").bearer(token).send().status()).isEqualTo(200);
  }

  @Test
  void tooManyRequests_withRetryAfterZero_isRetriedByTheClient() {
    sim.faults().on(Operation.TAB_RESUME).next(2).inject(Fault.tooManyRequests(0));

    try (CdapSession session = client.authenticate()) {
      assertThat(demo(session).resume()).isNotNull();
    }
    assertThat(sim.faults().injected()).isEqualTo(2);
  }

  @Test
  void tokenExpired_whenOnce_makesTheClientAuthenticateAgain() {
    try (CdapSession session = client.authenticate()) {
      Dossier d = demo(session);
      sim.faults().on(Operation.TAB_LOGEMENT).next(1).inject(Fault.tokenExpired());

      assertThat(d.logement()).isNotNull();
    }
    assertThat(sim.authentications()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(NetworkFault.class)
  void networkFault_breaksTheConnection_andTheClientSeesATransportFailure(NetworkFault kind) {
    Fault fault =
        switch (kind) {
          case CONNECTION_RESET -> Fault.connectionReset();
          case EMPTY_RESPONSE -> Fault.emptyResponse();
          case MALFORMED_CHUNK -> Fault.malformedChunk();
          case RANDOM_DATA_THEN_CLOSE -> Fault.randomDataThenClose();
        };
    SimClient raw = new SimClient(sim);
    String token = raw.login("demo-t1");
    // The JDK client retries an idempotent request once on a closed connection: fault them all.
    sim.faults().on(Operation.HELP).always().inject(fault);

    assertThatThrownBy(() -> raw.get("aide/fiches").bearer(token).send())
        .isInstanceOf(UncheckedIOException.class);

    sim.faults().clear();
    sim.faults().on(Operation.HELP).next(1).inject(fault);
    try (CdapSession session = noRetry.authenticate()) {
      assertThatThrownBy(session::help)
          .isInstanceOfAny(TransportException.class, ProtocolException.class);
    }
  }

  @Test
  void networkFault_whenOnce_isRetriedByTheClient() {
    sim.faults().on(Operation.TAB_FAMILLE).next(1).inject(Fault.connectionReset());

    try (CdapSession session = client.authenticate()) {
      assertThat(demo(session).compositionFamille().membres()).hasSize(4);
    }
    assertThat(sim.faults().injected()).isEqualTo(1);
  }

  @Test
  void delay_whenLongerThanTheCallTimeout_timesTheCallOut() {
    CdapClient impatient = noRetry.newBuilder().callTimeout(Duration.ofMillis(400)).build();
    sim.faults().on(Operation.TAB_RSA).next(1).inject(Fault.delay(Duration.ofMillis(2000)));

    try (CdapSession session = impatient.authenticate()) {
      Dossier d = demo(session);
      assertThatThrownBy(d::rsa).isInstanceOf(TransportException.class);
    }
  }

  @Test
  void delay_whenFixed_delaysTheRealAnswer() {
    SimClient raw = new SimClient(sim);
    String token = raw.login("demo-t1");
    sim.faults().on(Operation.HELP).inject(Fault.delay(Duration.ofMillis(150)));

    long started = System.nanoTime();
    SimClient.Resp r = raw.get("aide/fiches").bearer(token).send();
    long ms = (System.nanoTime() - started) / 1_000_000;

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.list("fiches")).isNotEmpty();
    System.out.println("Fault.delay(150 ms): answer after " + ms + " ms");
  }

  @Test
  void beforeEffect_whenNoRetry_theDialogueDoesNotHappen() {
    sim.faults().on(Operation.SEND_DIALOGUE).next(1).inject(Fault.http(503));

    try (CdapSession session = noRetry.authenticate()) {
      assertThatThrownBy(() -> session.selectCaf("751").sendDialogue(message()))
          .isInstanceOf(CdapException.class);
    }
    assertThat(sim.dialogues()).isEmpty();
  }

  @Test
  void afterEffect_whenNoRetry_theDialogueHappenedButTheAnswerIsLost() {
    sim.faults().on(Operation.SEND_DIALOGUE).next(1).inject(Fault.connectionReset().afterEffect());

    try (CdapSession session = noRetry.authenticate()) {
      assertThatThrownBy(() -> session.selectCaf("751").sendDialogue(message()))
          .isInstanceOf(OutcomeUnknownException.class);
    }
    assertThat(sim.dialogues()).hasSize(1);
  }

  @Test
  void afterEffect_whenRetried_sameKeyGivesOneDialogueAndOnePostalAttestation() {
    sim.faults()
        .on(Operation.SEND_DIALOGUE, Operation.ATTESTATION_POSTALE)
        .next(2)
        .inject(Fault.http(504).afterEffect());

    try (CdapSession session = client.authenticate()) {
      assertThat(session.selectCaf("751").sendDialogue(message()).reference())
          .startsWith("DLG-751-");
      assertThat(demo(session).requestAttestationByPost(AttestationType.PAIEMENT).reference())
          .startsWith("ENV-751-");
    }
    assertThat(sim.faults().injected()).isEqualTo(2);
    assertThat(sim.dialogues()).hasSize(1);
    assertThat(sim.envoisPostaux()).hasSize(1);
  }

  @Test
  void malformedJson_isAProtocolFailure() {
    sim.faults().on(Operation.TAB_CREANCES).always().inject(Fault.malformedJson());

    try (CdapSession session = client.authenticate()) {
      Dossier d = demo(session);
      assertThatThrownBy(d::creances).isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void unknownFields_everywhere_areIgnoredByTheClient() {
    sim.faults().always().inject(Fault.unknownFields());

    readEverything();

    assertThat(sim.faults().injected()).isGreaterThan(12);
  }

  @Test
  void unknownFields_areAddedToEveryObject() {
    sim.faults().on(Operation.TAB_SYNTHESE).inject(Fault.unknownFields());
    SimClient raw = new SimClient(sim);
    String token = raw.login("demo-t1");
    String ref = raw.lookup(token, "751", "9900001", "ACCOMPAGNEMENT_SOCIAL");

    SimClient.Resp r =
        raw.get("dossiers/" + ref + "/synthese")
            .bearer(token)
            .finalite("ACCOMPAGNEMENT_SOCIAL")
            .send();

    assertThat(r.map("")).containsKeys("champAjouteParUneVersionFuture", "extensionFuture");
    assertThat(r.map("allocataire")).containsKey("champAjouteParUneVersionFuture");
    assertThat(r.map("extensionFuture")).containsEntry("note", null);
  }

  @Test
  void unknownEnumValues_everywhere_areToleratedByTheClient() {
    sim.faults().always().inject(Fault.unknownEnumValues());

    try (CdapSession session = client.authenticate()) {
      Dossier d = demo(session);
      List<Paiement> paiements = d.paiements().stream().limit(5).toList();
      assertThat(paiements).isNotEmpty().allMatch(p -> p.prestation() == Prestation.UNKNOWN);
    }
    readEverything();
  }

  @Test
  void unknownEnumValues_replaceScalarsAndExtendLists() {
    sim.faults().on(Operation.AUTHENTICATE, Operation.TAB_DROITS).inject(Fault.unknownEnumValues());
    SimClient raw = new SimClient(sim);
    SimClient.Resp auth =
        raw.post("auth/token")
            .json("{\"login\":\"demo-t1\",\"password\":\"demo-password\"}")
            .send();
    String token = auth.str("accessToken");
    String ref = raw.lookup(token, "751", "9900001", "ACCOMPAGNEMENT_SOCIAL");

    SimClient.Resp droits =
        raw.get("dossiers/" + ref + "/droits")
            .bearer(token)
            .finalite("ACCOMPAGNEMENT_SOCIAL")
            .send();

    assertThat(auth.str("tokenType")).isEqualTo("Bearer");
    assertThat(auth.at("session.habilitations.onglets"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .contains("onglet_futur", "rsa");
    assertThat(droits.str("perimetre")).isEqualTo(FaultMutations.UNKNOWN_VALUE);
    assertThat(droits.list("droits"))
        .allSatisfy(d -> assertThat(d).containsEntry("prestation", FaultMutations.UNKNOWN_VALUE));
  }

  private static void readEverything() {
    try (CdapSession session = client.authenticate()) {
      Dossier d = demo(session);
      for (Tab tab : Tab.values()) {
        switch (tab) {
          case SYNTHESE -> assertThat(d.synthese()).isNotNull();
          case RESUME -> assertThat(d.resume()).isNotNull();
          case PAIEMENTS -> assertThat(d.paiements().stream().limit(60).count()).isPositive();
          case DROITS -> assertThat(d.droits().droits()).isNotEmpty();
          case FAMILLE -> assertThat(d.compositionFamille().membres()).isNotEmpty();
          case RESSOURCES -> assertThat(d.ressources()).isNotNull();
          case RSA -> assertThat(d.rsa()).isNotNull();
          case COURRIERS -> assertThat(d.courriers().stream().limit(60).count()).isPositive();
          case LOGEMENT -> assertThat(d.logement()).isNotNull();
          case CREANCES -> assertThat(d.creances().creances()).isNotEmpty();
        }
      }
      assertThat(d.requestAttestation(AttestationType.PAIEMENT).content()).isNotEmpty();
      assertThat(d.requestAttestationByPost(AttestationType.DROITS).reference()).isNotEmpty();
      assertThat(session.selectCaf("751").sendDialogue(message()).reference()).isNotEmpty();
      assertThat(session.help().fiches()).isNotEmpty();
    }
  }
}
