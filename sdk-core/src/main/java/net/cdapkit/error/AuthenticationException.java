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

  private final Reason reason;

  public AuthenticationException(Reason reason, String message, String requestId, int attempts) {
    super(message, requestId, attempts, null);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
