package net.cdapkit.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Appends an instant exactly as {@link Instant#toString()} writes it, without going through a
 * {@code DateTimeFormatter}: the journal writes one per record, and the formatter's parse-free path
 * still costs more than the rest of the record's text. Instants outside years 1970 to 9999 (none in
 * practice) take the JDK's path.
 */
final class IsoInstant {
  /** 9999-12-31T23:59:59Z, the last second written with a four-digit year and no sign. */
  private static final long LAST_SECOND = 253_402_300_799L;

  private IsoInstant() {}

  static void append(StringBuilder b, Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds > LAST_SECOND) {
      b.append(instant);
      return;
    }
    LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
    int secondOfDay = (int) (seconds % 86_400);
    pad(b, date.getYear(), 4).append('-');
    pad(b, date.getMonthValue(), 2).append('-');
    pad(b, date.getDayOfMonth(), 2).append('T');
    pad(b, secondOfDay / 3600, 2).append(':');
    pad(b, secondOfDay / 60 % 60, 2).append(':');
    pad(b, secondOfDay % 60, 2);
    int nano = instant.getNano();
    if (nano != 0) {
      b.append('.');
      if (nano % 1_000_000 == 0) {
        pad(b, nano / 1_000_000, 3);
      } else if (nano % 1_000 == 0) {
        pad(b, nano / 1_000, 6);
      } else {
        pad(b, nano, 9);
      }
    }
    b.append('Z');
  }

  private static StringBuilder pad(StringBuilder b, int value, int digits) {
    for (int limit = 10, i = 1; i < digits; i++, limit *= 10) {
      if (value < limit) {
        b.append('0');
      }
    }
    return b.append(value);
  }
}
