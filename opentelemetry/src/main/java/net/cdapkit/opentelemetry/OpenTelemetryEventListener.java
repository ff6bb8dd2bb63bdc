package net.cdapkit.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import net.cdapkit.event.AttemptEnd;
import net.cdapkit.event.AttemptHeaders;
import net.cdapkit.event.CallEnd;
import net.cdapkit.event.CallInfo;
import net.cdapkit.event.CallOutcome;
import net.cdapkit.event.CdapEventListener;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.event.DenialKind;
import net.cdapkit.event.RetryReason;

/**
 * Traces the SDK's calls with OpenTelemetry: one span per logical call, a child {@link
 * SpanKind#CLIENT CLIENT} span per HTTP attempt, and the trace context sent on every attempt.
 *
 * <pre>{@code
 * CdapClient client = CdapClient.builder()
 *     .baseUrl("https://cdap.example.org/api/v1/")
 *     .eventListener(OpenTelemetryEventListener.builder(openTelemetry)
 *         .serverAddress("cdap.example.org", 443)
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p><strong>The call span</strong> is {@link SpanKind#INTERNAL INTERNAL}, named {@code cdap.} +
 * {@link net.cdapkit.event.CdapOperation#tagName() the operation's name} (e.g. {@code
 * cdap.tab.synthese}). It stands for what the caller asked for — checks, pacing, token renewal,
 * retries and their waits included — and is not itself a request: OpenTelemetry's HTTP conventions
 * make each resend its own CLIENT span, and a CLIENT span nested in another would be counted twice
 * by back-ends that measure outgoing requests. Its parent is the context current when the call
 * starts. Attributes: {@code cdap.operation}, {@code cdap.profile}, {@code cdap.caf}, {@code
 * cdap.async}, {@code cdap.outcome}, {@code cdap.attempts}, {@code error.type} (the exception's
 * simple name) unless the call succeeded; events {@code cdap.denied}, {@code cdap.pacing_wait},
 * {@code cdap.token_renewal}, {@code cdap.retry}, {@code cdap.outcome_unknown}. Its status is ERROR
 * when the caller got an exception.
 *
 * <p><strong>Each attempt span</strong> follows the HTTP client semantic conventions where they
 * apply: named {@code {method} {url.template}} (e.g. {@code GET /dossiers/{reference}/synthese}),
 * with {@code http.request.method}, {@code url.template}, {@code server.address} and {@code
 * server.port} when {@linkplain Builder#serverAddress given}, {@code http.response.status_code},
 * {@code http.request.resend_count} from the second attempt, {@code error.type} (the status code
 * from 400, else the SDK's exception name) and {@code cdap.request_id}. Its status is ERROR for a
 * status from 400 or no response. <strong>There is no {@code url.full} or {@code
 * url.path}</strong>: the contract's paths carry session-scoped dossier references, and the
 * template says all a trace needs.
 *
 * <p>Each attempt's request carries the headers of the configured propagator ({@code traceparent}
 * and {@code tracestate} for W3C Trace Context, {@code baggage}), naming the attempt span as
 * parent. Headers of other formats (B3, Jaeger) are not sent: the SDK accepts only W3C
 * trace-context headers on its requests.
 *
 * <p>No attribute, event or span name carries a numéro, name, NIR, amount, token, dossier reference
 * or URL. Thread-safe; one instance may serve several clients.
 */
public final class OpenTelemetryEventListener implements CdapEventListener {
  private static final Map<Enum<?>, String> LOWER_NAMES = new ConcurrentHashMap<>();

  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("cdap.operation");
  static final AttributeKey<String> PROFILE = AttributeKey.stringKey("cdap.profile");
  static final AttributeKey<String> CAF = AttributeKey.stringKey("cdap.caf");
  static final AttributeKey<Boolean> ASYNC = AttributeKey.booleanKey("cdap.async");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("cdap.outcome");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("cdap.attempts");
  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("cdap.request_id");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

  private static final String INSTRUMENTATION = "net.cdapkit.opentelemetry";

  /** {@code cdap.} + the operation's name, made once: this runs on every call. */
  private static final Map<CdapOperation, String> CALL_SPAN_NAMES =
      new EnumMap<>(CdapOperation.class);

