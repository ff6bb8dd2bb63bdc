package net.cdapkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.cdapkit.audit.AtypicalUse.Reason;
import org.junit.jupiter.api.Test;

class UsageGuardTest {
  /** A Tuesday, 10:00 in Paris. */
  private static final Instant MORNING = Instant.parse("2026-03-03T09:00:00Z");

  private final List<AtypicalUse> told = new ArrayList<>();

  private UsageGuard.Builder guard() {
    return UsageGuard.builder().listener(told::add);
  }

  @Test
  void admit_whenUnderEveryThreshold_saysNothing() {
    UsageGuard g = guard().build();
    for (int i = 0; i < UsageGuard.DEFAULT_MAX_PER_HOUR; i++) {
      assertThat(g.admit("P", "a", MORNING.plusSeconds(i))).isEmpty();
    }
    assertThat(told).isEmpty();
  }

  @Test
  void admit_whenHourlyVolumeExceeded_warnsWithTheCounts() {
    UsageGuard g = guard().maxPerHour(3).build();
    for (int i = 0; i < 3; i++) {
      g.admit("P", "a", MORNING.plusSeconds(i));
    }

    Optional<AtypicalUse> fourth = g.admit("P", "a", MORNING.plusSeconds(3));

    assertThat(fourth).isPresent();
    assertThat(fourth.get().reasons()).containsExactly(Reason.HOURLY_VOLUME);
    assertThat(fourth.get().lastHour()).isEqualTo(4);
    assertThat(fourth.get().blocked()).isFalse();
    assertThat(told).hasSize(1);
    assertThat(g.admit("P", "a", MORNING.plus(Duration.ofMinutes(61)))).isEmpty();
  }

  @Test
  void admit_countsEachAgentOfEachPartnerApart() {
    UsageGuard g = guard().maxPerHour(1).build();
    g.admit("P", "a", MORNING);
    assertThat(g.admit("P", "b", MORNING)).isEmpty();
    assertThat(g.admit("Q", "a", MORNING)).isEmpty();
    assertThat(g.admit("P", "a", MORNING)).isPresent();
  }

  @Test
  void admit_whenDailyVolumeExceeded_warnsEvenIfEachHourIsQuiet() {
    UsageGuard g = guard().maxPerHour(0).maxPerDay(5).noNightHours().build();
    for (int i = 0; i < 5; i++) {
      assertThat(g.admit("P", "a", MORNING.plus(Duration.ofHours(2L * i)))).isEmpty();
    }
    assertThat(g.admit("P", "a", MORNING.plus(Duration.ofHours(11))).get().reasons())
        .containsExactly(Reason.DAILY_VOLUME);
    assertThat(g.admit("P", "a", MORNING.plus(Duration.ofHours(35)))).isEmpty();
  }

  @Test
  void admit_overADayOfBatchVolume_countsTheSlidingWindowsExactly() {
    // One consultation every 6 s for 30 hours: 600 an hour, 14,400 a day once the windows are full.
    // Thresholds of 1 make every consultation report its counts to the listener.
    UsageGuard g = guard().maxPerHour(1).maxPerDay(1).noNightHours().build();
    int n = 18_000;
    for (int i = 0; i < n; i++) {
      g.admit("P", "a", MORNING.plusSeconds(6L * i));
    }

    assertThat(told).hasSize(n - 1);
    for (AtypicalUse use : told) {
      int i = (int) (Duration.between(MORNING, use.at()).toSeconds() / 6);
      assertThat(use.lastHour()).as("hour count at %d", i).isEqualTo(Math.min(i + 1, 600));
      assertThat(use.lastDay()).as("day count at %d", i).isEqualTo(Math.min(i + 1, 14_400));
    }
  }

  @Test
  void admit_whenInstantsArriveOutOfOrder_countsEachInItsWindow() {
    // Threads hand their instants slightly late: 0 s, -15 s, 60 s, 45 s, 120 s...
    List<Instant> instants = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      instants.add(MORNING.plusSeconds(i % 2 == 0 ? 30L * i : 30L * i - 45));
    }
    UsageGuard g = guard().maxPerHour(1).maxPerDay(1).noNightHours().build();

    for (Instant at : instants) {
      g.admit("P", "a", at);
    }

