package net.cdapkit.audit;

import net.cdapkit.error.CdapException;

/**
 * The {@link UsageGuard}, in BLOCK mode, refused a consultation that would have been atypical
 * (volume or night-time). Nothing was sent; the refusal is in the audit journal as DENIED.
 */
public final class AtypicalUseException extends CdapException {
  private final AtypicalUse use;

  public AtypicalUseException(AtypicalUse use) {
    super(
        "Consultation refused by the atypical-use guard: "
            + use.reasons()
            + " ("
            + use.lastHour()
            + " in the last hour, "
            + use.lastDay()
            + " in the last 24 hours)");
    this.use = use;
  }

  public AtypicalUse use() {
    return use;
  }
}
