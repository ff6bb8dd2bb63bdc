package net.cdapkit.error;

/**
 * The server's response does not follow the contract: malformed or truncated JSON, wrong content
 * type, a missing required field. The message never quotes the body.
 */
public final class ProtocolException extends CdapException {
  /**
   * Creates the exception.
   *
   * @param message what went wrong, without personal data
   * @param requestId the request id of the last attempt, or {@code null}
   * @param attempts how many HTTP attempts were made
   * @param cause the failure underneath
   */
  public ProtocolException(String message, String requestId, int attempts, Throwable cause) {
    super(message, requestId, attempts, cause);
  }
}
