package net.cdapkit.error;

/** Authentication failed or the session's token is no longer accepted. */
public final class AuthenticationException extends CdapException {

  /** Why authentication failed; each calls for a different action from the agent. */
  public enum Reason {
    /** Wrong login or password. */
    BAD_CREDENTIALS,
    /** The agent's habilitation is suspended by the CAF (e.g. after an atypical-use audit). */
    HABILITATION_SUSPENDED,
    /** The CAF requires the agent to change the password on the partner portal first. */
    PASSWORD_CHANGE_REQUIRED,
    /** The bearer token expired; authenticate again. */
    TOKEN_EXPIRED,
    /** The bearer token is not (or no longer) valid, e.g. after logout. */
    TOKEN_INVALID
  }

  /** Why authentication failed. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why authentication was refused
   * @param message what went wrong, without personal data
   * @param requestId the request id of the last attempt, or {@code null}
   * @param attempts how many HTTP attempts were made
   */
  public AuthenticationException(Reason reason, String message, String requestId, int attempts) {
    super(message, requestId, attempts, null);
    this.reason = reason;
  }

  /** {@return why authentication failed} */
  public Reason reason() {
    return reason;
  }
}
