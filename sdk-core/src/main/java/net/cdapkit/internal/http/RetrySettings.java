package net.cdapkit.internal.http;

import java.time.Duration;

/**
 * Retry parameters as the pipeline uses them. Not API: callers configure {@code
 * net.cdapkit.RetryPolicy}.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param initialBackoff the base of the exponential backoff
 * @param maxBackoff the cap of one backoff
 * @param budget the total time allowed for all attempts and waits of one call
 */
public record RetrySettings(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration budget) {

  public static final RetrySettings NONE =
      new RetrySettings(1, Duration.ZERO, Duration.ZERO, Duration.ofDays(1));
}
