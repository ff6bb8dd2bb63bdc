package net.cdapkit.event;

/** How a logical call ended, as seen by its caller. */
public enum CallOutcome {
  /** The caller got a value. */
  SUCCESS,
  /** Refused before anything was sent: capability, finalité, CAF, usage guard or bad input. */
  DENIED,
  /** Failed with a typed {@code CdapException}; for a call with an effect, nothing happened. */
  FAILED,
  /**
   * A call with an effect may or may not have acted ({@code OutcomeUnknownException}); resend with
   * the same idempotency key to find out.
   */
  OUTCOME_UNKNOWN,
  /** The caller cancelled the future or interrupted the thread. */
  CANCELLED
}
