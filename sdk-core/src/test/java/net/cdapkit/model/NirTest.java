package net.cdapkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.cdapkit.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Fictional NIRs only: département 75, commune 999, which does not exist. */
class NirTest {
  private static final String GOOD = "285037599900165";

  @Test
  void of_whenKeyMatches_keepsTheFifteenDigits() {
    assertThat(Nir.of(GOOD).value()).isEqualTo(GOOD);
  }

  @Test
  void of_whenWrittenWithSpaces_removesThem() {
    assertThat(Nir.of("2 85 03 75 999 001 65")).isEqualTo(Nir.of(GOOD));
  }

  @Test
  void key_whenThirteenDigits_isNinetySevenMinusTheRemainder() {
    assertThat(Nir.key("2850375999001")).isEqualTo(65);
  }

  @Test
  void of_whenKeyWrong_throwsWithoutTheValue() {
    String badKey = "285037599900166";

    assertThatThrownBy(() -> Nir.of(badKey))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key")
        .message()
        .doesNotContain(badKey)
        .doesNotContain("2850375999001");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "28503759990016", "2850375999001650", "2A5037599900165", "abc"})
  void of_whenNotFifteenDigits_throwsWithoutTheValue(String input) {
    assertThatThrownBy(() -> Nir.of(input))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("13 digits")
        .satisfies(
            e -> {
              if (input != null && !input.isEmpty()) {
                assertThat(e.getMessage()).doesNotContain(input);
              }
            });
  }

  @Test
  void toString_whenPrinted_masksEveryDigit() {
    assertThat(Nir.of(GOOD).toString()).doesNotContainPattern("[0-9]");
  }
}
