package net.cdapkit.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.cdapkit.event.AttemptEnd;
import net.cdapkit.event.CallEnd;
import net.cdapkit.event.CallInfo;
import net.cdapkit.event.CallOutcome;
import net.cdapkit.event.CdapEventListener;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.event.DenialKind;
import net.cdapkit.event.RetryReason;

/**
 * Records the SDK's calls as Micrometer meters: what an operations team holds against the service
 * agreement with the CAF (call rates, latency, 429s, retries).
 *
 * <pre>{@code
 * CdapClient client = CdapClient.builder()
 *     .baseUrl("https://cdap.example.org/api/v1/")
 *     .eventListener(MicrometerEventListener.create(meterRegistry))
 *     .build();
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@value #CALLS}</td><td>timer, one per logical call</td>
 *       <td>operation, outcome, status.class, error</td></tr>
 *   <tr><td>{@value #ATTEMPTS}</td><td>timer, one per HTTP attempt</td>
 *       <td>operation, outcome, status.class, error</td></tr>
 *   <tr><td>{@value #IN_FLIGHT}</td><td>gauge</td><td>–</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>operation, reason</td></tr>
 *   <tr><td>{@value #RATE_LIMITED}</td><td>counter of 429 answers</td><td>operation</td></tr>
 *   <tr><td>{@value #PACING_WAITS}</td><td>counter</td><td>operation</td></tr>
 *   <tr><td>{@value #TOKEN_RENEWALS}</td><td>counter</td><td>operation, result, joined</td></tr>
 *   <tr><td>{@value #DENIALS}</td><td>counter</td><td>operation, kind</td></tr>
 *   <tr><td>{@value #OUTCOME_UNKNOWN}</td><td>counter</td><td>operation</td></tr>
 * </table>
 *
 * <p>Every tag value comes from a small fixed set (the operation's {@link CdapOperation#tagName()},
 * lower-case enum names, {@code 2xx}-style status classes, the SDK's exception names or {@code
 * other}), so the number of series is bounded whatever the traffic, and no tag ever carries a
 * numéro, a dossier reference, a request id or any other value of a call.
 *
 * <p>Thread-safe; one instance may serve several clients. Give each registry one instance: the
 * calls-in-flight gauge is registered once per registry and reads the first instance's count.
 */
public final class MicrometerEventListener implements CdapEventListener {
  private static final Map<Enum<?>, String> LOWER_NAMES = new ConcurrentHashMap<>();

  /** Timer of logical calls, from start to the caller getting a value or an exception. */
  public static final String CALLS = "cdap.client.calls";

  /** Timer of HTTP attempts, from sending the request to reading the body or failing. */
  public static final String ATTEMPTS = "cdap.client.attempts";

  /** Gauge of logical calls started and not yet ended. */
  public static final String IN_FLIGHT = "cdap.client.calls.in.flight";

  /** Counter of retries scheduled, by reason. */
  public static final String RETRIES = "cdap.client.retries";

  /** Counter of attempts the server answered with 429 Too Many Requests. */
  public static final String RATE_LIMITED = "cdap.client.rate.limited";

  /** Counter of waits for a permit of the client-side rate limit. */
  public static final String PACING_WAITS = "cdap.client.pacing.waits";

  /** Counter of token renewals made or joined by calls. */
  public static final String TOKEN_RENEWALS = "cdap.client.token.renewals";

  /** Counter of calls refused, by kind. */
  public static final String DENIALS = "cdap.client.denials";

  /** Counter of calls with an effect whose outcome is unknown. */
  public static final String OUTCOME_UNKNOWN = "cdap.client.outcome.unknown";

  /** The exception names a tag may carry; any other becomes {@code other}. */
  private static final Set<String> KNOWN_ERRORS =
      Set.of(
          "AuthenticationException",
          "CapabilityDeniedException",
          "ConfigurationException",
          "ConflictException",
          "InvalidInputException",
          "NotFoundException",
          "OutcomeUnknownException",
          "ProtocolException",
          "RateLimitedException",
          "ServerException",
          "TransportException",
          "AtypicalUseException",
          "AuditException",
          "CdapException",
          "CancellationException",
          "InterruptedException");

  private final MeterRegistry registry;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<TimerKey, Timer> callTimers = new ConcurrentHashMap<>();
  private final Map<TimerKey, Timer> attemptTimers = new ConcurrentHashMap<>();
  private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

  private MicrometerEventListener(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
        .description("CDAP calls started and not yet ended")
        .strongReference(true)
        .register(registry);
  }

