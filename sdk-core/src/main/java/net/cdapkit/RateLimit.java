package net.cdapkit;

import java.util.Objects;
import java.util.Optional;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.internal.http.TokenBucket;

/**
 * How fast one session may send requests, paced on the client so that batch work does not run into
 * the server's 429 answers. Every HTTP attempt of a session counts, retries included; requests of
 * different sessions are paced separately, as the server counts per token.
 *
 * <pre>{@code
 * CdapClient.builder()
 *     .rateLimit(RateLimit.serverDeclared())   // the default: the rate the server declares
 *     .rateLimit(RateLimit.perSecond(5))       // or a rate of your own, e.g. to share the quota
 *     .rateLimit(RateLimit.none());            // or no pacing at all (the server's 429s remain)
 *     .rateLimit(RateLimit.shared(store));     // or one budget for every session of the account,
 *                                              // across processes (see PermitStore)
 * }</pre>
 *
 * <p>Pacing is a token bucket: up to {@code burst} requests go out at once after a pause, then one
 * every 1/rate seconds; waiting threads are served in turn, without spinning. A request that could
 * not get its turn within its call's time budget fails with {@link
 * net.cdapkit.error.RateLimitedException} instead of waiting longer.
 */
public final class RateLimit {
  private static final RateLimit SERVER_DECLARED = new RateLimit(Mode.SERVER_DECLARED, 0, 0);
  private static final RateLimit NONE = new RateLimit(Mode.NONE, 0, 0);

  // Null unless the permits are shared through a store; then `mode` says where the rate comes from.
  private final PermitStore store;

  private enum Mode {
    SERVER_DECLARED,
    FIXED,
    NONE
  }

  private final Mode mode;
  private final double perSecond;
  private final int burst;

  private RateLimit(Mode mode, double perSecond, int burst) {
    this(mode, perSecond, burst, null);
  }

  private RateLimit(Mode mode, double perSecond, int burst, PermitStore store) {
    this.store = store;
    this.mode = mode;
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /**
   * The rate the server declares at authentication ({@code debitMaxParSeconde}), with a burst of
   * half a second's worth (at least 1); no pacing if the server declares none. The default.
   *
   * @return the server-declared rate limit
   */
  public static RateLimit serverDeclared() {
    return SERVER_DECLARED;
  }

  /**
   * No client-side pacing.
   *
   * @return a limit that never waits
   */
  public static RateLimit none() {
    return NONE;
  }

  /**
   * A fixed rate, whatever the server declares, with a burst of half a second's worth (at least 1).
   *
   * @param requestsPerSecond the rate, in requests per second; may be below 1
   * @return the fixed rate limit
   * @throws InvalidInputException unless positive and finite
   */
  public static RateLimit perSecond(double requestsPerSecond) {
    return perSecond(requestsPerSecond, burstFor(requestsPerSecond));
  }

  /**
   * A fixed rate and the number of requests that may go out at once after a pause.
   *
   * @param requestsPerSecond the rate, in requests per second; may be below 1
   * @param burst how many requests may go out at once
   * @return the fixed rate limit
   * @throws InvalidInputException unless the rate is positive and finite and the burst at least 1
   */
  public static RateLimit perSecond(double requestsPerSecond, int burst) {
    checkRate(requestsPerSecond);
    if (burst < 1) {
      throw new InvalidInputException("Rate limit burst must be at least 1");
    }
    return new RateLimit(Mode.FIXED, requestsPerSecond, burst);
  }

  /**
   * The rate the server declares, shared by every session of the same partner account through
   * {@code store} — across threads, clients and processes — instead of paced per session. For an
   * application that runs on several nodes under one partner account: the server counts the
   * account's requests, not each node's.
   *
   * @param store the store holding the shared permits
   * @return the shared server-declared rate limit
   */
  public static RateLimit shared(PermitStore store) {
    if (store == null) {
      throw new InvalidInputException("Rate limit permit store must not be null");
    }
    return new RateLimit(Mode.SERVER_DECLARED, 0, 0, store);
  }

  /**
   * A fixed rate shared by every session of the same partner account through {@code store}, with a
   * burst of half a second's worth (at least 1).
   *
   * @param store the store holding the shared permits
   * @param requestsPerSecond the rate shared by all sessions, in requests per second
   * @return the shared fixed rate limit
   * @throws InvalidInputException unless the store is given and the rate positive and finite
   */
  public static RateLimit shared(PermitStore store, double requestsPerSecond) {
    if (store == null) {
      throw new InvalidInputException("Rate limit permit store must not be null");
    }
    return new RateLimit(Mode.FIXED, requestsPerSecond, burstFor(requestsPerSecond), store);
  }

  /**
   * The permit store shared across sessions, if any.
   *
   * @return the shared store; empty for a per-session limit
   */
  public Optional<PermitStore> store() {
    return Optional.ofNullable(store);
  }

  /**
   * The fixed rate, or empty for {@link #serverDeclared()} and {@link #none()}.
   *
   * @return the rate in requests per second, or empty
   */
  public Optional<Double> requestsPerSecond() {
    return mode == Mode.FIXED ? Optional.of(perSecond) : Optional.empty();
  }

  /** The rate to apply to a session whose server declared {@code declared}, or empty for none. */
  Optional<RateLimit> resolve(Optional<Integer> declared) {
    switch (mode) {
      case FIXED:
        return Optional.of(this);
      case SERVER_DECLARED:
        return declared
            .filter(rate -> rate > 0)
            .map(rate -> new RateLimit(Mode.FIXED, rate, burstFor(rate), store));
      default:
        return Optional.empty();
    }
  }

  /** The pacing of one session of {@code account} at this resolved rate. */
  TokenBucket bucket(String account) {
    if (store == null) {
      return new TokenBucket(perSecond, burst);
    }
    return TokenBucket.remote(
        perSecond, burst, maxWait -> store.reserve(account, perSecond, burst, maxWait));
  }

  double rate() {
    return perSecond;
  }

  int burst() {
    return burst;
  }

  private static void checkRate(double rate) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new InvalidInputException("Rate limit must be a positive, finite number per second");
    }
  }

  /**
   * Half a second's worth (at least 1). The server counts a token's requests in a bucket of one
   * second's worth (see the contract's {@code debitMaxParSeconde}); a client bucket half that size
   * leaves half a second for network jitter to bunch requests up before the server sees more than
   * its limit. A bucket as large as the server's leaves none: at 1,000 requests per second against
   * the simulator enforcing that rate, 40 of 20,000 requests were refused with 429.
   */
  private static int burstFor(double rate) {
    checkRate(rate);
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(rate / 2)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateLimit
        && ((RateLimit) o).mode == mode
        && ((RateLimit) o).store == store
        && ((RateLimit) o).perSecond == perSecond
        && ((RateLimit) o).burst == burst;
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, perSecond, burst, store);
  }

  @Override
  public String toString() {
    switch (mode) {
      case FIXED:
        return "RateLimit{"
            + perSecond
            + "/s, burst "
            + burst
            + (store == null ? "" : ", shared")
            + "}";
      case SERVER_DECLARED:
        return "RateLimit{server declared" + (store == null ? "" : ", shared") + "}";
      default:
        return "RateLimit{none}";
    }
  }
}
