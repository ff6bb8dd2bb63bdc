package net.cdapkit.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.cdapkit.error.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns — or refuses — before an agent's use of CDAP looks like what the CAF audits as "connexions
 * atypiques": very high volumes and night-time use. Counts each agent's dossier consultations
 * (opening a dossier; reading its tabs does not count again) over the last hour and the last 24
 * hours, and checks the local time.
 *
 * <p>Defaults ({@link #defaults()}), this project's choice — the CAF publishes no figures:
 *
 * <ul>
 *   <li><b>{@value #DEFAULT_MAX_PER_HOUR} per hour</b>: reading a dossier takes minutes; more than
 *       one a minute for an hour suggests a script, a shared account or an extraction.
 *   <li><b>{@value #DEFAULT_MAX_PER_DAY} per 24 hours</b>: several times a busy caseworker's day. A
 *       team whose mission is legitimately bulk (a landlord checking housing aid for its tenants)
 *       sets its own thresholds, as agreed with its CAF.
 *   <li><b>night 20:00–07:00, Europe/Paris</b>: offices are closed; the CAF names night-time use.
 *       Set {@link Builder#zone} for the overseas départements (e.g. {@code Indian/Reunion}).
 *   <li><b>WARN mode</b>: blocking is the partner's policy to choose — a night-time social
 *       emergency service (115, SIAO) consults at night on purpose. The default listener logs one
 *       WARN line per agent and hour at most, naming the reasons and counts, never the agent.
 * </ul>
 *
 * <p>Thread-safe. Holds the counts of the client(s) it is given to: a client made with {@code
 * newBuilder()} shares its guard, separately built clients do not. Counts live in memory and start
 * again from zero when the process does, unless {@link Builder#counter(UsageCounter)} keeps them in
 * a store shared by every node.
 */
public final class UsageGuard {
  /** Consultations per agent per hour above which the default guard warns. */
  public static final int DEFAULT_MAX_PER_HOUR = 60;

  /** Consultations per agent per 24 hours above which the default guard warns. */
  public static final int DEFAULT_MAX_PER_DAY = 250;

  private static final Logger LOG = LoggerFactory.getLogger("net.cdapkit.audit");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofHours(24);

  /** What the guard does with an atypical consultation. */
  public enum Mode {
    /** Tell the listener, and let the consultation go. */
    WARN,
    /** Tell the listener, record a DENIED audit record, and throw {@link AtypicalUseException}. */
    BLOCK
  }

  private final boolean enabled;
  private final int maxPerHour;
  private final int maxPerDay;
  private final LocalTime nightStart;
  private final LocalTime nightEnd;
  private final ZoneId zone;
  private final Mode mode;
  private final Consumer<AtypicalUse> listener;
  private final UsageCounter counter; // null: counted in memory, in `windows`
  private final ConcurrentHashMap<String, UsageWindow> windows = new ConcurrentHashMap<>();

  private UsageGuard(Builder b, boolean enabled) {
    this.enabled = enabled;
    this.maxPerHour = b.maxPerHour;
    this.maxPerDay = b.maxPerDay;
    this.nightStart = b.nightStart;
    this.nightEnd = b.nightEnd;
    this.zone = b.zone;
    this.mode = b.mode;
    this.listener = b.listener != null ? b.listener : new AtypicalUseLog();
    this.counter = b.counter;
  }

  /**
   * A new guard with the documented defaults, in WARN mode, logging its warnings.
   *
   * @return a new guard with its own counts
   */
  public static UsageGuard defaults() {
    return builder().build();
  }

  /**
   * A guard that never warns nor blocks.
   *
   * @return the disabled guard
   */
  public static UsageGuard off() {
    return new UsageGuard(builder(), false);
  }

  /**
   * Starts a guard with the documented defaults, to adjust thresholds, hours, mode or counter.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Counts one consultation by this agent at this time and says whether it is atypical, telling the
   * listener if so. In BLOCK mode an atypical consultation is not counted: the caller must not send
   * it (the client throws {@link AtypicalUseException}).
   *
   * @param partner the partner organisation's identifier
   * @param agent the agent's login
   * @param at the consultation's instant
   * @return the finding when atypical; empty when the consultation is ordinary
   */
  public Optional<AtypicalUse> admit(String partner, String agent, Instant at) {
    return evaluate(partner, agent, at, true);
  }

  /**
   * What {@link #admit} would say now, without counting anything nor telling the listener: for a
   * partner's screen that warns the agent before they consult.
   *
   * @param partner the partner organisation's identifier
   * @param agent the agent's login
   * @param at the instant to check
   * @return the finding that consulting now would give; empty when it would be ordinary
   */
  public Optional<AtypicalUse> preview(String partner, String agent, Instant at) {
    return evaluate(partner, agent, at, false);
  }

  private Optional<AtypicalUse> evaluate(String partner, String agent, Instant at, boolean count) {
    Objects.requireNonNull(partner, "partner");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(at, "at");
    if (!enabled) {
      return Optional.empty();
    }
    if (counter != null) {
      return evaluateShared(partner, agent, at, count);
    }
    UsageWindow window =
        windows.computeIfAbsent(partner + '\u0000' + agent, k -> new UsageWindow());
    AtypicalUse use;
    synchronized (window) {
      long now = UsageWindow.nanos(at);
      window.dropUpTo(now - DAY.toNanos());
      int lastDay = window.size() + 1;
      int lastHour = window.countAfter(now - HOUR.toNanos()) + 1;
      Set<AtypicalUse.Reason> reasons = EnumSet.noneOf(AtypicalUse.Reason.class);
      addReasons(reasons, lastHour, lastDay, isNight(at));
      boolean block = mode == Mode.BLOCK && !reasons.isEmpty();
      if (count && !block) {
        window.add(now);
      }
      if (reasons.isEmpty()) {
        return Optional.empty();
      }
      use = new AtypicalUse(partner, agent, at, reasons, lastHour, lastDay, block);
    }
    if (count) {
      tell(use);
    }
    return Optional.of(use);
  }

  /** The same decision as the in-memory one, with the counts kept by {@link #counter}. */
  private Optional<AtypicalUse> evaluateShared(
      String partner, String agent, Instant at, boolean count) {
    boolean night = isNight(at);
    Set<AtypicalUse.Reason> reasons = EnumSet.noneOf(AtypicalUse.Reason.class);
    UsageCounter.Counts counts =
        counter.count(
            partner,
            agent,
            at,
            c -> {
              reasons.clear();
              addReasons(reasons, c.lastHour(), c.lastDay(), night);
              return count && !(mode == Mode.BLOCK && !reasons.isEmpty());
            });
    if (reasons.isEmpty()) {
      return Optional.empty();
    }
    boolean block = mode == Mode.BLOCK;
    AtypicalUse use =
        new AtypicalUse(partner, agent, at, reasons, counts.lastHour(), counts.lastDay(), block);
    if (count) {
      tell(use);
    }
    return Optional.of(use);
  }

  /** Adds what makes a consultation atypical, given the counts that include it. */
  private void addReasons(
      Set<AtypicalUse.Reason> reasons, int lastHour, int lastDay, boolean night) {
    if (maxPerHour > 0 && lastHour > maxPerHour) {
      reasons.add(AtypicalUse.Reason.HOURLY_VOLUME);
    }
    if (maxPerDay > 0 && lastDay > maxPerDay) {
      reasons.add(AtypicalUse.Reason.DAILY_VOLUME);
    }
    if (night) {
      reasons.add(AtypicalUse.Reason.NIGHT_TIME);
    }
  }

  private void tell(AtypicalUse use) {
    try {
      listener.accept(use);
    } catch (RuntimeException e) {
      // A listener's failure must not decide whether a consultation is sent: the mode does.
      LOG.warn("cdap atypical-use listener failed: {}", e.getClass().getSimpleName());
    }
  }

  private boolean isNight(Instant at) {
    if (nightStart == null || nightStart.equals(nightEnd)) {
      return false;
    }
    LocalTime t = at.atZone(zone).toLocalTime();
    return nightStart.isBefore(nightEnd)
        ? !t.isBefore(nightStart) && t.isBefore(nightEnd)
        : !t.isBefore(nightStart) || t.isBefore(nightEnd);
  }

  /**
   * Whether the guard checks anything.
   *
   * @return false only for {@link #off()}
   */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Consultations allowed per agent in an hour before warning; 0 means no limit.
   *
   * @return the hourly threshold
   */
  public int maxPerHour() {
    return maxPerHour;
  }

  /**
   * Consultations allowed per agent in 24 hours before warning; 0 means no limit.
   *
   * @return the daily threshold
   */
  public int maxPerDay() {
    return maxPerDay;
  }

  /**
   * When night-time starts, if the guard checks it.
   *
   * @return the start of night-time; empty when not checked
   */
  public Optional<LocalTime> nightStart() {
    return Optional.ofNullable(nightStart);
  }

  /**
   * When night-time ends, if the guard checks it.
   *
   * @return the end of night-time; empty when not checked
   */
  public Optional<LocalTime> nightEnd() {
    return Optional.ofNullable(nightEnd);
  }

  /**
   * The time zone in which night-time hours are read.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Whether an atypical consultation is only reported or also refused.
   *
   * @return WARN or BLOCK
   */
  public Mode mode() {
    return mode;
  }

  @Override
  public String toString() {
    if (!enabled) {
      return "UsageGuard{off}";
    }
    return "UsageGuard{mode="
        + mode
        + ", maxPerHour="
        + maxPerHour
        + ", maxPerDay="
        + maxPerDay
        + ", night="
        + (nightStart == null ? "unchecked" : nightStart + "-" + nightEnd + " " + zone)
        + "}";
  }

  /** Configures a {@link UsageGuard}; every default is set here. */
  public static final class Builder {
    private int maxPerHour = DEFAULT_MAX_PER_HOUR;
    private int maxPerDay = DEFAULT_MAX_PER_DAY;
    private LocalTime nightStart = LocalTime.of(20, 0);
    private LocalTime nightEnd = LocalTime.of(7, 0);
    private ZoneId zone = ZoneId.of("Europe/Paris");
    private Mode mode = Mode.WARN;
    private Consumer<AtypicalUse> listener;
    private UsageCounter counter;

    private Builder() {}

    /**
     * Keeps the counts in {@code counter} instead of this process's memory: for an application on
     * several nodes, a store they share (e.g. {@code JdbcUsageCounter} of {@code
     * cdapkit-audit-jdbc}). Same thresholds, same modes.
     *
     * @param counter the shared counts store
     * @return this builder
     */
    public Builder counter(UsageCounter counter) {
      this.counter = Objects.requireNonNull(counter, "counter");
      return this;
    }

    /**
     * Consultations per agent per hour before warning; 0 for no limit.
     *
     * @param max the hourly threshold, not negative
     * @return this builder
     */
    public Builder maxPerHour(int max) {
      this.maxPerHour = nonNegative(max, "maxPerHour");
      return this;
    }

    /**
     * Consultations per agent per 24 hours before warning; 0 for no limit.
     *
     * @param max the daily threshold, not negative
     * @return this builder
     */
    public Builder maxPerDay(int max) {
      this.maxPerDay = nonNegative(max, "maxPerDay");
      return this;
    }

    /**
     * Night-time, from {@code start} to {@code end} local time (may span midnight).
     *
     * @param start when night-time starts
     * @param end when night-time ends
     * @return this builder
     */
    public Builder nightHours(LocalTime start, LocalTime end) {
      this.nightStart = Objects.requireNonNull(start, "start");
      this.nightEnd = Objects.requireNonNull(end, "end");
      return this;
    }

    /**
     * Turns the night-time check off.
     *
     * @return this builder
     */
    public Builder noNightHours() {
      this.nightStart = null;
      this.nightEnd = null;
      return this;
    }

    /**
     * The time zone of the night-time hours; default Europe/Paris.
     *
     * @param zone the zone of the night-time hours
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Whether an atypical consultation is only reported (WARN, the default) or refused with an
     * {@link AtypicalUseException} (BLOCK).
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Told of every atypical consultation, blocked or not, on the consulting thread; default: a
     * WARN log line per agent and hour at most. Must be quick and thread-safe; what it throws is
     * logged and ignored.
     *
     * @param listener told of each atypical consultation
     * @return this builder
     */
    public Builder listener(Consumer<AtypicalUse> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the guard; its counts start empty unless a shared counter holds them.
     *
     * @return the guard
     */
    public UsageGuard build() {
      return new UsageGuard(this, true);
    }

    private static int nonNegative(int v, String name) {
      if (v < 0) {
        throw new InvalidInputException(name + " must be 0 (no limit) or positive");
      }
      return v;
    }
  }
}
