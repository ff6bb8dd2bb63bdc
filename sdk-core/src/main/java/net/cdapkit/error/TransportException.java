package net.cdapkit.error;

/** The request could not be completed at the network level: connection, TLS, time-out. */
public final class TransportException extends CdapException {
  /**
   * Creates the exception.
   *
   * @param message what went wrong, without personal data
   * @param requestId the request id of the last attempt, or {@code null}
   * @param attempts how many HTTP attempts were made
   * @param cause the failure underneath
   */
  public TransportException(String message, String requestId, int attempts, Throwable cause) {
    super(message, requestId, attempts, cause);
  }
}
