package net.cdapkit.internal.http;

import java.time.Duration;
import net.cdapkit.error.CdapException;

/**
 * Told of what the attempts of one exchange do, so that the call's listener hears of them. Called
 * from the attempt loop, one event at a time. Not API.
 */
public interface AttemptObserver {
  /** Hears nothing: exchanges that are part of another call (a renewal, a lookup). */
  AttemptObserver NONE = new AttemptObserver() {};

  /** The exchange waits {@code nanos} for a permit of the client-side rate limit. */
  default void pacingWait(long nanos) {}

  /** Attempt {@code attempt} is about to be sent; {@code tag} takes its trace headers. */
  default void attemptStart(int attempt, CallTag tag) {}

  /**
   * Attempt {@code attempt} ended: status 0 without a response; {@code failure} null on success.
   */
  default void attemptEnd(
      int attempt, int status, long nanos, CdapException failure, String requestId) {}

  /** The exchange will be tried again after {@code delay}. */
  default void retryScheduled(int failedAttempt, CdapException failure, Duration delay) {}

  /** Called with a hook that cancels the attempt in flight and any further attempt. */
  default void cancellable(Runnable cancel) {}
}
