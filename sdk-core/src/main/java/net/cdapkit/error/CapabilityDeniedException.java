package net.cdapkit.error;

/**
 * The session's profile does not allow this tab, action, CAF or finalité. Thrown before any request
 * when the client knows it, and mapped from the server's 403 when the server says it.
 */
public final class CapabilityDeniedException extends CdapException {
  /** The code of the profile that lacks the capability. */
  private final String profile;

  /** The capability the profile lacks. */
  private final String capability;

  /**
   * Creates the exception.
   *
   * @param profile the code of the session's profile
   * @param capability the capability the profile lacks
   * @param message what went wrong, without personal data
   * @param requestId the request id of the last attempt, or {@code null}
   * @param attempts how many HTTP attempts were made
   */
  public CapabilityDeniedException(
      String profile, String capability, String message, String requestId, int attempts) {
    super(message, requestId, attempts, null);
    this.profile = profile;
    this.capability = capability;
  }

  /**
   * {@return Creates the exception for a check made on the client, before any request}
   *
   * @param profile the code of the session's profile
   * @param capability the capability the profile lacks
   */
  public static CapabilityDeniedException beforeCall(String profile, String capability) {
    return new CapabilityDeniedException(
        profile,
        capability,
        "Profile " + profile + " is not habilitated for " + capability,
        null,
        0);
  }

  /** {@return the session's profile code, e.g. {@code T5}} */
  public String profile() {
    return profile;
  }

  /** {@return the capability that is missing, e.g. {@code tab rsa} or {@code CAF 131}} */
  public String capability() {
    return capability;
  }
}
