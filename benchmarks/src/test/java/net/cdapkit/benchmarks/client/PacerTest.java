package net.cdapkit.benchmarks.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacer on a fake clock: no real time passes in these tests. */
class PacerTest {
  private long now = 1_000_000_000L;
  private final List<Long> starts = new ArrayList<>();

  private Pacer pacer(double rate, long burstNanos) {
    return new Pacer(rate, burstNanos, () -> now, nanos -> now += nanos);
  }

  private void start(Pacer pacer) throws InterruptedException {
    pacer.await();
    starts.add(now);
  }

  @Test
  void await_whenCallerKeepsUp_spacesStartsByTheInterval() throws InterruptedException {
    Pacer pacer = pacer(500, 0);

    for (int i = 0; i < 5; i++) {
      start(pacer);
    }

    assertThat(starts)
        .containsExactly(
            1_000_000_000L, 1_002_000_000L, 1_004_000_000L, 1_006_000_000L, 1_008_000_000L);
  }

  @Test
  void await_whenCallerFellBehind_catchesUpByTheBurstOnly() throws InterruptedException {
    Pacer pacer = pacer(1000, 3_000_000L);
    start(pacer);
    now += 100_000_000L; // a 100 ms stall

    for (int i = 0; i < 5; i++) {
      start(pacer);
    }

    // Three starts at once (the 3 ms allowance), then back to one per millisecond.
    assertThat(starts.subList(1, 6))
        .containsExactly(
            1_100_000_000L, 1_100_000_000L, 1_100_000_000L, 1_100_000_000L, 1_101_000_000L);
    assertThat(pacer.forgivenNanos()).isEqualTo(100_000_000L - 1_000_000L - 3_000_000L);
  }
}
