package net.cdapkit.audit;

import net.cdapkit.error.CdapException;

/**
 * The {@link UsageGuard}, in BLOCK mode, refused a consultation that would have been atypical
 * (volume or night-time). Nothing was sent; the refusal is in the audit journal as DENIED.
 */
public final class AtypicalUseException extends CdapException {
  /** What the guard saw: the agent, the counts and the reasons. */
  private final AtypicalUse use;

  /**
   * Reports a consultation the guard refused; the message gives the reasons and counts, not the
   * agent.
   *
   * @param use the guard's finding, with {@link AtypicalUse#blocked()} true
   */
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

  /**
   * What the guard saw, e.g. to tell the agent why the consultation was refused.
   *
   * @return the guard's finding
   */
  public AtypicalUse use() {
    return use;
  }
}
