package net.cdapkit.internal.http;

import java.time.Duration;
import java.time.Instant;

/**
 * Time arithmetic that saturates instead of overflowing, for every place where a value from the
 * server or the caller meets a clock: a {@code Retry-After} in year 9999 or an {@code expiresIn} of
 * {@code Long.MAX_VALUE} must shorten nothing and throw nothing. Not API.
 */
public final class Saturating {
  private Saturating() {}

  /** {@code d} in nanoseconds, {@code Long.MAX_VALUE} when longer than that (about 292 years). */
  public static long nanos(Duration d) {
    if (d.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1) {
      return Long.MAX_VALUE;
    }
    return d.isNegative() ? 0 : d.toNanos();
  }

  /** {@code a + b}, {@code Long.MAX_VALUE} on overflow; for non-negative {@code b}. */
  public static long add(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  /** {@code now} plus {@code seconds}, at most {@code cap} ahead. */
  public static Instant plusSeconds(Instant now, long seconds, Duration cap) {
    Duration d =
        seconds < 0 ? Duration.ZERO : Duration.ofSeconds(Math.min(seconds, cap.getSeconds()));
    return now.plus(d);
  }
}
