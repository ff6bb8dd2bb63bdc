package net.cdapkit.error;

import java.util.Optional;

/**
 * Root of every exception the SDK throws. Unchecked; messages never contain personal data (numéros
 * allocataire, names, NIR, addresses, amounts, credentials or tokens).
 */
public class CdapException extends RuntimeException {
  private final String requestId;
  private final int attempts;

  public CdapException(String message) {
    this(message, null, 0, null);
  }

  public CdapException(String message, Throwable cause) {
    this(message, null, 0, cause);
  }

  protected CdapException(String message, String requestId, int attempts, Throwable cause) {
    super(message, cause);
    this.requestId = requestId;
    this.attempts = attempts;
  }

  /** The request id of the last attempt, when a request was sent. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** How many HTTP attempts were made before this failure; 0 when nothing was sent. */
  public int attempts() {
    return attempts;
  }
}
