package net.cdapkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when the test moves it, to expire a session's token on purpose without
 * waiting: give it to the simulator, then {@link #advance(Duration)} past the token lifetime.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-09-30T08:00:00Z"));
 * CdapSimulator sim = CdapSimulator.builder().clock(clock).tokenLifetime(Duration.ofMinutes(30))...;
 * clock.advance(Duration.ofMinutes(31)); // the next call is answered 401 10004 (token expired)
 * }</pre>
 *
 * <p>Thread-safe. Clocks derived with {@link #withZone} share the same instant.
 */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at this instant, in UTC.
   *
   * @param instant where the clock stands until the test moves it
   * @return a new clock, independent of any other
   * @throws NullPointerException if {@code instant} is null
   */
  public static TestClock at(Instant instant) {
    return new TestClock(
        new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
  }

  /**
   * A clock standing at the current instant (to the second), in UTC.
   *
   * @return a new clock that stands still from now on
   */
  public static TestClock startingNow() {
    return at(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  /**
   * Moves the clock forward (or back, with a negative duration).
   *
   * @param duration how far to move; negative moves it back
   * @return this clock, for chaining
   * @throws NullPointerException if {@code duration} is null
   */
  public TestClock advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    now.updateAndGet(i -> i.plus(duration));
    return this;
  }

  /**
   * Sets the clock to this instant.
   *
   * @param instant where the clock stands from now on, before or after the current one
   * @return this clock, for chaining
   * @throws NullPointerException if {@code instant} is null
   */
  public TestClock set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
    return this;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new TestClock(now, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public String toString() {
    return "TestClock[" + now.get() + ", " + zone + "]";
  }
}
