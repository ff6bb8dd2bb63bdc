package net.cdapkit.audit;

import net.cdapkit.error.CdapException;

/**
 * The audit journal could not be written (or read back), so the operation was stopped: with the
 * client's fail-closed setting, a request whose PENDING record was not kept is never sent. The
 * message names the operation and the reason, never a record's content.
 */
public final class AuditException extends CdapException {
  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }

  public AuditException(String message) {
    super(message);
  }
}
