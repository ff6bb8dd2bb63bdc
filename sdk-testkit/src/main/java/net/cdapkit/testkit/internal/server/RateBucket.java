package net.cdapkit.testkit.internal.server;

import java.time.Clock;
import java.time.Instant;

/**
 * A partner account's allowance: up to {@code rate} requests at once, refilled at {@code rate} per
 * second of the simulator's clock.
 */
final class RateBucket {
  private final double rate;
  private final Clock clock;
  private double available;
  private long lastNanos;

  RateBucket(int rate, Clock clock) {
    this.rate = rate;
    this.clock = clock;
    this.available = rate;
    this.lastNanos = nanos(clock);
  }

  private static long nanos(Clock clock) {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** Takes one request's allowance; 0 if granted, else the nanoseconds until one would be. */
  synchronized long take() {
    long now = nanos(clock);
    if (now > lastNanos) {
      available = Math.min(rate, available + (now - lastNanos) * rate / 1e9);
      lastNanos = now;
    }
    if (available >= 1) {
      available -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - available) * 1e9 / rate);
  }
}
