package net.cdapkit.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IsoDatesTest {

  /** What the JDK's parser does with {@code text}: its value, or the class of what it throws. */
  private static Object jdk(Function<String, ?> parse, String text) {
    try {
      return parse.apply(text);
    } catch (DateTimeException e) {
      return e.getClass();
    }
  }

  @Test
  void localDate_whenAnyShapedText_acceptsAndRefusesExactlyAsTheJdk() {
    SplittableRandom random = new SplittableRandom(7);
    String alphabet = "0123456789-+ x٣";
    for (int i = 0; i < 40_000; i++) {
      char[] text =
          String.format(
                  "%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33))
              .toCharArray();
      if (i % 3 == 0) {
        text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String s = new String(text);
      assertThat(jdk(IsoDates::localDate, s)).as(s).isEqualTo(jdk(LocalDate::parse, s));
    }
  }

  @Test
  void yearMonth_whenAnyShapedText_acceptsAndRefusesExactlyAsTheJdk() {
    SplittableRandom random = new SplittableRandom(11);
    String alphabet = "0123456789-+ x٣";
    for (int i = 0; i < 20_000; i++) {
      char[] text =
          String.format("%04d-%02d", random.nextInt(10_000), random.nextInt(14)).toCharArray();
      if (i % 3 == 0) {
        text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String s = new String(text);
      assertThat(jdk(IsoDates::yearMonth, s)).as(s).isEqualTo(jdk(YearMonth::parse, s));
    }
  }

  @Test
  void localDate_whenImpossibleDate_throwsTheParseExceptionTheDecoderCatches() {
    assertThatThrownBy(() -> IsoDates.localDate("2026-02-30"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoDates.yearMonth("2026-13"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
