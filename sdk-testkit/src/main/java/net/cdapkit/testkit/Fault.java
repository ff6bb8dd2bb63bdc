package net.cdapkit.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import net.cdapkit.testkit.internal.faults.FaultMutations;
import net.cdapkit.testkit.internal.faults.NetworkFault;
import net.cdapkit.testkit.internal.server.ApiError;
import net.cdapkit.testkit.internal.server.ErrorCode;
import net.cdapkit.testkit.internal.server.SimResponse;
import net.cdapkit.testkit.internal.server.SimulatorHandler;

/**
 * One way for the simulator to misbehave, to test that a client survives a real server's bad days:
 * delays, broken connections, error statuses with the contract's error bodies, an expired token,
 * and answers that are malformed or carry what a future version of the contract may add.
 *
 * <pre>{@code
 * simulator.faults().on(Operation.TAB_PAIEMENTS).rate(0.1).inject(Fault.http(503));
 * simulator.faults().on(Operation.SEND_DIALOGUE).next(1).inject(Fault.connectionReset().afterEffect());
 * simulator.faults().always().inject(Fault.randomDelay(Duration.ZERO, Duration.ofMillis(50)));
 * }</pre>
 *
 * <p><b>Before or after the effect.</b> A fault that replaces the answer (a status, a broken
 * connection) applies by default <em>before</em> the operation runs: a postal attestation or a
 * Dialogue message does not happen. {@link #afterEffect()} makes it apply after: the operation
 * takes effect and its answer is lost, which is what an idempotency key exists for. Delays and
 * rewritten answers ({@link #malformedJson()}, {@link #unknownFields()}, {@link
 * #unknownEnumValues()}) always apply to the real answer, after the effect.
 *
 * <p>Immutable and thread-safe.
 */
public final class Fault {
  enum Kind {
    DELAY,
    NETWORK,
    STATUS,
    MALFORMED_JSON,
    UNKNOWN_FIELDS,
    UNKNOWN_ENUM_VALUES
  }

  private final Kind kind;
  private final long minDelayMillis;
  private final long maxDelayMillis;
  private final NetworkFault network;
  private final ErrorCode code;
  private final int retryAfterSeconds;
  private final boolean afterEffect;

  private Fault(
      Kind kind,
      long minDelayMillis,
      long maxDelayMillis,
      NetworkFault network,
      ErrorCode code,
      int retryAfterSeconds,
      boolean afterEffect) {
    this.kind = kind;
    this.minDelayMillis = minDelayMillis;
    this.maxDelayMillis = maxDelayMillis;
    this.network = network;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
    this.afterEffect = afterEffect;
  }

  private static Fault of(Kind kind) {
    return new Fault(kind, 0, 0, null, null, -1, kind != Kind.NETWORK && kind != Kind.STATUS);
  }

  private static Fault network(NetworkFault f) {
    return new Fault(Kind.NETWORK, 0, 0, f, null, -1, false);
  }

  private static Fault status(ErrorCode code, int retryAfterSeconds) {
    return new Fault(Kind.STATUS, 0, 0, null, code, retryAfterSeconds, false);
  }

  /**
   * The real answer, sent after this delay (at most ten minutes).
   *
   * @param delay how long the simulator waits before answering, 0 to 10 minutes
   * @return the fault, to pass to {@link Faults.Selection#inject(Fault)}
   * @throws IllegalArgumentException if {@code delay} is negative or over ten minutes
   * @throws NullPointerException if {@code delay} is null
   */
  public static Fault delay(Duration delay) {
    long ms = millis(delay, "delay");
    return new Fault(Kind.DELAY, ms, ms, null, null, -1, true);
  }

  /**
   * The real answer, sent after a delay drawn uniformly between {@code min} and {@code max}
   * inclusive, from the seeded random source of {@link Faults}: the same seed gives the same
   * delays.
   *
   * @param min the shortest delay, 0 to 10 minutes
   * @param max the longest delay, from {@code min} to 10 minutes
   * @return the fault, to pass to {@link Faults.Selection#inject(Fault)}
   * @throws IllegalArgumentException if a bound is negative or over ten minutes, or {@code max} is
   *     shorter than {@code min}
   * @throws NullPointerException if a bound is null
   */
  public static Fault randomDelay(Duration min, Duration max) {
    long lo = millis(min, "min");
    long hi = millis(max, "max");
    if (hi < lo) {
      throw new IllegalArgumentException("max must be at least min");
    }
    return new Fault(Kind.DELAY, lo, hi, null, null, -1, true);
  }

