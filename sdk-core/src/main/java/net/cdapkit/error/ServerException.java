package net.cdapkit.error;

/** The server answered with an error status. Carries the status, error code and request id. */
public class ServerException extends CdapException {
  private final int status;
  private final String errorCode;

  public ServerException(
      String message, int status, String errorCode, String requestId, int attempts) {
    super(message, requestId, attempts, null);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The error code from the error body (e.g. {@code 37999}), or an empty string when absent. */
  public String errorCode() {
    return errorCode;
  }
}
