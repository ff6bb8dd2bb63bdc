package net.cdapkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.cdapkit.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FinaliteTest {

  @Test
  void of_whenCodeOnly_hasNoDetail() {
    Finalite f = Finalite.of(FinaliteCode.PREVENTION_EXPULSIONS);

    assertThat(f.code()).isEqualTo(FinaliteCode.PREVENTION_EXPULSIONS);
    assertThat(f.detail()).isEmpty();
  }

  @Test
  void of_whenDetailPadded_stripsIt() {
    assertThat(Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "  dossier CCAS 42 ").detail())
        .contains("dossier CCAS 42");
  }

  @Test
  void of_whenCodeNull_throws() {
    assertThatThrownBy(() -> Finalite.of(null)).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void of_whenDetailBlank_throws(String detail) {
    assertThatThrownBy(() -> Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, detail))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void of_whenDetailTooLong_throwsWithoutTheDetail() {
    String detail = "Famille EXEMPLE suivie pour impayés ".repeat(14) + "x";

    assertThat(detail).hasSizeGreaterThan(Finalite.MAX_DETAIL_LENGTH);
    assertThatThrownBy(() -> Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, detail))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(String.valueOf(Finalite.MAX_DETAIL_LENGTH))
        .message()
        .doesNotContain("EXEMPLE");
  }

  @Test
  void of_whenDetailExactlyMaxLength_accepts() {
    assertThat(
            Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "a".repeat(Finalite.MAX_DETAIL_LENGTH))
                .detail())
        .isPresent();
  }

  @Test
  void toString_whenDetailGiven_showsCodeButHidesDetail() {
    Finalite f = Finalite.of(FinaliteCode.PROTECTION_MAJEURS, "Mesure de M. FICTIF");

    assertThat(f.toString()).contains("PROTECTION_MAJEURS").doesNotContain("FICTIF");
  }

  @Test
  void equals_whenSameCodeAndDetail_isTrue() {
    assertThat(Finalite.of(FinaliteCode.GESTION_LOCATIVE, "bail 7"))
        .isEqualTo(Finalite.of(FinaliteCode.GESTION_LOCATIVE, " bail 7 "))
        .isNotEqualTo(Finalite.of(FinaliteCode.GESTION_LOCATIVE));
  }
}
