package net.cdapkit.error;

import java.time.Duration;
import java.util.Optional;

/** The server refused the call with 429 and retries did not get through in the time allowed. */
public final class RateLimitedException extends ServerException {
  private final Duration retryAfter;

  public RateLimitedException(
      String message, String errorCode, Duration retryAfter, String requestId, int attempts) {
    super(message, 429, errorCode, requestId, attempts);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
