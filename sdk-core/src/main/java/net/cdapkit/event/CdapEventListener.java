package net.cdapkit.event;

import java.time.Duration;
import java.util.List;

/**
 * Told of what the SDK does for each logical call: the extension point for metrics, traces and a
 * partner's own monitoring. Every method has a no-op default, so an implementation overrides only
 * what it needs, and new events can be added without breaking it.
 *
 * <p>For one call the SDK reports, in order: {@link #callStart}, then any {@link #denied}, {@link
 * #pacingWait}, {@link #tokenRenewal}, {@link #attemptStart}/{@link #attemptEnd} pairs and {@link
 * #retryScheduled}, maybe {@link #outcomeUnknown}, and always one {@link #callEnd}. Events of one
 * call are never concurrent with each other, but may come from different threads (asynchronous
 * calls run on OkHttp's dispatcher); events of different calls are concurrent.
 *
 * <p>Events carry no personal data: no numéro allocataire, name, NIR, amount, token, dossier
 * reference or URL. A listener that throws is ignored for that event (the exception is logged at
 * DEBUG, without its message) and never changes the call's result; a listener runs on the calling
 * thread, so a slow listener slows the call by its own time and no more.
 *
 * <pre>{@code
 * CdapClient client = CdapClient.builder()
 *     .baseUrl("https://cdap.example.org/api/v1/")
 *     .credentials(CredentialsProvider.fromEnvironment())
 *     .eventListener(new CdapEventListener() {
 *       @Override
 *       public void callEnd(CallInfo call, CallEnd end) {
 *         log.info("{} {} in {} ms", call.operation().tagName(), end.outcome(),
 *             end.duration().toMillis());
 *       }
 *     })
 *     .build();
 * }</pre>
 */
public interface CdapEventListener {

  /** {@return a listener that does nothing; the client's default} */
  static CdapEventListener none() {
    return NoEventListener.INSTANCE;
  }

  /**
   * {@return a listener that tells each of {@code listeners}, in order}
   *
   * @param listeners the listeners to tell, in order
   */
  static CdapEventListener composite(List<? extends CdapEventListener> listeners) {
    return CompositeEventListener.of(listeners);
  }

  /**
   * A logical call begins, before any check.
   *
   * @param call the call
   */
  default void callStart(CallInfo call) {}

  /**
   * The call was refused before anything was sent, or the server refused it with 403.
   *
   * @param call the call
   * @param kind what refused the call
   */
  default void denied(CallInfo call, DenialKind kind) {}

  /**
   * The call waits {@code wait} for a permit of the client-side rate limit.
   *
   * @param call the call
   * @param wait how long the call waits
   */
  default void pacingWait(CallInfo call, Duration wait) {}

  /**
   * The session's token was renewed for this call, or this call waited for another call's renewal
   * ({@code joined}).
   *
   * @param call the call
   * @param duration how long the renewal took
   * @param succeeded whether the renewal succeeded
   * @param joined whether this call waited for another call's renewal
   */
  default void tokenRenewal(CallInfo call, Duration duration, boolean succeeded, boolean joined) {}

  /**
   * An HTTP attempt is about to be sent; {@code headers} takes trace-context headers for it.
   *
   * @param call the call
   * @param headers where to put trace-context headers
   * @param attempt the attempt's number, from 1
   */
  default void attemptStart(CallInfo call, int attempt, AttemptHeaders headers) {}

  /**
   * An HTTP attempt ended, with a response or without one.
   *
   * @param call the call
   * @param attempt the attempt's number, from 1
   */
  default void attemptEnd(CallInfo call, AttemptEnd attempt) {}

  /**
   * The call will be tried again after {@code delay}.
   *
   * @param call the call
   * @param failedAttempt the number of the attempt that failed
   * @param reason why the attempt failed
   * @param delay how long until the next attempt
   */
  default void retryScheduled(
      CallInfo call, int failedAttempt, RetryReason reason, Duration delay) {}

  /**
   * A call with an effect ended without knowing whether the server acted; the caller gets an {@code
   * OutcomeUnknownException} with the idempotency key to resend with.
   *
   * @param call the call
   */
  default void outcomeUnknown(CallInfo call) {}

  /**
   * The call ended; always the last event of a call.
   *
   * @param call the call
   * @param end how the call ended
   */
  default void callEnd(CallInfo call, CallEnd end) {}
}
