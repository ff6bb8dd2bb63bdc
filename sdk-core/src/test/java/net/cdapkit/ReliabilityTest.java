package net.cdapkit;

import static net.cdapkit.ClientPipelineTest.error;
import static net.cdapkit.ClientPipelineTest.json;
import static net.cdapkit.ClientPipelineTest.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.OutcomeUnknownException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.error.RateLimitedException;
import net.cdapkit.error.ServerException;
import net.cdapkit.error.TransportException;
import net.cdapkit.internal.http.TokenBucket;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timeouts, response guards, pacing and the caller's own OkHttp client, against a scripted server.
 * Delays are real but short; nothing asserts on measured time.
 */
class ReliabilityTest {
  private static final String T1_TABS =
      "\"synthese\",\"resume\",\"paiements\",\"droits\",\"famille\",\"ressources\",\"rsa\","
          + "\"courriers\",\"logement\",\"creances\"";
  private static final String PERSONAL = "EXEMPLE Camille 9900001 12 rue Fictive";

  private MockWebServer server;
  private CdapClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = builder().build();
  }

  private CdapClient.Builder builder() {
    return CdapClient.builder()
        .baseUrl(server.url("/api/v1/").toString())
        .credentials(CredentialsProvider.of("agent-test", "pw-test-123"))
        .retryPolicy(
            RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CdapSession session(CdapClient c) throws InterruptedException {
    server.enqueue(
        json(
            200,
            token(
                "T1",
                T1_TABS,
                "\"ATTESTATION_PDF\",\"ATTESTATION_POSTALE\",\"DIALOGUE\"",
                "\"ACCOMPAGNEMENT_SOCIAL\"")));
    CdapSession s = c.authenticate();
    server.takeRequest();
    return s;
  }

  private Dossier dossier(CdapSession s) throws InterruptedException {
    server.enqueue(json(200, "{\"reference\":\"dos_abcdefgh12345678\",\"caf\":\"751\"}"));
    Dossier d =
        s.selectCaf("751")
            .consultDossier("9900001", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL));
    server.takeRequest();
    return d;
  }

  private static MockResponse delayed(long millis, String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .headersDelay(millis, TimeUnit.MILLISECONDS)
        .body(body)
        .build();
  }

  // ---------------------------------------------------------------- timeouts

  @Test
  void requestTimeout_whenServerAnswersLate_boundsEachAttemptAndReportsOutcomeUnknown()
      throws Exception {
    Dossier d = dossier(session(client)); // the client's own call timeout is 60 s
    for (int i = 0; i < 3; i++) {
      server.enqueue(delayed(2_000, "{\"reference\":\"ENV-751-000001\"}"));
    }
    RequestOptions options =
        RequestOptions.defaults()
            .withTimeout(Duration.ofMillis(150))
            .withIdempotencyKey("case-2026-0042");
    assertThatThrownBy(() -> d.requestAttestationByPost(AttestationType.PAIEMENT, options))
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            e -> {
              assertThat(e.idempotencyKey()).isEqualTo("case-2026-0042");
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.getCause())
                  .isInstanceOf(TransportException.class)
                  .hasMessageStartingWith("Timed out");
            });
  }

  @Test
  void callTimeout_whenServerAnswersLate_failsTheReadAsTimedOut() throws Exception {
    // One second: long enough for the loopback authentication and look-up of a loaded machine,
    // far shorter than the late answer.
    CdapClient quick =
        builder().callTimeout(Duration.ofSeconds(1)).retryPolicy(RetryPolicy.none()).build();
    Dossier d = dossier(session(quick));
    server.enqueue(delayed(5_000, "{}"));
    assertThatThrownBy(d::synthese)
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.getMessage()).startsWith("Timed out during tab.synthese");
              assertThat(e.attempts()).isOne();
            });
  }

  @Test
  void budget_whenSmallerThanTheCallTimeout_cutsTheAttempt() throws Exception {
    CdapClient budgeted =
        builder()
            .retryPolicy(
                RetryPolicy.of(
                    3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(300)))
            .build();
    Dossier d = dossier(session(budgeted));
    server.enqueue(delayed(3_000, "{}"));
    assertThatThrownBy(d::synthese).isInstanceOf(TransportException.class);
    assertThat(server.getRequestCount()).isEqualTo(3); // auth, lookup, one attempt
  }

  // ---------------------------------------------------------------- response guards

  @ParameterizedTest
  @ValueSource(strings = {"text/html", "application/xml", "text/plain", "application/pdf"})
  void response_whenContentTypeIsWrong_isAProtocolErrorQuotingNothing(String type)
      throws Exception {
    Dossier d = dossier(session(client));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", type)
            .body("{\"nom\":\"" + PERSONAL + "\"}")
            .build());
    assertProtocolWithoutPersonalData(d::synthese);
    assertThat(server.getRequestCount()).isEqualTo(3); // not retried
  }

  @Test
  void response_whenContentTypeIsMissing_isAProtocolError() throws Exception {
    Dossier d = dossier(session(client));
    server.enqueue(
        new MockResponse.Builder().code(200).body("{\"x\":\"" + PERSONAL + "\"}").build());
    assertProtocolWithoutPersonalData(d::synthese);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"allocataire\":{\"nom\":\"EXEMPLE Camille 9900001 12 rue Fictive",
        "{\"allocataire\":{\"nom\":\"EXEMPLE Camille 9900001 12 rue Fictive\"}",
        "{\"allocataire\" \"EXEMPLE Camille 9900001 12 rue Fictive\"}",
        "[\"EXEMPLE Camille 9900001 12 rue Fictive\"]",
        "\"EXEMPLE Camille 9900001 12 rue Fictive\"",
        "null",
        "",
        "{\"allocataire\":{\"nom\":\"EXEMPLE Camille 9900001 12 rue Fictive\"}} trailing",
        "{\"caf\":751,\"nombreEnfants\":\"EXEMPLE Camille 9900001 12 rue Fictive\"}"
      })
  void response_whenJsonIsTruncatedOrMalformed_isAProtocolErrorQuotingNothing(String body)
      throws Exception {
    Dossier d = dossier(session(client));
    server.enqueue(json(200, body));
    assertProtocolWithoutPersonalData(d::synthese);
  }

  @Test
  void response_whenDeclaredLargerThanTheLimit_isRefusedBeforeReading() throws Exception {
    CdapClient small = builder().maxResponseBytes(1024).build();
    Dossier d = dossier(session(small));
    server.enqueue(json(200, "{\"pad\":\"" + "x".repeat(4096) + "\"}"));
    assertThatThrownBy(d::synthese)
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("exceeds 1024 bytes");
  }

  @Test
  void response_whenStreamedPastTheLimitWithoutLength_isRefusedWhileReading() throws Exception {
    CdapClient small = builder().maxResponseBytes(1024).build();
    Dossier d = dossier(session(small));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .chunkedBody(new Buffer().writeUtf8("{\"pad\":\"" + "x".repeat(8192) + "\"}"), 512)
            .build());
    assertThatThrownBy(d::synthese)
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("exceeds 1024 bytes");
  }

  @Test
  void errorResponse_whenHuge_isRefusedToo() throws Exception {
    CdapClient small = builder().maxResponseBytes(1024).build();
    Dossier d = dossier(session(small));
    server.enqueue(
        json(503, "{\"errors\":[{\"code\":\"50003\",\"detail\":\"" + "x".repeat(8192) + "\"}]}"));
    assertThatThrownBy(d::synthese).isInstanceOf(ProtocolException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void response_whenConnectionDropsMidBody_isATransportFailureRetriedForReads() throws Exception {
    Dossier d = dossier(session(client));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body("{\"allocataire\":{}}")
            .onResponseBody(new SocketEffect.CloseSocket())
            .build());
    server.enqueue(json(200, "{\"dossierRsa\":{\"etat\":\"2\"}}"));
    assertThat(d.rsa().dossierRsa()).isPresent();
  }

  @Test
  void postalAttestation_whenReceiptIsUnreadable_reportsOutcomeUnknownWithItsKey()
      throws Exception {
    Dossier d = dossier(session(client));
    server.enqueue(json(201, "{\"reference\":"));
    assertThatThrownBy(() -> d.requestAttestationByPost(AttestationType.PAIEMENT))
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            e -> {
              assertThat(e.idempotencyKey()).startsWith("env-");
              assertThat(e.getCause()).isInstanceOf(ProtocolException.class);
            });
  }

  @Test
  void dialogue_whenRefusedAfterAnUnansweredAttempt_reportsOutcomeUnknownNotTheRefusal()
      throws Exception {
    CdapSession s = session(client);
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    for (int i = 0; i < 2; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(429)
              .addHeader("Retry-After", "0")
              .addHeader("Content-Type", "application/json")
              .body("{\"errors\":[{\"code\":\"00429\",\"title\":\"Trop de requêtes\"}]}")
              .build());
    }
    assertThatThrownBy(
            () ->
                s.selectCaf("751")
                    .sendDialogue(
                        DialogueMessage.builder().objet("Objet").message("Corps").build()))
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            e -> {
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.getCause()).isInstanceOf(RateLimitedException.class);
            });
  }

  @Test
  void dialogueAboutADossier_whenTokenExpires_replaysWithTheNewReferenceAndTheSameKey()
      throws Exception {
    CdapSession s = session(client);
    Dossier d = dossier(s);
    server.enqueue(error(401, "10004"));
    server.enqueue(
        json(
            200,
            token("T1", T1_TABS, "\"DIALOGUE\"", "\"ACCOMPAGNEMENT_SOCIAL\"")
                .replace("tok-abc", "tok-new")));
    server.enqueue(json(200, "{\"reference\":\"dos_zzzzzzzz12345678\",\"caf\":\"751\"}"));
    server.enqueue(
        json(201, "{\"reference\":\"DLG-751-000001\",\"recuLe\":\"2026-11-26T10:00:00Z\"}"));
    s.selectCaf("751")
        .sendDialogue(DialogueMessage.builder().objet("Objet").message("Corps").dossier(d).build());
    mockwebserver3.RecordedRequest first = server.takeRequest();
    server.takeRequest(); // authentication
    server.takeRequest(); // new lookup
    mockwebserver3.RecordedRequest replay = server.takeRequest();
    assertThat(first.getBody().utf8()).contains("dos_abcdefgh12345678");
    assertThat(replay.getBody().utf8()).contains("dos_zzzzzzzz12345678");
    assertThat(replay.getHeaders().get("Idempotency-Key"))
        .isEqualTo(first.getHeaders().get("Idempotency-Key"));
  }

  private static void assertProtocolWithoutPersonalData(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> {
              for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage()))
                    .doesNotContain("EXEMPLE")
                    .doesNotContain("9900001")
                    .doesNotContain("Fictive")
                    .doesNotContain("{\"");
              }
            });
  }

  // ---------------------------------------------------------------- pacing

  @Test
  void pacing_byDefault_followsTheRateTheServerDeclared() throws Exception {
    TokenBucket bucket = session(client).pacing();
    assertThat(bucket).isNotNull();
    assertThat(bucket.permitsPerSecond()).isEqualTo(20);
    // Half the server's bucket: room for network jitter before the server sees a burst over it.
    assertThat(bucket.burst()).isEqualTo(10);
  }

  @Test
  void pacing_whenConfigured_overridesTheServerOrIsOff() throws Exception {
    TokenBucket fixed = session(builder().rateLimit(RateLimit.perSecond(2.5, 3)).build()).pacing();
    assertThat(fixed.permitsPerSecond()).isEqualTo(2.5);
    assertThat(fixed.burst()).isEqualTo(3);
    assertThat(session(builder().rateLimit(RateLimit.none()).build()).pacing()).isNull();
  }

  @Test
  void pacing_countsEveryAttemptOfTheSessionIncludingRetries() throws Exception {
    CdapSession s = session(client);
    Dossier d = dossier(s);
    long before = s.pacing().granted();
    server.enqueue(error(503, "50003"));
    server.enqueue(error(502, "37999"));
    server.enqueue(json(200, "{\"dossierRsa\":{\"etat\":\"2\"}}"));
    d.rsa();
    assertThat(s.pacing().granted() - before).isEqualTo(3);
  }

  // ---------------------------------------------------------------- the caller's OkHttp client

  @Test
  void callerClient_cannotMakeOkHttpResendOnItsOwn() throws Exception {
    AtomicInteger authenticatorCalls = new AtomicInteger();
    OkHttpClient mine =
        new OkHttpClient.Builder()
            .retryOnConnectionFailure(true)
            .followRedirects(true)
            .authenticator(
                (route, response) -> {
                  authenticatorCalls.incrementAndGet();
                  return response.request().newBuilder().header("Authorization", "x").build();
                })
            .readTimeout(Duration.ofMillis(1))
            .callTimeout(Duration.ofMillis(1))
            .build();
    CdapClient custom = builder().okHttpClient(mine).retryPolicy(RetryPolicy.none()).build();
    // The SDK's timeouts replace the caller's 1 ms ones: a 100 ms answer is fine.
    server.enqueue(delayed(100, token("T1", T1_TABS, "\"DIALOGUE\"", "\"ACCOMPAGNEMENT_SOCIAL\"")));
    CdapSession s = custom.authenticate();
    int before = server.getRequestCount();

    server.enqueue(
        new MockResponse.Builder().code(307).addHeader("Location", "/elsewhere/").build());
    assertThatThrownBy(() -> s.help())
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.status()).isEqualTo(307));

    server.enqueue(error(401, "10005"));
    assertThatThrownBy(() -> s.help()).isInstanceOf(CdapException.class);
    assertThat(authenticatorCalls).hasValue(0);

    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("Retry-After", "0")
            .addHeader("Content-Type", "application/json")
            .body("{\"errors\":[{\"code\":\"50003\",\"title\":\"Indisponible\"}]}")
            .build());
    assertThatThrownBy(() -> s.help())
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.attempts()).isOne());
    assertThat(server.getRequestCount() - before).isEqualTo(3); // one request per call, no more
  }
}
