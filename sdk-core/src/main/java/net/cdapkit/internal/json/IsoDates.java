package net.cdapkit.internal.json;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Parses the contract's dates ({@code yyyy-MM-dd}) and months ({@code yyyy-MM}) without a {@code
 * DateTimeFormatter} when they have exactly that shape, which every date of a response has: a
 * formatter builds a parse context per value, and a history page carries hundreds of dates. Any
 * other text, and a well-shaped but impossible date, goes to the JDK's ISO parser, so that what is
 * accepted and the exception thrown stay exactly the JDK's.
 */
final class IsoDates {
  private IsoDates() {}

  static LocalDate localDate(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      if ((year | month | day) >= 0) {
        try {
          return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) {
          // Falls through: the ISO parser throws the DateTimeParseException callers expect.
        }
      }
    }
    return LocalDate.parse(text);
  }

  static YearMonth yearMonth(String text) {
    if (text.length() == 7 && text.charAt(4) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      if ((year | month) >= 0 && month >= 1 && month <= 12) {
        return YearMonth.of(year, month);
      }
    }
    return YearMonth.parse(text);
  }

  /** The ASCII digits of {@code text[from, to)} as a number, or -1 if any is not one. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
