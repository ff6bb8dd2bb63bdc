package net.cdapkit.error;

/** The server answered with an error status. Carries the status, error code and request id. */
public class ServerException extends CdapException {
  /** The HTTP status. */
  private final int status;

  /** The contract's error code. */
  private final String errorCode;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without personal data
   * @param status the HTTP status
   * @param errorCode the contract's error code, or {@code null}
   * @param requestId the request id of the last attempt, or {@code null}
   * @param attempts how many HTTP attempts were made
   */
  public ServerException(
      String message, int status, String errorCode, String requestId, int attempts) {
    super(message, requestId, attempts, null);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** {@return the HTTP status} */
  public int status() {
    return status;
  }

  /**
   * {@return the error code from the error body (e.g. {@code 37999}), or an empty string when
   * absent}
   */
  public String errorCode() {
    return errorCode;
  }
}
