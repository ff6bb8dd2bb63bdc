package net.cdapkit.error;

/**
 * A caller's input was rejected before anything was sent. The message states the expected format,
 * never the rejected value when it may be personal.
 */
public final class InvalidInputException extends CdapException {
  /**
   * Creates the exception.
   *
   * @param message what went wrong, without personal data
   */
  public InvalidInputException(String message) {
    super(message);
  }
}
