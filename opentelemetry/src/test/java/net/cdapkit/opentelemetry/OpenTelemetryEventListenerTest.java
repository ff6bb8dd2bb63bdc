package net.cdapkit.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.cdapkit.event.AttemptEnd;
import net.cdapkit.event.AttemptHeaders;
import net.cdapkit.event.CallEnd;
import net.cdapkit.event.CallOutcome;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.event.DenialKind;
import net.cdapkit.event.RetryReason;
import net.cdapkit.testkit.TestCallInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenTelemetryEventListenerTest {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(tracerProvider)
          .setPropagators(
              ContextPropagators.create(
                  TextMapPropagator.composite(
                      W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
          .build();
  private final OpenTelemetryEventListener listener =
      OpenTelemetryEventListener.builder(openTelemetry)
          .serverAddress("cdap.example.org", 443)
          .build();

  @AfterEach
  void close() {
    openTelemetry.close();
  }

  /** Headers as the SDK takes them: only the W3C trace-context ones and baggage. */
  static final class RecordingHeaders implements AttemptHeaders {
    final Map<String, String> values = new LinkedHashMap<>();

    @Override
    public void set(String name, String value) {
      if (!Set.of("traceparent", "tracestate", "baggage").contains(name)) {
        throw new IllegalArgumentException("not a trace-context header");
      }
      values.put(name, value);
    }
  }

  private static AttemptEnd attempt(int n, int status, String error) {
    return new AttemptEnd(
        n, status, Duration.ofMillis(5), Optional.ofNullable(error), Optional.of("req-" + n));
  }

  private static CallEnd end(CallOutcome outcome, int attempts, String error) {
    return new CallEnd(outcome, attempts, Duration.ofMillis(20), Optional.ofNullable(error));
  }

  private SpanData span(String name) {
    return exporter.getFinishedSpanItems().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + names()));
  }

  private List<String> names() {
    return exporter.getFinishedSpanItems().stream().map(SpanData::getName).toList();
  }

  @Test
  void callEnd_whenOneAttemptSucceeded_exportsAnInternalCallSpanWithAClientChild() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.TAB_SYNTHESE);
    listener.callStart(call);
    listener.attemptStart(call, 1, new RecordingHeaders());
    listener.attemptEnd(call, attempt(1, 200, null));
    listener.callEnd(call, end(CallOutcome.SUCCESS, 1, null));

    SpanData callSpan = span("cdap.tab.synthese");
    SpanData attemptSpan = span("GET /dossiers/{reference}/synthese");
    assertThat(callSpan.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(attemptSpan.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(attemptSpan.getParentSpanId()).isEqualTo(callSpan.getSpanId());
    assertThat(attemptSpan.getTraceId()).isEqualTo(callSpan.getTraceId());
    assertThat(callSpan.getAttributes().get(AttributeKey.stringKey("cdap.operation")))
        .isEqualTo("tab.synthese");
    assertThat(callSpan.getAttributes().get(AttributeKey.stringKey("cdap.outcome")))
        .isEqualTo("success");
    assertThat(callSpan.getAttributes().get(AttributeKey.longKey("cdap.attempts"))).isEqualTo(1L);
    assertThat(callSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(attemptSpan.getAttributes().get(AttributeKey.stringKey("http.request.method")))
        .isEqualTo("GET");
    assertThat(attemptSpan.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(attemptSpan.getAttributes().get(AttributeKey.stringKey("url.template")))
        .isEqualTo("/dossiers/{reference}/synthese");
    assertThat(attemptSpan.getAttributes().get(AttributeKey.stringKey("server.address")))
        .isEqualTo("cdap.example.org");
    assertThat(attemptSpan.getAttributes().get(AttributeKey.longKey("server.port")))
        .isEqualTo(443L);
    assertThat(attemptSpan.getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
        .isNull();
  }

  @Test
  void attemptStart_injectsTheAttemptSpansTraceparent() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.DOSSIER_LOOKUP);
    RecordingHeaders headers = new RecordingHeaders();
    listener.callStart(call);
    listener.attemptStart(call, 1, headers);
    listener.attemptEnd(call, attempt(1, 200, null));
    listener.callEnd(call, end(CallOutcome.SUCCESS, 1, null));

    SpanData attemptSpan = span("POST /dossiers/recherche");
    assertThat(headers.values.get("traceparent"))
        .startsWith("00-" + attemptSpan.getTraceId() + "-" + attemptSpan.getSpanId() + "-");
  }

  @Test
  void callStart_whenASpanIsCurrent_becomesItsChild() {
    Span parent = openTelemetry.getTracer("test").spanBuilder("partner-request").startSpan();
    TestCallInfo call = TestCallInfo.of(CdapOperation.HELP);
    Scope scope = parent.makeCurrent();
    try {
      listener.callStart(call);
    } finally {
      scope.close();
    }
    listener.callEnd(call, end(CallOutcome.SUCCESS, 0, null));
    parent.end();

    SpanData callSpan = span("cdap.help");
    assertThat(callSpan.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(callSpan.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
  }

  @Test
  void attemptEnd_whenRetriedAfter503_marksTheFailedAttemptAndCountsTheResend() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.TAB_PAIEMENTS);
    listener.callStart(call);
    listener.attemptStart(call, 1, new RecordingHeaders());
    listener.attemptEnd(call, attempt(1, 503, "ServerException"));
    listener.retryScheduled(call, 1, RetryReason.SERVER_ERROR, Duration.ofMillis(200));
    RecordingHeaders second = new RecordingHeaders();
    listener.attemptStart(call, 2, second);
    listener.attemptEnd(call, attempt(2, 200, null));
    listener.callEnd(call, end(CallOutcome.SUCCESS, 2, null));

    List<SpanData> attempts =
        exporter.getFinishedSpanItems().stream()
            .filter(s -> s.getKind() == SpanKind.CLIENT)
            .toList();
    assertThat(attempts).hasSize(2);
    SpanData failed = attempts.get(0);
    SpanData retried = attempts.get(1);
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(failed.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("503");
    assertThat(retried.getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
        .isEqualTo(1L);
    assertThat(retried.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(second.values.get("traceparent")).contains(retried.getSpanId());
    SpanData callSpan = span("cdap.tab.paiements");
    assertThat(callSpan.getEvents())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("cdap.retry");
              assertThat(e.getAttributes().get(AttributeKey.stringKey("cdap.retry.reason")))
                  .isEqualTo("server_error");
            });
  }

  @Test
  void attemptEnd_whenNoResponse_setsTheSdksErrorType() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.DIALOGUE);
    listener.callStart(call);
    listener.attemptStart(call, 1, new RecordingHeaders());
    listener.attemptEnd(call, attempt(1, 0, "TransportException"));
    listener.outcomeUnknown(call);
    listener.callEnd(call, end(CallOutcome.OUTCOME_UNKNOWN, 1, "OutcomeUnknownException"));

    SpanData attemptSpan = span("POST /cafs/{caf}/dialogues");
    assertThat(attemptSpan.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("TransportException");
    assertThat(attemptSpan.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isNull();
    SpanData callSpan = span("cdap.dialogue");
    assertThat(callSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(callSpan.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("OutcomeUnknownException");
    assertThat(callSpan.getEvents()).anyMatch(e -> e.getName().equals("cdap.outcome_unknown"));
  }

  @Test
  void denied_whenRefusedBeforeSending_endsTheCallSpanInErrorWithoutAttempts() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.TAB_RSA);
    listener.callStart(call);
    listener.denied(call, DenialKind.CAPABILITY);
    listener.callEnd(call, end(CallOutcome.DENIED, 0, "CapabilityDeniedException"));

    assertThat(exporter.getFinishedSpanItems()).hasSize(1);
    SpanData callSpan = span("cdap.tab.rsa");
    assertThat(callSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(callSpan.getEvents()).anyMatch(e -> e.getName().equals("cdap.denied"));
  }

  @Test
  void denied_whenCafRefused_recordsOneCafSelectionSpanWithTheKindAndNoAttempt() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.CAF_SELECTION);
    listener.callStart(call);
    listener.denied(call, DenialKind.CAF);
    listener.attemptStart(call, 1, new RecordingHeaders()); // never sent; ignored if it were
    listener.callEnd(call, end(CallOutcome.DENIED, 0, "CapabilityDeniedException"));

    assertThat(exporter.getFinishedSpanItems()).hasSize(1);
    SpanData callSpan = span("cdap.caf.selection");
    assertThat(callSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(callSpan.getAttributes().get(AttributeKey.stringKey("cdap.caf"))).isEqualTo("751");
    assertThat(callSpan.getAttributes().get(AttributeKey.stringKey("cdap.outcome")))
        .isEqualTo("denied");
    assertThat(callSpan.getEvents())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getName()).isEqualTo("cdap.denied");
              assertThat(e.getAttributes().get(AttributeKey.stringKey("cdap.denial.kind")))
                  .isEqualTo("caf");
            });
  }

  @Test
  void attemptStart_whenPropagatorWritesOtherHeaders_skipsThemAndKeepsTheCall() {
    OpenTelemetrySdk b3Like =
        OpenTelemetrySdk.builder()
            .setTracerProvider(tracerProvider)
            .setPropagators(
                ContextPropagators.create(
                    TextMapPropagator.composite(
                        new FixedHeaderPropagator("x-b3-traceid"),
                        W3CTraceContextPropagator.getInstance())))
            .build();
    OpenTelemetryEventListener other = OpenTelemetryEventListener.create(b3Like);
    RecordingHeaders headers = new RecordingHeaders();
    TestCallInfo call = TestCallInfo.of(CdapOperation.HELP);
    other.callStart(call);
    other.attemptStart(call, 1, headers);
    other.attemptEnd(call, attempt(1, 200, null));
    other.callEnd(call, end(CallOutcome.SUCCESS, 1, null));

    assertThat(headers.values).containsOnlyKeys("traceparent");
    assertThat(names()).contains("cdap.help", "GET /aide/fiches");
  }

  @Test
  void spans_forEveryOperation_carryNoPathValueAndOnlyKnownAttributes() {
    Set<String> allowed =
        Set.of(
            "cdap.operation",
            "cdap.profile",
            "cdap.caf",
            "cdap.async",
            "cdap.outcome",
            "cdap.attempts",
            "cdap.request_id",
            "error.type",
            "http.request.method",
            "http.response.status_code",
            "http.request.resend_count",
            "url.template",
            "server.address",
            "server.port");
    int sent = 0;
    for (CdapOperation op : CdapOperation.values()) {
      if (op == CdapOperation.CAF_SELECTION) {
        continue; // sends no request, so never has an attempt
      }
      TestCallInfo call = TestCallInfo.of(op);
      listener.callStart(call);
      listener.attemptStart(call, 1, new RecordingHeaders());
      listener.attemptEnd(call, attempt(1, 200, null));
      listener.callEnd(call, end(CallOutcome.SUCCESS, 1, null));
      sent++;
    }
    assertThat(exporter.getFinishedSpanItems()).hasSize(2 * sent);
    for (SpanData span : exporter.getFinishedSpanItems()) {
      assertThat(span.getName()).doesNotContainPattern("\\d{5,}");
      span.getAttributes()
          .forEach(
              (key, value) -> {
                assertThat(allowed).contains(key.getKey());
                if (key.getKey().equals("url.template")) {
                  // Only named variables: no reference, type or CAF value fills a template.
                  assertThat(value.toString()).doesNotContainPattern("/\\d").startsWith("/");
                }
              });
    }
  }

  /** A propagator writing a header the SDK refuses, like B3's. */
  private record FixedHeaderPropagator(String header) implements TextMapPropagator {
    @Override
    public java.util.Collection<String> fields() {
      return List.of(header);
    }

    @Override
    public <C> void inject(
        io.opentelemetry.context.Context context,
        C carrier,
        io.opentelemetry.context.propagation.TextMapSetter<C> setter) {
      setter.set(carrier, header, "0af7651916cd43dd8448eb211c80319c");
    }

    @Override
    public <C> io.opentelemetry.context.Context extract(
        io.opentelemetry.context.Context context,
        C carrier,
        io.opentelemetry.context.propagation.TextMapGetter<C> getter) {
      return context;
    }
  }
}