  /**
   * A listener recording into {@code registry}.
   *
   * @param registry the registry the call and attempt meters are registered in; not null
   * @return a new listener, to pass to the client builder; thread-safe
   * @throws NullPointerException when {@code registry} is null
   */
  public static MicrometerEventListener create(MeterRegistry registry) {
    return new MicrometerEventListener(Objects.requireNonNull(registry, "registry"));
  }

  @Override
  public void callStart(CallInfo call) {
    inFlight.incrementAndGet();
    call.attach(this, new CallState());
  }

  @Override
  public void denied(CallInfo call, DenialKind kind) {
    counter(DENIALS, call.operation(), "kind", lower(kind)).increment();
  }

  @Override
  public void pacingWait(CallInfo call, Duration wait) {
    counter(PACING_WAITS, call.operation()).increment();
  }

  @Override
  public void tokenRenewal(CallInfo call, Duration duration, boolean succeeded, boolean joined) {
    counter(
            TOKEN_RENEWALS,
            call.operation(),
            "result",
            succeeded ? "success" : "failure",
            "joined",
            Boolean.toString(joined))
        .increment();
  }

  @Override
  public void attemptEnd(CallInfo call, AttemptEnd attempt) {
    CallState state = (CallState) call.attachment(this);
    if (state != null) {
      state.lastStatusClass = attempt.statusClass();
    }
    if (attempt.status() == 429) {
      counter(RATE_LIMITED, call.operation()).increment();
    }
    String outcome = attempt.errorType().isPresent() ? "failure" : "success";
    TimerKey key =
        new TimerKey(call.operation(), outcome, attempt.statusClass(), error(attempt.errorType()));
    attemptTimers
        .computeIfAbsent(key, k -> timer(ATTEMPTS, "CDAP HTTP attempts", k))
        .record(attempt.duration());
  }

  @Override
  public void retryScheduled(CallInfo call, int failedAttempt, RetryReason reason, Duration delay) {
    counter(RETRIES, call.operation(), "reason", lower(reason)).increment();
  }

  @Override
  public void outcomeUnknown(CallInfo call) {
    counter(OUTCOME_UNKNOWN, call.operation()).increment();
  }

  @Override
  public void callEnd(CallInfo call, CallEnd end) {
    CallState state = (CallState) call.attachment(this);
    call.attach(this, null);
    if (state != null) {
      inFlight.decrementAndGet();
    }
    String statusClass = state == null ? "none" : state.lastStatusClass;
    TimerKey key =
        new TimerKey(call.operation(), outcome(end.outcome()), statusClass, error(end.errorType()));
    callTimers
        .computeIfAbsent(key, k -> timer(CALLS, "CDAP logical calls", k))
        .record(end.duration());
  }

  @Override
  public String toString() {
    return "MicrometerEventListener(" + registry.getClass().getSimpleName() + ")";
  }

  private Timer timer(String name, String description, TimerKey k) {
    return Timer.builder(name)
        .description(description)
        .tag("operation", k.operation().tagName())
        .tag("outcome", k.outcome())
        .tag("status.class", k.statusClass())
        .tag("error", k.error())
        .register(registry);
  }

  /** The counter named {@code name} for the operation and tag pairs ({@code key, value, …}). */
  private Counter counter(String name, CdapOperation operation, String... tags) {
    return counters.computeIfAbsent(
        new CounterKey(name, operation, List.of(tags)),
        k -> {
          Counter.Builder b = Counter.builder(name).tag("operation", operation.tagName());
          for (int i = 0; i + 1 < tags.length; i += 2) {
            b.tag(tags[i], tags[i + 1]);
          }
          return b.register(registry);
        });
  }

  private static String outcome(CallOutcome outcome) {
    return outcome == null ? "unknown" : lower(outcome);
  }

  /** The constant's name in lower case, made once per constant: this runs on every call. */
  private static String lower(Enum<?> e) {
    return LOWER_NAMES.computeIfAbsent(e, k -> k.name().toLowerCase(Locale.ROOT));
  }

  /** The exception's name when it is one of the SDK's, so that the tag stays bounded. */
  static String error(Optional<String> errorType) {
    if (errorType == null || errorType.isEmpty()) {
      return "none";
    }
    String name = errorType.get();
    return KNOWN_ERRORS.contains(name) ? name : "other";
  }

  /** What a call remembers between its events. */
  private static final class CallState {
    volatile String lastStatusClass = "none";
  }

  private record TimerKey(
      CdapOperation operation, String outcome, String statusClass, String error) {}

  private record CounterKey(String name, CdapOperation operation, List<String> tags) {}
}
