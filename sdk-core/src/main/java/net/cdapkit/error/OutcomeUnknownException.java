package net.cdapkit.error;

/**
 * An operation with effects (dialogue, postal attestation) was sent but the server's answer never
 * arrived, so whether it took effect is unknown. Nothing is lost and nothing is sent twice if the
 * caller resends <em>with the same idempotency key</em> ({@link #idempotencyKey()}): the server
 * then answers the first result instead of acting again.
 */
public final class OutcomeUnknownException extends CdapException {
  /** The idempotency key to resend with. */
  private final String idempotencyKey;

  /**
   * Creates the exception.
   *
   * @param operation the operation
   * @param idempotencyKey the idempotency key to resend with
   * @param requestId the request id of the last attempt, or {@code null}
   * @param attempts how many HTTP attempts were made
   * @param cause the failure underneath
   */
  public OutcomeUnknownException(
      String operation, String idempotencyKey, String requestId, int attempts, Throwable cause) {
    super(
        "Outcome of "
            + operation
            + " unknown after "
            + attempts
            + " attempt(s); resend with RequestOptions.withIdempotencyKey(e.idempotencyKey())"
            + " to complete it without a duplicate",
        requestId,
        attempts,
        cause);
    this.idempotencyKey = idempotencyKey;
  }

  /** {@return the key to resend with} Not secret, not personal. */
  public String idempotencyKey() {
    return idempotencyKey;
  }
}