  /**
   * The connection is reset (TCP RST) instead of an answer.
   *
   * @return the fault, to pass to {@link Faults.Selection#inject(Fault)}
   */
  public static Fault connectionReset() {
    return network(NetworkFault.CONNECTION_RESET);
  }

  /**
   * The connection is closed without a byte of answer.
   *
   * @return the fault, to pass to {@link Faults.Selection#inject(Fault)}
   */
  public static Fault emptyResponse() {
    return network(NetworkFault.EMPTY_RESPONSE);
  }

  /**
   * A 200 status line then a chunk of the body that does not parse.
   *
   * @return the fault, to pass to {@link Faults.Selection#inject(Fault)}
   */
  public static Fault malformedChunk() {
    return network(NetworkFault.MALFORMED_CHUNK);
  }

  /**
   * Random bytes instead of an HTTP answer, then the connection is closed.
   *
   * @return the fault, to pass to {@link Faults.Selection#inject(Fault)}
   */
  public static Fault randomDataThenClose() {
    return network(NetworkFault.RANDOM_DATA_THEN_CLOSE);
  }

  /**
   * An error status with the contract's error body: 429 ({@code 00429}, {@code Retry-After: 1}),
   * 500 ({@code 50000}), 502 ({@code 37999}), 503 ({@code 50003}) or 504 ({@code 37002}).
   *
   * @param status the HTTP status to answer: 429, 500, 502, 503 or 504
   * @return the fault, to pass to {@link Faults.Selection#inject(Fault)}
   * @throws IllegalArgumentException for another status; use {@link #tokenExpired()} for 401
   */
  public static Fault http(int status) {
    return switch (status) {
      case 429 -> tooManyRequests(1);
      case 500 -> status(ErrorCode.INTERNAL, -1);
      case 502 -> status(ErrorCode.PROVIDER_ERROR, -1);
      case 503 -> status(ErrorCode.UNAVAILABLE, -1);
      case 504 -> status(ErrorCode.GATEWAY_TIMEOUT, -1);
      default ->
          throw new IllegalArgumentException(
              "status must be 429, 500, 502, 503 or 504 (tokenExpired() gives a 401)");
    };
  }

  /**
   * 429 with code {@code 00429} and {@code Retry-After} in seconds (0 to 3600).
   *
   * @param retryAfterSeconds the {@code Retry-After} header's value, in seconds, 0 to 3600
   * @return the fault, to pass to {@link Faults.Selection#inject(Fault)}
   * @throws IllegalArgumentException if {@code retryAfterSeconds} is outside 0 to 3600
   */
  public static Fault tooManyRequests(int retryAfterSeconds) {
    if (retryAfterSeconds < 0 || retryAfterSeconds > 3600) {
      throw new IllegalArgumentException("retryAfterSeconds must be between 0 and 3600");
    }
    return status(ErrorCode.RATE_LIMITED, retryAfterSeconds);
  }

  /**
   * 401 with code {@code 10004} (token expired), as when a session outlives its token.
   *
   * @return the fault, to pass to {@link Faults.Selection#inject(Fault)}
   */
  public static Fault tokenExpired() {
    return status(ErrorCode.TOKEN_EXPIRED, -1);
  }

  /**
   * The real answer cut in the middle, still labelled {@code application/json}.
   *
   * @return the fault, to pass to {@link Faults.Selection#inject(Fault)}
   */
  public static Fault malformedJson() {
    return of(Kind.MALFORMED_JSON);
  }

  /**
   * The real answer with fields the contract does not define added to every JSON object, as a later
   * version of the server may send: the contract says clients must ignore them.
   *
   * @return the fault, to pass to {@link Faults.Selection#inject(Fault)}
   */
  public static Fault unknownFields() {
    return of(Kind.UNKNOWN_FIELDS);
  }

  /**
   * The real answer with every enumerated value (prestation, état, canal, périmètre…) replaced by
   * one the contract does not list, and one unknown value added to every list of codes (onglets,
   * actions…): the contract says clients must tolerate them. The attestation type of a postal
   * receipt, which echoes the request, is left alone.
   *
   * @return the fault, to pass to {@link Faults.Selection#inject(Fault)}
   */
  public static Fault unknownEnumValues() {
    return of(Kind.UNKNOWN_ENUM_VALUES);
  }

