package net.cdapkit;

import java.time.Duration;
import java.util.Optional;
import net.cdapkit.error.InvalidInputException;

/**
 * Per-call overrides of the client's defaults. Immutable; {@code with*} methods return a copy.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.defaults()
 *     .withIdempotencyKey(myCaseId + "-attestation")   // survives a restart of the caller
 *     .withTimeout(Duration.ofSeconds(20));
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS = new RequestOptions(null, null);

  private final String idempotencyKey;
  private final Duration timeout;

  private RequestOptions(String idempotencyKey, Duration timeout) {
    this.idempotencyKey = idempotencyKey;
    this.timeout = timeout;
  }

  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Sets the idempotency key of an operation with effects (dialogue, postal attestation). Without
   * one, the client makes a key per call; give your own to resume safely after a restart.
   *
   * @throws InvalidInputException unless 8 to 64 characters among {@code A-Z a-z 0-9 . _ : -}
   */
  public RequestOptions withIdempotencyKey(String key) {
    if (key == null || !key.matches("[A-Za-z0-9._:-]{8,64}")) {
      throw new InvalidInputException(
          "Idempotency key must be 8 to 64 characters among A-Z a-z 0-9 . _ : -");
    }
    return new RequestOptions(key, timeout);
  }

  /**
   * Sets the time allowed for each attempt of this call, overriding the client's call timeout; the
   * retry policy's budget still bounds the call as a whole.
   *
   * @throws InvalidInputException unless positive
   */
  public RequestOptions withTimeout(Duration timeout) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new InvalidInputException("Timeout must be positive");
    }
    return new RequestOptions(idempotencyKey, timeout);
  }

  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  @Override
  public String toString() {
    return "RequestOptions{idempotencyKey="
        + (idempotencyKey == null ? "auto" : "set")
        + ", timeout="
        + (timeout == null ? "client default" : timeout)
        + "}";
  }
}
