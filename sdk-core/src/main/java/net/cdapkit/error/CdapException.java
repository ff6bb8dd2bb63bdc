package net.cdapkit.error;

import java.util.Optional;

/**
 * Root of every exception the SDK throws. Unchecked; messages never contain personal data (numéros
 * allocataire, names, NIR, addresses, amounts, credentials or tokens).
 */
public class CdapException extends RuntimeException {
  /** The request id of the last attempt. */
  private final String requestId;

  /** How many HTTP attempts were made. */
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without personal data
   */
  public CdapException(String message) {
    this(message, null, 0, null);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without personal data
   * @param cause the failure underneath
   */
  public CdapException(String message, Throwable cause) {
    this(message, null, 0, cause);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without personal data
   * @param requestId the request id of the last attempt, or {@code null}
   * @param attempts how many HTTP attempts were made
   * @param cause the failure underneath
   */
  protected CdapException(String message, String requestId, int attempts, Throwable cause) {
    super(message, cause);
    this.requestId = requestId;
    this.attempts = attempts;
  }

  /** {@return the request id of the last attempt, when a request was sent} */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** {@return how many HTTP attempts were made before this failure; 0 when nothing was sent} */
  public int attempts() {
    return attempts;
  }
}
