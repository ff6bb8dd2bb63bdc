package net.cdapkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.cdapkit.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumeroAllocataireTest {

  @ParameterizedTest
  @CsvSource({"12345, 0012345", "9912345, 9912345", "1, 0000001", "'  9900001 ', 9900001"})
  void of_whenOneToSevenDigits_padsToSeven(String input, String expected) {
    assertThat(NumeroAllocataire.of(input).value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "12345678", "12a", "-1", "99 12345", "１２３"})
  void of_whenNotOneToSevenDigits_throwsWithoutTheValue(String input) {
    assertThatThrownBy(() -> NumeroAllocataire.of(input))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("1 to 7 digits")
        .satisfies(
            e -> {
              if (input != null && !input.isBlank()) {
                assertThat(e.getMessage()).doesNotContain(input.strip());
              }
            });
  }

  @Test
  void equals_whenPaddedAndUnpadded_isTrue() {
    assertThat(NumeroAllocataire.of("12345")).isEqualTo(NumeroAllocataire.of("0012345"));
    assertThat(NumeroAllocataire.of("12345"))
        .hasSameHashCodeAs(NumeroAllocataire.of("0012345"))
        .isNotEqualTo(NumeroAllocataire.of("12346"));
  }

  @Test
  void toString_whenPrinted_masksEveryDigit() {
    assertThat(NumeroAllocataire.of("9912345").toString())
        .doesNotContain("9912345")
        .doesNotContainPattern("[0-9]");
  }
}
