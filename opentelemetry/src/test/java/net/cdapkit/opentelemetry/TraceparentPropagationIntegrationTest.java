package net.cdapkit.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.RateLimit;
import net.cdapkit.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code traceparent} each attempt puts on the wire names that attempt's span. */
class TraceparentPropagationIntegrationTest {
  private static final String TOKEN =
      "{\"accessToken\":\"tok_EXEMPLE_0123456789abcdef\",\"tokenType\":\"Bearer\","
          + "\"expiresIn\":1800,\"session\":{\"partenaire\":{\"id\":\"PART-751-0001\","
          + "\"nom\":\"Partenaire de démonstration\"},\"agent\":{\"id\":\"AGT-000042\"},"
          + "\"profil\":\"T1\",\"habilitations\":{\"cafs\":[\"751\"],\"onglets\":[\"synthese\"],"
          + "\"actions\":[],\"typesAttestation\":[],\"finalites\":[\"ACCOMPAGNEMENT_SOCIAL\"],"
          + "\"restrictions\":[]},\"debitMaxParSeconde\":20}}";
  private static final String HELP =
      "{\"fiches\":[{\"id\":\"FP-001\",\"titre\":\"Consulter un dossier\","
          + "\"categorie\":\"Consultation\"}]}";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    openTelemetry.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void attempts_whenRetried_eachSendTheTraceparentOfTheirOwnSpan() throws Exception {
    server.enqueue(json(200, TOKEN));
    server.enqueue(json(503, "{\"errors\":[{\"code\":\"99503\",\"title\":\"Indisponible\"}]}"));
    server.enqueue(json(200, HELP));
    server.enqueue(new MockResponse.Builder().code(204).build());
    CdapClient client =
        CdapClient.builder()
            .baseUrl(server.url("/api/v1/").toString())
            .credentials(CredentialsProvider.of("agent-test", "pw-test-123"))
            .rateLimit(RateLimit.none())
            .retryPolicy(
                RetryPolicy.of(
                    3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10)))
            .eventListener(OpenTelemetryEventListener.create(openTelemetry))
            .build();

    try (CdapSession session = client.authenticate()) {
      session.help();
    }

    RecordedRequest auth = server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest firstHelp = server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest secondHelp = server.takeRequest(5, TimeUnit.SECONDS);
    List<SpanData> helpAttempts =
        exporter.getFinishedSpanItems().stream()
            .filter(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("GET /aide/fiches"))
            .toList();
    SpanData authAttempt =
        exporter.getFinishedSpanItems().stream()
            .filter(s -> s.getName().equals("POST /auth/token"))
            .findFirst()
            .orElseThrow();

    assertThat(helpAttempts).hasSize(2);
    assertThat(auth.getHeaders().get("traceparent")).isEqualTo(traceparent(authAttempt));
    assertThat(firstHelp.getHeaders().get("traceparent"))
        .isEqualTo(traceparent(helpAttempts.get(0)));
    assertThat(secondHelp.getHeaders().get("traceparent"))
        .isEqualTo(traceparent(helpAttempts.get(1)))
        .isNotEqualTo(firstHelp.getHeaders().get("traceparent"));
  }

  private static String traceparent(SpanData span) {
    return "00-"
        + span.getTraceId()
        + "-"
        + span.getSpanId()
        + "-"
        + span.getSpanContext().getTraceFlags().asHex();
  }
}
