package net.cdapkit.error;

/** An idempotency key was reused for a different request (409). */
public final class ConflictException extends ServerException {
  public ConflictException(String message, String errorCode, String requestId, int attempts) {
    super(message, 409, errorCode, requestId, attempts);
  }
}
