package net.cdapkit.error;

/**
 * The client's configuration does not match the server it reaches: most often a base URL without
 * the API's prefix, so that the server answers with something other than the contract (a 404
 * without the contract's error body, or one on authentication). The message names the base URL
 * configured and the form expected; it never carries personal data.
 */
public final class ConfigurationException extends CdapException {
  /** The HTTP status. */
  private final int status;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without personal data
   * @param requestId the request id of the last attempt, or {@code null}
   * @param status the HTTP status
   * @param attempts how many HTTP attempts were made
   */
  public ConfigurationException(String message, String requestId, int status, int attempts) {
    super(message, requestId, attempts, null);
    this.status = status;
  }

  /** {@return the HTTP status that revealed the misconfiguration, or 0 when none was read} */
  public int status() {
    return status;
  }
}
