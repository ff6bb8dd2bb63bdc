package net.cdapkit.error;

import java.time.Duration;
import java.util.Optional;

/** The server refused the call with 429 and retries did not get through in the time allowed. */
public final class RateLimitedException extends ServerException {
  /** How long the server asks to wait. */
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without personal data
   * @param errorCode the contract's error code, or {@code null}
   * @param retryAfter how long the server asks to wait, or {@code null}
   * @param requestId the request id of the last attempt, or {@code null}
   * @param attempts how many HTTP attempts were made
   */
  public RateLimitedException(
      String message, String errorCode, Duration retryAfter, String requestId, int attempts) {
    super(message, 429, errorCode, requestId, attempts);
    this.retryAfter = retryAfter;
  }

  /** {@return how long the server asked to wait, when it said} */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
