package net.cdapkit.error;

/**
 * The session's profile does not allow this tab, action, CAF or finalité. Thrown before any request
 * when the client knows it, and mapped from the server's 403 when the server says it.
 */
public final class CapabilityDeniedException extends CdapException {
  private final String profile;
  private final String capability;

  public CapabilityDeniedException(
      String profile, String capability, String message, String requestId, int attempts) {
    super(message, requestId, attempts, null);
    this.profile = profile;
    this.capability = capability;
  }

  /** Creates the exception for a check made on the client, before any request. */
  public static CapabilityDeniedException beforeCall(String profile, String capability) {
    return new CapabilityDeniedException(
        profile,
        capability,
        "Profile " + profile + " is not habilitated for " + capability,
        null,
        0);
  }

  /** The session's profile code, e.g. {@code T5}. */
  public String profile() {
    return profile;
  }

  /** The capability that is missing, e.g. {@code tab rsa} or {@code CAF 131}. */
  public String capability() {
    return capability;
  }
}
