package net.cdapkit.event;

import java.util.Optional;

/**
 * The logical call an event belongs to: the same instance, compared by identity, is passed to every
 * event of one call, from {@link CdapEventListener#callStart} to {@link CdapEventListener#callEnd},
 * so a listener may keep its own state (a timer sample, a span) with it, see {@link #attach}.
 * Carries no personal data.
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

  /**
   * Keeps {@code state} with this call for {@code owner}: how a listener carries its own state (a
   * span, a timer sample) from one event of a call to the next without a map keyed by call. Each
   * owner, usually the listener itself and compared by identity, has its own slot; attaching null
   * empties it. The calls the SDK makes keep attachments until they are no longer referenced.
   *
   * <p>This default keeps nothing and throws: an implementation written for a test must keep
   * attachments if the listener under test uses them.
   *
   * @param owner whose slot this is, compared by identity; not null
   * @param state what to keep, or null to empty the slot
   * @throws UnsupportedOperationException if this implementation keeps no attachments
   */
  default void attach(Object owner, Object state) {
    throw new UnsupportedOperationException("This CallInfo keeps no attachments");
  }

  /**
   * {@return what {@code owner} attached to this call, or null if nothing}
   *
   * @param owner whose slot to read, compared by identity; not null
   * @throws UnsupportedOperationException if this implementation keeps no attachments
   */
  default Object attachment(Object owner) {
    throw new UnsupportedOperationException("This CallInfo keeps no attachments");
  }
}
