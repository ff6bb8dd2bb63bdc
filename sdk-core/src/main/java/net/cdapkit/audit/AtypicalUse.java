package net.cdapkit.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A consultation that crosses the {@link UsageGuard}'s thresholds: why, and the agent's counts at
 * that moment. Given to the guard's listener; carried by {@link AtypicalUseException} when blocked.
 */
public final class AtypicalUse {
  /** Which threshold was crossed. */
  public enum Reason {
    /** More consultations in the last hour than {@link UsageGuard#maxPerHour()}. */
    HOURLY_VOLUME,
    /** More consultations in the last 24 hours than {@link UsageGuard#maxPerDay()}. */
    DAILY_VOLUME,
    /** A consultation during the guard's night-time hours. */
    NIGHT_TIME
  }

  private final String partner;
  private final String agent;
  private final Instant at;
  private final Set<Reason> reasons;
  private final int lastHour;
  private final int lastDay;
  private final boolean blocked;

  AtypicalUse(
      String partner,
      String agent,
      Instant at,
      Set<Reason> reasons,
      int lastHour,
      int lastDay,
      boolean blocked) {
    this.partner = partner;
    this.agent = agent;
    this.at = at;
    this.reasons = Collections.unmodifiableSet(EnumSet.copyOf(reasons));
    this.lastHour = lastHour;
    this.lastDay = lastDay;
    this.blocked = blocked;
  }

  /**
   * The partner organisation's identifier, as the server gave it at authentication.
   *
   * @return the partner's identifier
   */
  public String partner() {
    return partner;
  }

  /**
   * The agent's identifier. An employee's login: show it to the partner, not in shared logs.
   *
   * @return the agent's login
   */
  public String agent() {
    return agent;
  }

  /**
   * When the consultation was attempted, by the client's clock.
   *
   * @return the consultation's instant
   */
  public Instant at() {
    return at;
  }

  /**
   * At least one reason.
   *
   * @return an unmodifiable, non-empty set of why the consultation is atypical
   */
  public Set<Reason> reasons() {
    return reasons;
  }

  /**
   * The agent's consultations in the hour before, this one included.
   *
   * @return the consultation count over the last hour
   */
  public int lastHour() {
    return lastHour;
  }

  /**
   * The agent's consultations in the 24 hours before, this one included.
   *
   * @return the consultation count over the last 24 hours
   */
  public int lastDay() {
    return lastDay;
  }

  /**
   * Whether the guard blocked the consultation (BLOCK mode) rather than warn.
   *
   * @return true when the consultation was refused, false when it went ahead with a warning
   */
  public boolean blocked() {
    return blocked;
  }

  /** Reasons and counts; not the agent. */
  @Override
  public String toString() {
    return "AtypicalUse{reasons="
        + reasons
        + ", lastHour="
        + lastHour
        + ", lastDay="
        + lastDay
        + ", blocked="
        + blocked
        + "}";
  }
}
