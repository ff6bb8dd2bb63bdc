package net.cdapkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.cdapkit.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CafCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"751", "011", "976", " 131 "})
  void of_whenThreeDigits_keepsThem(String code) {
    assertThat(CafCode.of(code).value()).isEqualTo(code.strip());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "75", "7510", "75a", "-75", "7 5"})
  void of_whenNotThreeDigits_throwsInvalidInputStatingTheFormat(String code) {
    assertThatThrownBy(() -> CafCode.of(code))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("three digits");
  }

  @Test
  void equals_whenSameDigits_isTrueAndSortsByCode() {
    assertThat(CafCode.of("751"))
        .isEqualTo(CafCode.of(" 751"))
        .hasSameHashCodeAs(CafCode.of("751"));
    assertThat(CafCode.of("131")).isLessThan(CafCode.of("751"));
  }

  @Test
  void toString_whenPrinted_showsTheCodeWhichIsNotPersonal() {
    assertThat(CafCode.of("751")).hasToString("751");
  }
}
