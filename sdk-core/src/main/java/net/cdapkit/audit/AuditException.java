package net.cdapkit.audit;

import net.cdapkit.error.CdapException;

/**
 * The audit journal could not be written (or read back), so the operation was stopped: with the
 * client's fail-closed setting, a request whose PENDING record was not kept is never sent. The
 * message names the operation and the reason, never a record's content.
 */
public final class AuditException extends CdapException {
  /**
   * Reports a journal failure caused by an I/O or format error.
   *
   * @param message what failed and why, without any record's content
   * @param cause the underlying failure
   */
  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Reports a journal failure with no underlying exception.
   *
   * @param message what failed and why, without any record's content
   */
  public AuditException(String message) {
    super(message);
  }
}
