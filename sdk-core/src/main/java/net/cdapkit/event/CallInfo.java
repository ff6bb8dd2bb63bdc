package net.cdapkit.event;

import java.util.Optional;

/**
 * The logical call an event belongs to: the same instance, compared by identity, is passed to every
 * event of one call, from {@link CdapEventListener#callStart} to {@link CdapEventListener#callEnd},
 * so a listener may key its own state (a timer sample, a span) on it. Carries no personal data.
 */
public interface CallInfo {
  /** {@return what is being done} */
  CdapOperation operation();

  /** {@return the session's profile code (e.g. {@code T1}); empty before authentication} */
  String profile();

  /** {@return the CAF's three-digit code when the call concerns one CAF} Not personal. */
  Optional<String> cafCode();

  /**
   * {@return whether the caller asked for a {@code CompletableFuture} rather than a blocking call}
   */
  boolean async();

  /** {@return the monotonic time at which the call started, as {@link System#nanoTime()}} */
  long startNanos();
}
