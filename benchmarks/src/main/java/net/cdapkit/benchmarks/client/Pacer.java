package net.cdapkit.benchmarks.client;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Spaces starts evenly at a rate (a generic cell rate algorithm): start {@code i} is due at {@code
 * t0 + i / rate}. A caller that fell behind (a pause, a full pool) may catch up by at most {@code
 * burst} worth of starts at once, never more, so a server's per-second limit is never exceeded by
 * more than that allowance. Not thread-safe: one dispatching thread calls {@link #await()}.
 */
final class Pacer {
  /** Sleeps for a number of nanoseconds; replaced by a fake in tests. */
  interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  private final long intervalNanos;
  private final long burstNanos;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private boolean started;
  private long next;
  private long forgivenNanos;

  Pacer(double ratePerSecond, long burstNanos, LongSupplier clock, Sleeper sleeper) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive");
    }
    this.intervalNanos = Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / ratePerSecond));
    this.burstNanos = Math.max(0, burstNanos);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** A pacer on the system's monotonic clock, with a burst allowance of 50 ms worth of starts. */
  static Pacer of(double ratePerSecond) {
    return new Pacer(
        ratePerSecond,
        TimeUnit.MILLISECONDS.toNanos(50),
        System::nanoTime,
        nanos -> {
          LockSupport.parkNanos(nanos);
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
        });
  }

  /** Returns when the next start is due: at once for the first one. */
  void await() throws InterruptedException {
    long now = clock.getAsLong();
    if (!started) {
      started = true;
      next = now;
    }
    if (next < now - burstNanos) {
      forgivenNanos += now - burstNanos - next;
      next = now - burstNanos;
    }
    while (next > now) {
      sleeper.sleepNanos(next - now);
      now = clock.getAsLong();
    }
    next += intervalNanos;
  }

  long intervalNanos() {
    return intervalNanos;
  }

  /** How far behind schedule the caller fell beyond the burst allowance, in total: time lost. */
  long forgivenNanos() {
    return forgivenNanos;
  }
}
