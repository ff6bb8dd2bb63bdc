package net.cdapkit.error;

/** An idempotency key was reused for a different request (409). */
public final class ConflictException extends ServerException {
  /**
   * Creates the exception.
   *
   * @param message what went wrong, without personal data
   * @param errorCode the contract's error code, or {@code null}
   * @param requestId the request id of the last attempt, or {@code null}
   * @param attempts how many HTTP attempts were made
   */
  public ConflictException(String message, String errorCode, String requestId, int attempts) {
    super(message, 409, errorCode, requestId, attempts);
  }
}
