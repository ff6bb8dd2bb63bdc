package net.cdapkit;

/**
 * Where the request permits of a partner account live when several sessions — in several processes,
 * on several machines — must share one rate: the SPI behind {@link RateLimit#shared(PermitStore)}.
 * The module {@code cdapkit-audit-jdbc} provides one on PostgreSQL (Bucket4j); a partner may plug
 * another distributed rate limiter.
 *
 * <p>A store <em>reserves</em>: it hands out the next free slot of the account's bucket and says
 * how long the caller must wait for it, so that waiting callers are served in turn and none spins
 * against the store. Implementations must be thread-safe.
 */
public interface PermitStore {

  /**
   * Reserves one permit of this account's bucket, creating the bucket on first use.
   *
   * @param account the partner account the permit counts against (the partner's identifier as the
   *     server gave it at authentication)
   * @param permitsPerSecond the account's sustained rate, positive and finite
   * @param burst how many permits may accumulate while the account is idle, at least 1
   * @param maxWaitNanos the longest the caller accepts to wait
   * @return the nanoseconds to wait before sending (0 for now), or {@code -1} without reserving
   *     anything when the wait would exceed {@code maxWaitNanos}
   * @throws RuntimeException if the store cannot be reached; the call then fails without sending
   */
  long reserve(String account, double permitsPerSecond, int burst, long maxWaitNanos);
}
