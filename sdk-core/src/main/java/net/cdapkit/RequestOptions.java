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
  private static final RequestOptions DEFAULTS = new RequestOptions(null, null, null);

  private final String idempotencyKey;
  private final Duration timeout;
  private final Duration budget;

  private RequestOptions(String idempotencyKey, Duration timeout, Duration budget) {
    this.idempotencyKey = idempotencyKey;
    this.timeout = timeout;
    this.budget = budget;
  }

  /**
   * No options: the client's timeouts, retry budget and a fresh idempotency key per call.
   *
   * @return the empty options
   */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Sets the idempotency key of an operation with effects (dialogue, postal attestation). Without
   * one, the client makes a key per call; give your own to resume safely after a restart.
   *
   * @param key the idempotency key, stable across restarts of the same operation
   * @return new options with this key; this instance is unchanged
   * @throws InvalidInputException unless 8 to 64 characters among {@code A-Z a-z 0-9 . _ : -}
   */
  public RequestOptions withIdempotencyKey(String key) {
    if (key == null || !key.matches("[A-Za-z0-9._:-]{8,64}")) {
      throw new InvalidInputException(
          "Idempotency key must be 8 to 64 characters among A-Z a-z 0-9 . _ : -");
    }
    return new RequestOptions(key, timeout, budget);
  }

  /**
   * Sets the time allowed for each attempt of this call, overriding the client's call timeout; the
   * retry policy's budget still bounds the call as a whole.
   *
   * @param timeout the time allowed per attempt
   * @return new options with this timeout; this instance is unchanged
   * @throws InvalidInputException unless positive
   */
  public RequestOptions withTimeout(Duration timeout) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new InvalidInputException("Timeout must be positive");
    }
    return new RequestOptions(idempotencyKey, timeout, budget);
  }

  /**
   * Sets the time budget of this call as a whole — every attempt, wait, token renewal and new
   * dossier lookup — overriding the retry policy's. For reads ({@link Dossier#withOptions}, {@link
   * CafContext#consultDossier(net.cdapkit.model.NumeroAllocataire, net.cdapkit.model.Finalite,
   * RequestOptions)}) as for writes.
   *
   * @param budget the time allowed for the whole call
   * @return new options with this budget; this instance is unchanged
   * @throws InvalidInputException unless positive
   */
  public RequestOptions withBudget(Duration budget) {
    if (budget == null || budget.isZero() || budget.isNegative()) {
      throw new InvalidInputException("Budget must be positive");
    }
    return new RequestOptions(idempotencyKey, timeout, budget);
  }

  /**
   * The idempotency key set, if any.
   *
   * @return the key; empty when the client makes one per call
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /**
   * The per-attempt timeout set, if any.
   *
   * @return the timeout; empty for the client's call timeout
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * The call's time budget set, if any.
   *
   * @return the budget; empty for the retry policy's
   */
  public Optional<Duration> budget() {
    return Optional.ofNullable(budget);
  }

  @Override
  public String toString() {
    return "RequestOptions{idempotencyKey="
        + (idempotencyKey == null ? "auto" : "set")
        + ", timeout="
        + (timeout == null ? "client default" : timeout)
        + ", budget="
        + (budget == null ? "retry policy" : budget)
        + "}";
  }
}