    assertThat(told).hasSize(instants.size() - 1);
    for (int i = 1; i < instants.size(); i++) {
      Instant at = instants.get(i);
      long inTheHour =
          instants.subList(0, i).stream()
              .filter(t -> t.isAfter(at.minus(Duration.ofHours(1))))
              .count();
      assertThat(told.get(i - 1).lastHour()).as("consultation %d", i).isEqualTo(inTheHour + 1);
      assertThat(told.get(i - 1).lastDay()).isEqualTo(i + 1);
    }
  }

  @Test
  void admit_atNight_warnsInTheGuardsZone_acrossMidnight() {
    UsageGuard g = guard().build();
    // 21:30 and 06:30 in Paris (UTC+1 in March) are night; 07:00 is not.
    assertThat(g.admit("P", "a", Instant.parse("2026-03-03T20:30:00Z")).get().reasons())
        .containsExactly(Reason.NIGHT_TIME);
    assertThat(g.admit("P", "a", Instant.parse("2026-03-04T05:30:00Z"))).isPresent();
    assertThat(g.admit("P", "a", Instant.parse("2026-03-04T06:00:00Z"))).isEmpty();

    UsageGuard reunion = guard().zone(ZoneId.of("Indian/Reunion")).build();
    // 09:00 UTC is 13:00 in La Réunion: day; 17:00 UTC is 21:00 there: night.
    assertThat(reunion.admit("P", "a", MORNING)).isEmpty();
    assertThat(reunion.admit("P", "a", Instant.parse("2026-03-03T17:00:00Z"))).isPresent();
  }

  @Test
  void nightHours_withinOneDay_areHonoured() {
    UsageGuard g = guard().nightHours(LocalTime.of(12, 0), LocalTime.of(14, 0)).build();
    assertThat(g.admit("P", "a", Instant.parse("2026-03-03T11:30:00Z"))).isPresent();
    assertThat(g.admit("P", "a", Instant.parse("2026-03-03T13:30:00Z"))).isEmpty();
  }

  @Test
  void admit_inBlockMode_refusesWithoutCounting() {
    UsageGuard g = guard().mode(UsageGuard.Mode.BLOCK).maxPerHour(2).build();
    g.admit("P", "a", MORNING);
    g.admit("P", "a", MORNING);

    AtypicalUse blocked = g.admit("P", "a", MORNING).orElseThrow();
    AtypicalUse again = g.admit("P", "a", MORNING).orElseThrow();

    assertThat(blocked.blocked()).isTrue();
    assertThat(again.lastHour()).isEqualTo(3);
    assertThat(told).hasSize(2);
  }

  @Test
  void preview_countsNothingAndTellsNoOne() {
    UsageGuard g = guard().maxPerHour(1).build();
    g.admit("P", "a", MORNING);
    assertThat(g.preview("P", "a", MORNING)).isPresent();
    assertThat(g.preview("P", "a", MORNING).get().lastHour()).isEqualTo(2);
    assertThat(told).isEmpty();
  }

  @Test
  void admit_whenListenerThrows_stillAnswers() {
    UsageGuard g =
        UsageGuard.builder()
            .maxPerHour(1)
            .listener(
                u -> {
                  throw new IllegalStateException("listener bug");
                })
            .build();
    g.admit("P", "a", MORNING);
    assertThat(g.admit("P", "a", MORNING)).isPresent();
  }

  @Test
  void off_neverWarns() {
    UsageGuard g = UsageGuard.off();
    assertThat(g.admit("P", "a", Instant.parse("2026-03-03T02:00:00Z"))).isEmpty();
    assertThat(g.enabled()).isFalse();
    assertThat(g).hasToString("UsageGuard{off}");
  }

  @Test
  void defaults_areTheDocumentedOnes() {
    UsageGuard g = UsageGuard.defaults();
    assertThat(g.maxPerHour()).isEqualTo(60);
    assertThat(g.maxPerDay()).isEqualTo(250);
    assertThat(g.nightStart()).contains(LocalTime.of(20, 0));
    assertThat(g.nightEnd()).contains(LocalTime.of(7, 0));
    assertThat(g.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(g.mode()).isEqualTo(UsageGuard.Mode.WARN);
  }

  @Test
  void atypicalUse_toStringDoesNotNameTheAgent() {
    UsageGuard g = guard().maxPerHour(0).build();
    AtypicalUse use = g.admit("P", "jeanne.exemple", Instant.parse("2026-03-03T02:00:00Z")).get();
    assertThat(use.toString()).doesNotContain("jeanne");
    assertThat(new AtypicalUseException(use).getMessage()).doesNotContain("jeanne");
  }
}