  static {
    for (CdapOperation operation : CdapOperation.values()) {
      CALL_SPAN_NAMES.put(operation, "cdap." + operation.tagName());
    }
  }

  private static final TextMapSetter<AttemptHeaders> SETTER =
      (carrier, key, value) -> {
        if (carrier == null) {
          return;
        }
        try {
          carrier.set(key, value);
        } catch (IllegalArgumentException e) {
          // Not a W3C header (B3, Jaeger…): the SDK sends only the trace-context ones.
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final String serverAddress;
  private final long serverPort;

  private OpenTelemetryEventListener(Builder b) {
    TracerBuilder tb = b.openTelemetry.getTracerProvider().tracerBuilder(INSTRUMENTATION);
    String version = OpenTelemetryEventListener.class.getPackage().getImplementationVersion();
    if (version != null) {
      tb.setInstrumentationVersion(version);
    }
    this.tracer = tb.build();
    this.propagator = b.openTelemetry.getPropagators().getTextMapPropagator();
    this.serverAddress = b.serverAddress;
    this.serverPort = b.serverPort;
  }

  /**
   * A listener using {@code openTelemetry}'s tracer provider and propagators.
   *
   * @param openTelemetry the SDK or API instance whose tracer provider and propagators are used;
   *     not null
   * @return a new listener with default options, without server address attributes
   * @throws NullPointerException when {@code openTelemetry} is null
   */
  public static OpenTelemetryEventListener create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /**
   * A builder for a listener using {@code openTelemetry}'s tracer provider and propagators.
   *
   * @param openTelemetry the SDK or API instance whose tracer provider and propagators are used;
   *     not null
   * @return a builder with no server address set
   * @throws NullPointerException when {@code openTelemetry} is null
   */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  @Override
  public void callStart(CallInfo call) {
    Context parent = Context.current();
    var span =
        tracer
            .spanBuilder(CALL_SPAN_NAMES.get(call.operation()))
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(parent)
            .setAttribute(OPERATION, call.operation().tagName())
            .setAttribute(ASYNC, call.async());
    if (call.profile() != null && !call.profile().isEmpty()) {
      span.setAttribute(PROFILE, call.profile());
    }
    call.cafCode().ifPresent(caf -> span.setAttribute(CAF, caf));
    Span started = span.startSpan();
    call.attach(this, new CallState(started, parent.with(started)));
  }

  @Override
  public void denied(CallInfo call, DenialKind kind) {
    CallState state = state(call);
    if (state != null) {
      state.span.addEvent(
          "cdap.denied", Attributes.of(AttributeKey.stringKey("cdap.denial.kind"), lower(kind)));
    }
  }

  @Override
  public void pacingWait(CallInfo call, Duration wait) {
    CallState state = state(call);
    if (state != null) {
      state.span.addEvent(
          "cdap.pacing_wait", Attributes.of(AttributeKey.longKey("cdap.wait_ms"), wait.toMillis()));
    }
  }

  @Override
  public void tokenRenewal(CallInfo call, Duration duration, boolean succeeded, boolean joined) {
    CallState state = state(call);
    if (state != null) {
      state.span.addEvent(
          "cdap.token_renewal",
          Attributes.of(
              AttributeKey.booleanKey("cdap.renewal.succeeded"), succeeded,
              AttributeKey.booleanKey("cdap.renewal.joined"), joined,
              AttributeKey.longKey("cdap.renewal.duration_ms"), duration.toMillis()));
    }
  }

  @Override
  public void attemptStart(CallInfo call, int attempt, AttemptHeaders headers) {
    CallState state = state(call);
    HttpRoute route = HttpRoute.of(call.operation());
    if (state == null || route == null) {
      return;
    }
    var b =
        tracer
            .spanBuilder(route.spanName())
            .setSpanKind(SpanKind.CLIENT)
            .setParent(state.context)
            .setAttribute(HTTP_METHOD, route.method())
            .setAttribute(URL_TEMPLATE, route.template())
            .setAttribute(OPERATION, call.operation().tagName());
    if (serverAddress != null) {
      b.setAttribute(SERVER_ADDRESS, serverAddress);
      b.setAttribute(SERVER_PORT, serverPort);
    }
    if (attempt > 1) {
      b.setAttribute(RESEND_COUNT, (long) attempt - 1);
    }
    Span span = b.startSpan();
    Span previous = state.attempt;
    state.attempt = span;
    if (previous != null) {
      previous.end(); // an attempt whose end was not reported: never leave a span open
    }
    propagator.inject(state.context.with(span), headers, SETTER);
  }

  @Override
  public void attemptEnd(CallInfo call, AttemptEnd attempt) {
    CallState state = state(call);
    if (state == null || state.attempt == null) {
      return;
    }
    Span span = state.attempt;
    state.attempt = null;
    if (attempt.status() > 0) {
      span.setAttribute(HTTP_STATUS, (long) attempt.status());
    }
    attempt.requestId().ifPresent(id -> span.setAttribute(REQUEST_ID, id));
    if (attempt.status() >= 400) {
      span.setAttribute(ERROR_TYPE, Integer.toString(attempt.status()));
      span.setStatus(StatusCode.ERROR);
    } else if (attempt.status() <= 0 || attempt.errorType().isPresent()) {
      span.setAttribute(ERROR_TYPE, attempt.errorType().orElse("_OTHER"));
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  @Override
  public void retryScheduled(CallInfo call, int failedAttempt, RetryReason reason, Duration delay) {
    CallState state = state(call);
    if (state != null) {
      state.span.addEvent(
          "cdap.retry",
          Attributes.of(
              AttributeKey.stringKey("cdap.retry.reason"), lower(reason),
              AttributeKey.longKey("cdap.retry.failed_attempt"), (long) failedAttempt,
              AttributeKey.longKey("cdap.retry.delay_ms"), delay.toMillis()));
    }
  }

  @Override
  public void outcomeUnknown(CallInfo call) {
    CallState state = state(call);
    if (state != null) {
      state.span.addEvent("cdap.outcome_unknown");
    }
  }

  @Override
  public void callEnd(CallInfo call, CallEnd end) {
    CallState state = state(call);
    call.attach(this, null);
    if (state == null) {
      return;
    }
    if (state.attempt != null) {
      state.attempt.end();
    }
    Span span = state.span;
    span.setAttribute(OUTCOME, end.outcome() == null ? "unknown" : lower(end.outcome()));
    span.setAttribute(ATTEMPTS, (long) end.attempts());
    if (end.outcome() != CallOutcome.SUCCESS) {
      end.errorType().ifPresent(type -> span.setAttribute(ERROR_TYPE, type));
      if (end.outcome() != CallOutcome.CANCELLED) {
        span.setStatus(StatusCode.ERROR);
      }
    }
    span.end();
  }

  @Override
  public String toString() {
    return "OpenTelemetryEventListener";
  }

  private CallState state(CallInfo call) {
    return (CallState) call.attachment(this);
  }

  /** The constant's name in lower case, made once per constant: this runs on every call. */
  private static String lower(Enum<?> e) {
    return LOWER_NAMES.computeIfAbsent(e, k -> k.name().toLowerCase(Locale.ROOT));
  }

  /** What a call keeps between its events: its span, its context, its open attempt span. */
  private static final class CallState {
    final Span span;
    final Context context;
    volatile Span attempt;

    CallState(Span span, Context context) {
      this.span = span;
      this.context = context;
    }
  }

  /** Options of an {@link OpenTelemetryEventListener}. */
  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private String serverAddress;
    private long serverPort;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = openTelemetry;
    }

    /**
     * The server's host and port, set as {@code server.address} and {@code server.port} on each
     * attempt span, as the HTTP conventions ask (the events do not carry the URL).
     *
     * @param host the server's host name or IP address; not blank
     * @param port the server's TCP port, from 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException if the host is blank or the port out of range
     */
    public Builder serverAddress(String host, int port) {
      if (host == null || host.isBlank() || port < 1 || port > 65535) {
        throw new IllegalArgumentException("serverAddress needs a host and a port from 1 to 65535");
      }
      this.serverAddress = host;
      this.serverPort = port;
      return this;
    }

    /**
     * The listener.
     *
     * @return a new listener with these options; thread-safe
     */
    public OpenTelemetryEventListener build() {
      return new OpenTelemetryEventListener(this);
    }
  }
}
