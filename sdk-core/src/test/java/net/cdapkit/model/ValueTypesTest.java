package net.cdapkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of the value types themselves, whatever the JSON. */
class ValueTypesTest {

  @Test
  void build_whenNombreEnfantsNegative_throwsNamingTheField() {
    Synthese.Builder b =
        Synthese.builder()
            .perimetre(Perimetre.COMPLET)
            .allocataire(Personne.builder().nom("EXEMPLE").prenom("Camille").build())
            .caf(CafCode.of("751"))
            .situationFamiliale(SituationFamiliale.CEL)
            .nombreEnfants(-1);

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nombreEnfants");
  }

  @Test
  void build_whenPageInfoOutOfRange_throwsNamingTheField() {
    assertThatThrownBy(() -> PageInfo.builder().numero(-1).taille(10).build())
        .hasMessageContaining("numero");
    assertThatThrownBy(() -> PageInfo.builder().numero(0).taille(0).build())
        .hasMessageContaining("taille");
    assertThatThrownBy(() -> PageInfo.builder().numero(2).taille(10).suivante(2).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("suivante");
  }

  @Test
  void build_whenPageInfoHasNextPage_saysSo() {
    PageInfo page = PageInfo.builder().numero(2).taille(10).suivante(3).build();

    assertThat(page.hasSuivante()).isTrue();
    assertThat(PageInfo.builder().numero(2).taille(10).build().hasSuivante()).isFalse();
  }

  @Test
  void build_whenDroitEndsBeforeItStarts_throwsWithoutDates() {
    Droit.Builder b =
        Droit.builder()
            .prestation(Prestation.AF)
            .etat(EtatDroit.FERME)
            .debut(LocalDate.of(2020, 1, 1))
            .fin(LocalDate.of(2019, 12, 31))
            .montantMensuel(new BigDecimal("141.99"));

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Droit.fin")
        .message()
        .doesNotContain("2019")
        .doesNotContain("141.99");
  }

  @Test
  void build_whenDroitEndsTheDayItStarts_accepts() {
    LocalDate day = LocalDate.of(2020, 1, 1);

    assertThat(
            Droit.builder()
                .prestation(Prestation.ARS)
                .etat(EtatDroit.FERME)
                .debut(day)
                .fin(day)
                .montantMensuel(new BigDecimal("400.00"))
                .build()
                .fin())
        .contains(day);
  }

  @Test
  void build_whenPlanEndsBeforeItStarts_throws() {
    assertThatThrownBy(
            () ->
                PlanRemboursement.builder()
                    .mensualite(new BigDecimal("38.58"))
                    .modalite(ModaliteRemboursement.VERSEMENT)
                    .debut(LocalDate.of(2025, 1, 1))
                    .finPrevue(LocalDate.of(2024, 1, 1))
                    .build())
        .hasMessageContaining("finPrevue");
  }

  @Test
  void build_whenCreanceBalanceAboveInitialOrNegative_throwsWithoutAmounts() {
    Creance.Builder b =
        Creance.builder()
            .id("CRE-751-000001")
            .prestationOrigine(Prestation.PPA)
            .dateNotification(LocalDate.of(2024, 11, 12))
            .montantInitial(new BigDecimal("100.00"))
            .etat(EtatCreance.EN_COURS);

    assertThatThrownBy(() -> b.soldeRestant(new BigDecimal("100.01")).build())
        .hasMessageContaining("soldeRestant")
        .message()
        .doesNotContain("100.0");
    assertThatThrownBy(() -> b.soldeRestant(new BigDecimal("-0.01")).build())
        .hasMessageContaining("soldeRestant");
  }

  @Test
  void build_whenRevenusYearImplausible_throws() {
    assertThatThrownBy(
            () -> RevenusN2.builder().annee(1789).montant(new BigDecimal("1.00")).build())
        .hasMessageContaining("annee");
  }

  @Test
  void build_whenCodePostalNotFiveDigits_throwsWithoutIt() {
    assertThatThrownBy(
            () ->
                Adresse.builder()
                    .ligne1("12 rue de l'Exemple")
                    .codePostal("7599")
                    .commune("PARIS-EXEMPLE")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("codePostal")
        .message()
        .doesNotContain("7599");
  }

  @Test
  void build_whenRequiredAttributeMissing_throwsNamingIt() {
    assertThatThrownBy(() -> Personne.builder().nom("FICTIF").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("prenom");
  }

  @Test
  void toString_whenMembreBuilt_masksNamesBirthDateAndNir() {
    Membre m =
        Membre.builder()
            .role(RoleFamille.ENF)
            .nom("MAQUETTE")
            .prenom("Lou")
            .dateNaissance(LocalDate.of(2012, 5, 17))
            .nir(Nir.of("212057599900383"))
            .aCharge(true)
            .build();

    assertThat(m.toString())
        .contains("role=ENF", "aCharge=true", "****")
        .doesNotContain("MAQUETTE", "Lou", "2012", "212057599900383");
  }

  @Test
  void toString_whenPaiementBuilt_showsPrestationAndPeriodButNotAmountsOrPayee() {
    Paiement p =
        Paiement.builder()
            .date(LocalDate.of(2025, 3, 5))
            .prestation(Prestation.APL)
            .periode(YearMonth.of(2025, 2))
            .montant(new BigDecimal("298.86"))
            .beneficiaire(Beneficiaire.TIERS)
            .tiers("OFFICE PUBLIC DE L'HABITAT EXEMPLE")
            .retenue(new BigDecimal("13.61"))
            .build();

    assertThat(p.toString())
        .contains("APL", "2025-02", "TIERS")
        .doesNotContain("298.86", "13.61", "EXEMPLE");
  }

  static Stream<Class<? extends Enum<?>>> tolerantEnums() {
    return Stream.of(
        SituationFamiliale.class,
        Regime.class,
        StatutDossier.class,
        Beneficiaire.class,
        EtatDroit.class,
        RoleFamille.class,
        EtatRsa.class,
        NatureRsa.class,
        OrientationRsa.class,
        CanalCourrier.class,
        TypeLogement.class,
        TypeBailleur.class,
        EtatCreance.class,
        ModaliteRemboursement.class,
        Prestation.class,
        Perimetre.class);
  }

  @ParameterizedTest
  @MethodSource("tolerantEnums")
  void values_whenListed_endWithUnknown(Class<? extends Enum<?>> type) {
    Enum<?>[] constants = type.getEnumConstants();

    assertThat(constants[constants.length - 1].name()).isEqualTo("UNKNOWN");
  }

  @Test
  void code_whenEtatRsa_matchesItsJsonName() throws NoSuchFieldException {
    for (EtatRsa etat : EtatRsa.values()) {
      Json json = EtatRsa.class.getField(etat.name()).getAnnotation(Json.class);
      if (etat == EtatRsa.UNKNOWN) {
        assertThat(json).isNull();
        assertThat(etat.code()).isEmpty();
      } else {
        assertThat(json.name()).isEqualTo(etat.code());
      }
    }
    assertThat(List.of(EtatRsa.values()))
        .extracting(EtatRsa::code)
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "");
  }

  @Test
  void label_whenSituationFamiliale_isTheFrenchLabel() {
    assertThat(SituationFamiliale.MAR.label()).isEqualTo("Marié(e)");
    assertThat(SituationFamiliale.CEL.label()).isEqualTo("Célibataire");
    assertThat(SituationFamiliale.values()).allSatisfy(s -> assertThat(s.label()).isNotBlank());
  }
}
