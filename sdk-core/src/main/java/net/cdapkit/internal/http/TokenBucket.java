package net.cdapkit.internal.http;

/**
 * A client-side token bucket that paces one session's requests to the rate its server declared, so
 * that batch work spreads out instead of tripping 429s. Not API.
 *
 * <p>Each request takes one permit; up to {@code burst} permits accumulate while idle. A request
 * that finds none <em>reserves</em> the next free slot under a short lock and then sleeps outside
 * it until that slot: waiting threads are served in the order they reserved, nobody spins, and the
 * lock is never held while sleeping. A reservation that would wait longer than the caller allows is
 * not made at all, so a caller that gives up does not delay the others.
 *
 * <p>Thread-safe.
 */
public final class TokenBucket {
  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final double permitsPerSecond;
  private final int burst;
  private final Timing timing;
  private final double nanosPerPermit;
  // When set, permits are reserved from a store shared with other sessions and processes.
  private final java.util.function.LongUnaryOperator remote;

  // Guarded by this. Negative when permits are reserved ahead of time (a queue of waiters).
  private double available;
  private long refilledAt;
  private long granted;

  /**
   * @param permitsPerSecond the sustained rate, positive and finite
   * @param burst how many permits may accumulate while idle, at least 1
   */
  public TokenBucket(double permitsPerSecond, int burst) {
    this(permitsPerSecond, burst, Timing.SYSTEM);
  }

  TokenBucket(double permitsPerSecond, int burst, Timing timing) {
    this(permitsPerSecond, burst, timing, null);
  }

  private TokenBucket(
      double permitsPerSecond,
      int burst,
      Timing timing,
      java.util.function.LongUnaryOperator remote) {
    this.remote = remote;
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException("permitsPerSecond must be positive and finite");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1");
    }
    this.permitsPerSecond = permitsPerSecond;
    this.burst = burst;
    this.timing = timing;
    this.nanosPerPermit = NANOS_PER_SECOND / permitsPerSecond;
    this.available = burst;
    this.refilledAt = timing.nanoTime();
  }

  /**
   * A bucket whose permits are reserved elsewhere: {@code reserve} takes the longest acceptable
   * wait in nanoseconds and returns the wait of the reserved slot, or -1 when nothing was reserved.
   * The rate and burst are those the store applies, for messages.
   */
  public static TokenBucket remote(
      double permitsPerSecond, int burst, java.util.function.LongUnaryOperator reserve) {
    return new TokenBucket(
        permitsPerSecond,
        burst,
        Timing.SYSTEM,
        java.util.Objects.requireNonNull(reserve, "reserve"));
  }

  /**
   * Takes one permit, sleeping until it is due.
   *
   * @param maxWaitNanos the longest the caller accepts to wait
   * @return the nanoseconds waited, or {@code -1} without taking a permit if the wait would be
   *     longer than {@code maxWaitNanos}
   * @throws InterruptedException if interrupted while waiting; the reserved slot is then lost,
   *     which only slows the others down by one permit
   */
  public long acquire(long maxWaitNanos) throws InterruptedException {
    long wait = reserve(maxWaitNanos);
    if (wait > 0) {
      timing.sleep(wait);
    }
    return wait;
  }

  /** Reserves the next permit and returns how long to wait for it, or -1 (nothing reserved). */
  long reserve(long maxWaitNanos) {
    if (remote != null) {
      long wait = remote.applyAsLong(maxWaitNanos);
      if (wait >= 0) {
        synchronized (this) {
          granted++;
        }
      }
      return wait;
    }
    return reserveLocally(maxWaitNanos);
  }

  private synchronized long reserveLocally(long maxWaitNanos) {
    long now = timing.nanoTime();
    long elapsed = Math.max(0, now - refilledAt);
    available = Math.min(burst, available + elapsed / nanosPerPermit);
    refilledAt = now;
    if (available >= 1) {
      available -= 1;
      granted++;
      return 0;
    }
    long wait = (long) Math.ceil((1 - available) * nanosPerPermit);
    if (wait > maxWaitNanos) {
      return -1;
    }
    available -= 1;
    granted++;
    return wait;
  }

  /** Permits given out so far, including those still being waited for. */
  public synchronized long granted() {
    return granted;
  }

  public double permitsPerSecond() {
    return permitsPerSecond;
  }

  public int burst() {
    return burst;
  }

  @Override
  public String toString() {
    return "TokenBucket{" + permitsPerSecond + "/s, burst " + burst + "}";
  }
}
