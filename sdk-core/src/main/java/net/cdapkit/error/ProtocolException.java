package net.cdapkit.error;

/**
 * The server's response does not follow the contract: malformed or truncated JSON, wrong content
 * type, a missing required field. The message never quotes the body.
 */
public final class ProtocolException extends CdapException {
  public ProtocolException(String message, String requestId, int attempts, Throwable cause) {
    super(message, requestId, attempts, cause);
  }
}
