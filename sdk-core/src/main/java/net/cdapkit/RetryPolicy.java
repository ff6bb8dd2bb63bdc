package net.cdapkit;

import java.time.Duration;
import java.util.Objects;
import net.cdapkit.error.InvalidInputException;

/**
 * How the client retries a call that failed transiently: connection failures, time-outs, 502, 503,
 * 504 and 429 (honouring {@code Retry-After}, in seconds or as a date). Only reads are retried, and
 * operations with effects only because they carry an idempotency key; other 4xx, 500 and unreadable
 * answers are never retried. Backoff is exponential with full jitter, capped.
 *
 * <p>The budget bounds the whole logical call — its attempts, its waits, and a token renewal or a
 * new dossier lookup it needed, with their replay: each attempt gets the smaller of its own timeout
 * and the time left, and a wait (or a server's {@code Retry-After}) that would end past the budget
 * ends the call instead. So a call ends within min(budget, attempts × attempt timeout + waits).
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
  private static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofDays(1));

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration budget;

  private RetryPolicy(
      int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration budget) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.budget = budget;
  }

  /**
   * 3 attempts, backoff from 200 ms up to 5 s, 30 s in all.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULT;
  }

  /**
   * One attempt only.
   *
   * @return a policy that never retries
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * A custom policy.
   *
   * @param maxAttempts attempts including the first, 1 to 10
   * @param initialBackoff base of the exponential backoff, not negative
   * @param maxBackoff cap of one wait, at least {@code initialBackoff}
   * @param budget total time for all attempts and waits of one call, positive
   * @return the immutable policy
   */
  public static RetryPolicy of(
      int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration budget) {
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new InvalidInputException("maxAttempts must be between 1 and 10");
    }
    if (initialBackoff == null || initialBackoff.isNegative()) {
      throw new InvalidInputException("initialBackoff must be zero or positive");
    }
    if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new InvalidInputException("maxBackoff must be at least initialBackoff");
    }
    if (budget == null || budget.isZero() || budget.isNegative()) {
      throw new InvalidInputException("budget must be positive");
    }
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, budget);
  }

  /**
   * Attempts allowed, the first included.
   *
   * @return the maximum number of attempts, 1 to 10
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The base of the exponential backoff.
   *
   * @return the wait before the first retry, before jitter
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The cap of a single wait between attempts.
   *
   * @return the longest wait between two attempts
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The time allowed for all attempts of a call and the waits between them.
   *
   * @return the budget of a whole call
   */
  public Duration budget() {
    return budget;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy r = (RetryPolicy) o;
    return r.maxAttempts == maxAttempts
        && r.initialBackoff.equals(initialBackoff)
        && r.maxBackoff.equals(maxBackoff)
        && r.budget.equals(budget);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, budget);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", budget="
        + budget
        + "}";
  }
}
