package net.cdapkit.error;

/** The request could not be completed at the network level: connection, TLS, time-out. */
public final class TransportException extends CdapException {
  public TransportException(String message, String requestId, int attempts, Throwable cause) {
    super(message, requestId, attempts, cause);
  }
}
