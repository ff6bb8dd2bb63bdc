package net.cdapkit.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.RateLimit;
import net.cdapkit.RetryPolicy;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.Fault;
import net.cdapkit.testkit.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real calls against the simulator produce the spans, and none carries a value of the call. */
class OpenTelemetrySimulatorIntegrationTest {
  private static CdapSimulator simulator;

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();

  @BeforeAll
  static void startSimulator() {
    simulator = CdapSimulator.builder().build().start();
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
  }

  @BeforeEach
  void reset() {
    simulator.reset();
  }

  @AfterEach
  void close() {
    openTelemetry.close();
  }

  private CdapSession login() {
    return CdapClient.builder()
        .baseUrl(simulator.baseUrl())
        .credentials(CredentialsProvider.of("demo-t1", CdapSimulator.DEMO_PASSWORD))
        .rateLimit(RateLimit.none())
        .retryPolicy(
            RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10)))
        .eventListener(
            OpenTelemetryEventListener.builder(openTelemetry)
                .serverAddress("127.0.0.1", simulator.port())
                .build())
        .build()
        .authenticate();
  }

  private SpanData span(String name) {
    return exporter.getFinishedSpanItems().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no span "
                        + name
                        + " in "
                        + exporter.getFinishedSpanItems().stream()
                            .map(SpanData::getName)
                            .toList()));
  }

  @Test
  void spans_whenConsultingWithOneRetry_nestOneClientSpanPerAttemptUnderTheCall() {
    simulator.faults().on(Operation.TAB_SYNTHESE).next(1).inject(Fault.http(503));
    try (CdapSession session = login()) {
      session
          .selectCaf("751")
          .consultDossier(
              NumeroAllocataire.of("9900001"),
              Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "Essai"))
          .synthese();
    }

    SpanData call = span("cdap.tab.synthese");
    List<SpanData> attempts =
        exporter.getFinishedSpanItems().stream()
            .filter(s -> s.getParentSpanId().equals(call.getSpanId()))
            .toList();
    assertThat(call.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(attempts).hasSize(2).allMatch(s -> s.getKind() == SpanKind.CLIENT);
    assertThat(attempts.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attempts.get(0).getAttributes().asMap().toString()).contains("503");
    assertThat(attempts.get(1).getName()).isEqualTo("GET /dossiers/{reference}/synthese");
    assertThat(span("cdap.dossier.lookup").getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(span("POST /dossiers/recherche").getKind()).isEqualTo(SpanKind.CLIENT);
  }

  @Test
  void selectCaf_whenCafOutsideTheSession_endsOneCafSelectionSpanWithACafDenial() {
    try (CdapSession session = login()) {
      assertThatThrownBy(() -> session.selectCaf("974"))
          .isInstanceOf(CapabilityDeniedException.class);
    }

    SpanData call = span("cdap.caf.selection");
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(call.getEvents())
        .singleElement()
        .extracting(e -> e.getName())
        .isEqualTo("cdap.denied");
    assertThat(call.getEvents().get(0).getAttributes().asMap().toString()).contains("caf");
    assertThat(
            exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getParentSpanId().equals(call.getSpanId())))
        .isEmpty();
  }

  @Test
  void spans_afterRealCalls_carryNoNumeroReferenceLoginOrPath() {
    try (CdapSession session = login()) {
      var dossier =
          session
              .selectCaf("751")
              .consultDossier(
                  NumeroAllocataire.of("9900001"),
                  Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "Suivi FSL 2026-104"));
      dossier.synthese();
      dossier.logement();
      session.help();
    }

    assertThat(exporter.getFinishedSpanItems()).isNotEmpty();
    for (SpanData span : exporter.getFinishedSpanItems()) {
      String all = span.getName() + " " + span.getAttributes() + " " + span.getEvents();
      assertThat(all)
          .doesNotContain("9900001")
          .doesNotContain("demo-t1")
          .doesNotContain("FSL")
          .doesNotContain("url.full")
          .doesNotContain("url.path")
          .doesNotContain("/api/v1");
    }
  }
}
