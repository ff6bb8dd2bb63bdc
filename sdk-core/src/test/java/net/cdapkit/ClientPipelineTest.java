package net.cdapkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import net.cdapkit.capability.Profile;
import net.cdapkit.capability.Profiles;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.NotFoundException;
import net.cdapkit.error.OutcomeUnknownException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.error.RateLimitedException;
import net.cdapkit.error.ServerException;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Paiement;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's HTTP pipeline against scripted responses: error mapping, retries, token renewal,
 * paging, idempotency keys, and checks that send nothing.
 */
class ClientPipelineTest {
  private static final String T1_TABS =
      "\"synthese\",\"resume\",\"paiements\",\"droits\",\"famille\",\"ressources\",\"rsa\","
          + "\"courriers\",\"logement\",\"creances\"";
  private static final String T5_TABS =
      "\"synthese\",\"resume\",\"paiements\",\"droits\",\"famille\",\"logement\",\"creances\"";

  private MockWebServer server;
  private CdapClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client =
        CdapClient.builder()
            .baseUrl(server.url("/api/v1/").toString())
            .credentials(CredentialsProvider.of("agent-test", "pw-test-123"))
            .retryPolicy(
                RetryPolicy.of(
                    3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10)))
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String token(String profile, String tabs, String actions, String finalites) {
    return "{\"accessToken\":\"tok-abcdefghijklmnopqrstuvwxyz\",\"tokenType\":\"Bearer\","
        + "\"expiresIn\":1800,\"session\":{\"partenaire\":{\"id\":\"P1\",\"nom\":\"Partenaire test\"},"
        + "\"agent\":{\"id\":\"agent-test\"},\"profil\":\""
        + profile
        + "\",\"habilitations\":{\"cafs\":[\"751\"],\"onglets\":["
        + tabs
        + "],\"actions\":["
        + actions
        + "],\"typesAttestation\":[\"PAIEMENT\"],\"finalites\":["
        + finalites
        + "],\"restrictions\":[]},\"debitMaxParSeconde\":20}}";
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse error(int code, String errorCode) {
    return json(
        code,
        "{\"errors\":[{\"code\":\""
            + errorCode
            + "\",\"title\":\"Erreur\",\"detail\":\"Dossier 9900001 de EXEMPLE Camille\"}]}");
  }

  private CdapSession t1Session() throws InterruptedException {
    server.enqueue(
        json(
            200,
            token(
                "T1",
                T1_TABS,
                "\"ATTESTATION_PDF\",\"ATTESTATION_POSTALE\",\"DIALOGUE\"",
                "\"ACCOMPAGNEMENT_SOCIAL\"")));
    CdapSession session = client.authenticate();
    server.takeRequest();
    return session;
  }

  private Dossier dossier(CdapSession session) throws InterruptedException {
    server.enqueue(json(200, "{\"reference\":\"dos_abcdefgh12345678\",\"caf\":\"751\"}"));
    Dossier d =
        session
            .selectCaf("751")
            .consultDossier("9900001", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL));
    RecordedRequest lookup = server.takeRequest();
    assertThat(lookup.getUrl().toString()).doesNotContain("9900001");
    assertThat(lookup.getBody().utf8()).contains("\"numeroAllocataire\":\"9900001\"");
    assertThat(lookup.getHeaders().get("X-Cdap-Finalite")).isEqualTo("ACCOMPAGNEMENT_SOCIAL");
    return d;
  }

  @Test
  void authenticate_whenAccepted_exposesProfileAndHabilitations() throws Exception {
    CdapSession session = t1Session();
    assertThat(session.profile()).isEqualTo("T1");
    assertThat(session.partenaire().id()).isEqualTo("P1");
    assertThat(session.canRead(Tab.RSA)).isTrue();
    assertThat(session.declaredRatePerSecond()).contains(20);
    assertThat(Profiles.forCode(session.profile(), session.habilitations().cafs()))
        .map(Profile::label)
        .isPresent();
  }

  @Test
  @SuppressWarnings("deprecation") // the deprecated accessor keeps working until it is removed
  void catalogueProfile_whenDeprecated_stillGivesTheCatalogueEntryOfProfile() throws Exception {
    CdapSession session = t1Session();
    assertThat(session.catalogueProfile())
        .isEqualTo(Profiles.forCode(session.profile(), session.habilitations().cafs()));
  }

  @Test
  void authenticate_whenRefused_distinguishesTheReasons() {
    server.enqueue(error(401, "10001"));
    server.enqueue(error(403, "10002"));
    server.enqueue(error(403, "10003"));
    assertThatThrownBy(client::authenticate)
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.BAD_CREDENTIALS));
    assertThatThrownBy(client::authenticate)
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(AuthenticationException.Reason.HABILITATION_SUSPENDED));
    assertThatThrownBy(client::authenticate)
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(AuthenticationException.Reason.PASSWORD_CHANGE_REQUIRED));
  }

  @Test
  void authenticate_sendsCredentialsInTheBodyOnly() throws Exception {
    t1Session();
    // t1Session already took the request; authenticate again to inspect it.
    server.enqueue(json(200, token("T1", T1_TABS, "", "\"ACCOMPAGNEMENT_SOCIAL\"")));
    client.authenticate();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().toString()).doesNotContain("pw-test-123").doesNotContain("agent-test");
    assertThat(r.getBody().utf8()).contains("pw-test-123");
    assertThat(r.getHeaders().get("X-Request-Id")).isNotBlank();
  }

  @Test
  void readTab_whenOutsideProfile_throwsBeforeAnyRequest() throws Exception {
    server.enqueue(json(200, token("T5", T5_TABS, "\"ATTESTATION_PDF\"", "\"GESTION_LOCATIVE\"")));
    CdapSession session = client.authenticate();
    server.enqueue(json(200, "{\"reference\":\"dos_abcdefgh12345678\",\"caf\":\"751\"}"));
    Dossier d =
        session
            .selectCaf("751")
            .consultDossier("9900001", Finalite.of(FinaliteCode.GESTION_LOCATIVE));
    int before = server.getRequestCount();
    assertThatThrownBy(d::rsa)
        .isInstanceOfSatisfying(
            CapabilityDeniedException.class,
            e -> {
              assertThat(e.profile()).isEqualTo("T5");
              assertThat(e.capability()).isEqualTo("tab rsa");
              assertThat(e.attempts()).isZero();
            });
    assertThatThrownBy(d::courriers).isInstanceOf(CapabilityDeniedException.class);
    assertThatThrownBy(() -> d.requestAttestationByPost(AttestationType.PAIEMENT))
        .isInstanceOf(CapabilityDeniedException.class);
    assertThatThrownBy(() -> d.requestAttestation(AttestationType.DROITS))
        .isInstanceOf(CapabilityDeniedException.class);
    assertThatThrownBy(
            () ->
                session
                    .selectCaf("751")
                    .sendDialogue(DialogueMessage.builder().objet("o").message("m").build()))
        .isInstanceOf(CapabilityDeniedException.class);
    assertThatThrownBy(() -> session.selectCaf("131"))
        .isInstanceOf(CapabilityDeniedException.class)
        .hasMessageContaining("CAF 131");
    assertThatThrownBy(
            () ->
                session
                    .selectCaf("751")
                    .consultDossier("9900001", Finalite.of(FinaliteCode.INSTRUCTION_RSA)))
        .isInstanceOf(CapabilityDeniedException.class)
        .hasMessageContaining("INSTRUCTION_RSA");
    assertThat(server.getRequestCount()).isEqualTo(before);
  }

  @Test
  void consultDossier_whenInputMissing_failsBeforeAnyRequest() throws Exception {
    CdapSession session = t1Session();
    int before = server.getRequestCount();
    CafContext caf = session.selectCaf("751");
    assertThatThrownBy(() -> caf.consultDossier("9900001", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("finalité");
    assertThatThrownBy(
            () -> caf.consultDossier("99000012", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("99000012");
    assertThat(server.getRequestCount()).isEqualTo(before);
  }

  @Test
  void lookup_whenUnknownDossier_throwsNotFoundWithoutPersonalData() throws Exception {
    CdapSession session = t1Session();
    server.enqueue(error(404, "37003"));
    assertThatThrownBy(
            () ->
                session
                    .selectCaf("751")
                    .consultDossier("9900001", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL)))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("37003");
              assertThat(e.requestId()).isPresent();
              assertThat(e.getMessage()).doesNotContain("9900001").doesNotContain("EXEMPLE");
            });
  }

  @Test
  void readTab_whenServerFailsTransiently_retriesAndSucceeds() throws Exception {
    Dossier d = dossier(t1Session());
    server.enqueue(error(503, "50003"));
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, "{\"dossierRsa\":{\"etat\":\"2\"}}"));
    assertThat(d.rsa().dossierRsa()).isPresent();
  }

  @Test
  void readTab_whenServerKeepsFailing_givesUpWithStatusCodeAndAttempts() throws Exception {
    Dossier d = dossier(t1Session());
    for (int i = 0; i < 3; i++) {
      server.enqueue(error(502, "37999"));
    }
    assertThatThrownBy(d::synthese)
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.errorCode()).isEqualTo("37999");
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.getMessage()).doesNotContain("EXEMPLE").doesNotContain("9900001");
            });
  }

  @Test
  void readTab_whenClientError_doesNotRetry() throws Exception {
    Dossier d = dossier(t1Session());
    server.enqueue(error(400, "00400"));
    int before = server.getRequestCount();
    assertThatThrownBy(d::synthese).isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(before + 1);
  }

  @Test
  void readTab_whenRateLimited_honoursRetryAfterThenReportsIt() throws Exception {
    Dossier d = dossier(t1Session());
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(429)
              .addHeader("Retry-After", "0")
              .addHeader("Content-Type", "application/json")
              .body("{\"errors\":[{\"code\":\"00429\",\"title\":\"Trop de requêtes\"}]}")
              .build());
    }
    assertThatThrownBy(d::synthese)
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ZERO);
              assertThat(e.attempts()).isEqualTo(3);
            });
  }

  @Test
  void readTab_whenBodyMalformed_throwsProtocolWithoutQuotingIt() throws Exception {
    Dossier d = dossier(t1Session());
    server.enqueue(json(200, "{\"dossierRsa\":{\"etat\":\"2\",\"referent\":{\"nom\":\"EXEMPLE"));
    assertThatThrownBy(d::rsa)
        .isInstanceOf(ProtocolException.class)
        .hasMessageNotContaining("EXEMPLE");
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "text/html")
            .body("<html>EXEMPLE</html>")
            .build());
    assertThatThrownBy(d::rsa)
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("text/html")
        .hasMessageNotContaining("EXEMPLE");
  }

  @Test
  void session_whenTokenExpires_renewsOnceAndReplays() throws Exception {
    Dossier d = dossier(t1Session());
    server.enqueue(error(401, "10004"));
    server.enqueue(
        json(
            200,
            token("T1", T1_TABS, "", "\"ACCOMPAGNEMENT_SOCIAL\"").replace("tok-abc", "tok-new")));
    // The new token invalidates the dossier reference: the client looks it up again.
    server.enqueue(json(200, "{\"reference\":\"dos_zzzzzzzz12345678\",\"caf\":\"751\"}"));
    server.enqueue(json(200, "{}"));
    assertThat(d.rsa().dossierRsa()).isEmpty();
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      requests.add(server.takeRequest(1, TimeUnit.SECONDS));
    }
    assertThat(requests.get(1).getUrl().encodedPath()).endsWith("/auth/token");
    assertThat(requests.get(2).getUrl().encodedPath()).endsWith("/dossiers/recherche");
    assertThat(requests.get(3).getHeaders().get("Authorization")).contains("tok-new");
    assertThat(requests.get(3).getUrl().encodedPath()).contains("dos_zzzzzzzz12345678");
  }

  @Test
  void paiements_walksEveryPageLazily() throws Exception {
    Dossier d = dossier(t1Session());
    History<Paiement> history = d.paiements(Periode.all());
    assertThat(server.getRequestCount()).isEqualTo(2); // nothing fetched yet
    server.enqueue(json(200, page(0, 1)));
    server.enqueue(json(200, page(1, 2)));
    server.enqueue(json(200, page(2, null)));
    assertThat(history.toList()).hasSize(6);
    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().queryParameter("page")).isEqualTo("0");
    assertThat(first.getUrl().queryParameter("taille")).isEqualTo("100");
  }

  @Test
  void paiements_whenPeriodeGiven_sendsItAsMonths() throws Exception {
    Dossier d = dossier(t1Session());
    server.enqueue(json(200, page(0, null)));
    d.paiements(Periode.between(java.time.YearMonth.of(2025, 1), java.time.YearMonth.of(2025, 6)))
        .toList();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().queryParameter("du")).isEqualTo("2025-01");
    assertThat(r.getUrl().queryParameter("au")).isEqualTo("2025-06");
  }

  private static String page(int numero, Integer suivante) {
    String line =
        "{\"date\":\"2026-10-05\",\"prestation\":\"AF\",\"periode\":\"2026-09\",\"montant\":\"148.52\","
            + "\"beneficiaire\":\"ALLOCATAIRE\"}";
    return "{\"perimetre\":\"COMPLET\",\"elements\":["
        + line
        + ","
        + line
        + "],\"page\":{\"numero\":"
        + numero
        + ",\"taille\":100"
        + (suivante == null ? "" : ",\"suivante\":" + suivante)
        + "}}";
  }

  @Test
  void postalAttestation_whenNoAnswer_reusesTheKeyAndReportsOutcomeUnknown() throws Exception {
    Dossier d = dossier(t1Session());
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    }
    OutcomeUnknownException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            OutcomeUnknownException.class,
            () -> d.requestAttestationByPost(AttestationType.PAIEMENT));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      keys.add(server.takeRequest().getHeaders().get("Idempotency-Key"));
    }
    assertThat(keys).containsOnly(e.idempotencyKey());
    assertThat(e.attempts()).isEqualTo(3);

    server.enqueue(
        json(
            200,
            "{\"reference\":\"ENV-751-000001\",\"type\":\"PAIEMENT\",\"dateEnvoiPrevue\":\"2026-11-28\"}"));
    d.requestAttestationByPost(
        AttestationType.PAIEMENT, RequestOptions.defaults().withIdempotencyKey(e.idempotencyKey()));
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
        .isEqualTo(e.idempotencyKey());
  }

  @Test
  void postalAttestation_whenRenewalFailsAfterALostAnswer_stillReportsOutcomeUnknown()
      throws Exception {
    Dossier d = dossier(t1Session());
    server.enqueue(error(502, "37999")); // the server may have posted the letter
    server.enqueue(error(401, "10004")); // the retry finds the token expired
    server.enqueue(error(401, "10001")); // and the renewal is refused
    assertThatThrownBy(() -> d.requestAttestationByPost(AttestationType.PAIEMENT))
        .isInstanceOf(OutcomeUnknownException.class);
  }

  @Test
  void dialogue_whenCallerGivesAKey_sendsItAndReturnsTheReceipt() throws Exception {
    CdapSession session = t1Session();
    server.enqueue(
        json(201, "{\"reference\":\"DLG-751-000001\",\"recuLe\":\"2026-11-26T10:00:00Z\"}"));
    var receipt =
        session
            .selectCaf("751")
            .sendDialogue(
                DialogueMessage.builder().objet("Objet").message("Corps du message").build(),
                RequestOptions.defaults().withIdempotencyKey("case-2026-0001"));
    assertThat(receipt.reference()).isEqualTo("DLG-751-000001");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("Idempotency-Key")).isEqualTo("case-2026-0001");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/cafs/751/dialogues");
  }

  @Test
  void close_logsOutAndRefusesFurtherCalls() throws Exception {
    CdapSession session = t1Session();
    server.enqueue(new MockResponse.Builder().code(204).build());
    session.close();
    assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    session.close(); // idempotent
    assertThat(session.isOpen()).isFalse();
    assertThatThrownBy(() -> session.selectCaf("751")).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void callerOkHttpClient_keepsItsInterceptorsAndGetsTheSdks() throws Exception {
    OkHttpClient mine =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain.request().newBuilder().header("X-Partner-Trace", "t-1").build()))
            .build();
    CdapClient custom = client.newBuilder().okHttpClient(mine).build();
    server.enqueue(json(200, token("T1", T1_TABS, "", "\"ACCOMPAGNEMENT_SOCIAL\"")));
    custom.authenticate();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("X-Partner-Trace")).isEqualTo("t-1");
    assertThat(r.getHeaders().get("X-Request-Id")).isNotBlank();
    assertThat(r.getHeaders().get("User-Agent")).startsWith("cdapkit-java/");
  }
}