  /**
   * This fault, applied after the operation took effect: the postal attestation is scheduled or the
   * Dialogue message recorded, and the answer is lost. Delays and rewritten answers already apply
   * after the effect and are returned as they are.
   *
   * @return a fault like this one that applies after the effect; this fault if it already does
   */
  public Fault afterEffect() {
    return afterEffect
        ? this
        : new Fault(kind, minDelayMillis, maxDelayMillis, network, code, retryAfterSeconds, true);
  }

  /**
   * Whether the operation runs (and takes effect) before this fault applies.
   *
   * @return {@code true} for delays, rewritten answers and faults made with {@link #afterEffect()};
   *     {@code false} for other replaced answers
   */
  public boolean isAfterEffect() {
    return afterEffect;
  }

  Kind kind() {
    return kind;
  }

  /** Whether the answer is replaced rather than delayed or rewritten. */
  boolean replacesAnswer() {
    return kind == Kind.NETWORK || kind == Kind.STATUS;
  }

  /** Whether the replaced answer is one of the contract's error answers. */
  boolean isContractAnswer() {
    return kind == Kind.STATUS;
  }

  long drawDelayMillis(Random random) {
    return minDelayMillis == maxDelayMillis
        ? minDelayMillis
        : minDelayMillis + (long) (random.nextDouble() * (maxDelayMillis - minDelayMillis + 1));
  }

  /** The answer that replaces the real one. */
  SimResponse replacement(String requestId) {
    SimResponse r;
    if (kind == Kind.NETWORK) {
      r = new SimResponse(200, java.util.Map.of(), new byte[0]).withNetworkFault(network);
    } else {
      r = SimulatorHandler.error(new ApiError(code, detail(code)));
      if (retryAfterSeconds >= 0) {
        r = r.withHeader("Retry-After", Integer.toString(retryAfterSeconds));
      }
    }
    return r.withHeader("X-Request-Id", requestId);
  }

  /** The real answer, rewritten; {@code replacesAnswer()} faults are not applied here. */
  SimResponse rewrite(SimResponse real) {
    return switch (kind) {
      case MALFORMED_JSON -> FaultMutations.malformedJson(real);
      case UNKNOWN_FIELDS -> FaultMutations.unknownFields(real);
      case UNKNOWN_ENUM_VALUES -> FaultMutations.unknownEnumValues(real);
      default -> real;
    };
  }

  private static String detail(ErrorCode code) {
    return switch (code) {
      case RATE_LIMITED -> "Trop de requêtes pour ce jeton : réessayez après le délai indiqué.";
      case TOKEN_EXPIRED -> "Jeton d'accès expiré : authentifiez-vous de nouveau.";
      case PROVIDER_ERROR -> "Le fournisseur de données a répondu en erreur (panne simulée).";
      case UNAVAILABLE -> "Service momentanément indisponible (panne simulée).";
      case GATEWAY_TIMEOUT -> "Le fournisseur de données n'a pas répondu à temps (panne simulée).";
      default -> "Erreur interne (panne simulée).";
    };
  }

  private static long millis(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(name + " must be between 0 and 10 minutes");
    }
    return d.toMillis();
  }

  @Override
  public String toString() {
    String what =
        switch (kind) {
          case DELAY ->
              minDelayMillis == maxDelayMillis
                  ? "delay " + minDelayMillis + " ms"
                  : "random delay " + minDelayMillis + "-" + maxDelayMillis + " ms";
          case NETWORK -> network.name().toLowerCase(java.util.Locale.ROOT);
          case STATUS ->
              "http "
                  + code.status
                  + " "
                  + code.code
                  + (retryAfterSeconds >= 0 ? " Retry-After " + retryAfterSeconds : "");
          case MALFORMED_JSON -> "malformed json";
          case UNKNOWN_FIELDS -> "unknown fields";
          case UNKNOWN_ENUM_VALUES -> "unknown enum values";
        };
    return "Fault[" + what + (afterEffect ? ", after effect" : ", before effect") + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fault f
        && f.kind == kind
        && f.minDelayMillis == minDelayMillis
        && f.maxDelayMillis == maxDelayMillis
        && f.network == network
        && f.code == code
        && f.retryAfterSeconds == retryAfterSeconds
        && f.afterEffect == afterEffect;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        kind, minDelayMillis, maxDelayMillis, network, code, retryAfterSeconds, afterEffect);
  }
}
