package net.cdapkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

  private static String written(Instant instant) {
    StringBuilder b = new StringBuilder();
    IsoInstant.append(b, instant);
    return b.toString();
  }

  @Test
  void append_whenAnyInstant_writesWhatInstantToStringWrites() {
    SplittableRandom random = new SplittableRandom(20261130);
    for (int i = 0; i < 200_000; i++) {
      long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nano);
      assertThat(written(instant)).as("%s", instant).isEqualTo(instant.toString());
    }
  }

  @Test
  void append_whenBoundaries_writesWhatInstantToStringWrites() {
    for (Instant instant :
        new Instant[] {
          Instant.EPOCH,
          Instant.ofEpochSecond(0, 1),
          Instant.ofEpochSecond(-1, 999_999_999),
          Instant.parse("2026-11-30T00:00:00Z"),
          Instant.parse("2028-02-29T23:59:59.120Z"),
          Instant.parse("9999-12-31T23:59:59.999999999Z"),
          Instant.parse("+10000-01-01T00:00:00Z"),
          Instant.MIN,
          Instant.MAX
        }) {
      assertThat(written(instant)).isEqualTo(instant.toString());
    }
  }
}
