package net.cdapkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.cdapkit.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FinaliteCodeTest {

  @Test
  void of_whenKnownCode_returnsTheConstant() {
    assertThat(FinaliteCode.of("ACCOMPAGNEMENT_SOCIAL"))
        .isSameAs(FinaliteCode.ACCOMPAGNEMENT_SOCIAL);
  }

  @Test
  void of_whenWellFormedServerCode_acceptsIt() {
    FinaliteCode code = FinaliteCode.of("INSERTION_PRO_2");

    assertThat(code.code()).isEqualTo("INSERTION_PRO_2");
    assertThat(code).isEqualTo(FinaliteCode.of("INSERTION_PRO_2"));
    assertThat(FinaliteCode.known()).doesNotContain(code).hasSize(8);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"", "AB", "accompagnement_social", "1ABC", "ACCOMPAGNEMENT SOCIAL", "É_TUDE"})
  void of_whenMalformed_throwsStatingTheFormat(String code) {
    assertThatThrownBy(() -> FinaliteCode.of(code))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("A-Z");
  }

  @Test
  void of_whenLongerThanSixtyFour_throws() {
    assertThatThrownBy(() -> FinaliteCode.of("A".repeat(65)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(FinaliteCode.of("A".repeat(64)).code()).hasSize(64);
  }
}
