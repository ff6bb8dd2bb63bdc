package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;
import net.cdapkit.model.Prestation;
import net.cdapkit.testkit.DossierDescription.Sexe;
import net.cdapkit.testkit.SyntheticDossier.Courrier;
import net.cdapkit.testkit.SyntheticDossier.EtatCreance;
import net.cdapkit.testkit.SyntheticDossier.EtatDroit;
import net.cdapkit.testkit.SyntheticDossier.Membre;
import net.cdapkit.testkit.SyntheticDossier.Modalite;
import net.cdapkit.testkit.SyntheticDossier.Paiement;
import net.cdapkit.testkit.SyntheticDossier.Role;
import org.junit.jupiter.api.Test;

/** The detailed vocabulary the standard catalogue is written in, as a partner uses it. */
class DossierDescriptionTest {
  private static Fixtures.DossierBuilder famille() {
    return Fixtures.dossier("131", "9900321")
        .membre(Role.DEM, Sexe.M, "Mehdi", "ESSAI", LocalDate.of(1985, 8, 19))
        .membre(Role.CJT, Sexe.F, "Sarah", "ESSAI", LocalDate.of(1987, 3, 28))
        .membre(Role.ENF, Sexe.F, "Chloé", "ESSAI", LocalDate.of(2014, 11, 6))
        .nouveauNe(Sexe.M, "Jules", LocalDate.of(2026, 6, 2))
        .historiqueDepuis(YearMonth.of(2024, 9));
  }

  @Test
  void droitOuvert_whenHistorySpansAnApril_showsEarlierMonthsRevaluedBackwards() {
    SyntheticDossier d =
        famille().droitOuvert(Prestation.ALF, "264.38", YearMonth.of(2016, 3)).build();

    assertThat(d.paiements())
        .first()
        .satisfies(p -> assertThat(p.montant()).isEqualByComparingTo("264.38"));
    Paiement march2026 =
        d.paiements().stream()
            .filter(p -> p.periode().equals(YearMonth.of(2026, 3)))
            .findFirst()
            .orElseThrow();
    assertThat(march2026.montant()).isLessThan(d.paiements().get(0).montant());
    assertThat(d.paiements())
        .allSatisfy(p -> assertThat(p.periode()).isAfterOrEqualTo(YearMonth.of(2024, 9)));
    assertThat(d.droits())
        .singleElement()
        .satisfies(x -> assertThat(x.etat()).isEqualTo(EtatDroit.OUVERT));
  }

  @Test
  void creance_whenRepaidByRetenue_deductsFromThePaymentsAndDerivesTheBalance() {
    SyntheticDossier d =
        famille()
            .droitOuvert(Prestation.ALF, "264.38", YearMonth.of(2016, 3))
            .creance(
                "IND-2025-001240",
                Prestation.ALF,
                LocalDate.of(2025, 3, 18),
                "1240.00",
                Modalite.RETENUE_SUR_PRESTATIONS,
                "62.00",
                YearMonth.of(2025, 5))
            .build();

    // May 2025 to August 2026: sixteen retenues of 62.00.
    assertThat(d.paiements()).filteredOn(p -> p.retenue().isPresent()).hasSize(16);
    assertThat(d.creances())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.soldeRestant()).isEqualByComparingTo("248.00");
              assertThat(c.etat()).isEqualTo(EtatCreance.EN_COURS);
              assertThat(c.planRemboursement()).isPresent();
            });
    assertThat(d.courriers())
        .extracting(Courrier::objet)
        .contains("Notification d'indu : allocation de logement familiale");
  }

  @Test
  void membre_whenSexesAndANewbornAreGiven_givesNirsOfThatSexAndNoneToTheNewborn() {
    SyntheticDossier d = famille().build();

    assertThat(d.membres())
        .extracting(Membre::role)
        .containsExactly(Role.DEM, Role.CJT, Role.ENF, Role.ENF);
    assertThat(d.membres().get(0).nir().orElseThrow().value()).startsWith("1");
    assertThat(d.membres().get(1).nir().orElseThrow().value()).startsWith("2");
    assertThat(d.membres().get(3).nir()).isEmpty();
    assertThat(d.synthese().nombreEnfants()).isEqualTo(2);
  }

  @Test
  void allocationRentreeScolaire_whenAChildIsOfSchoolAge_isPaidEveryAugustOfTheHistory() {
    SyntheticDossier d =
        famille()
            .droitOuvert(Prestation.AF, "148.52", YearMonth.of(2018, 2))
            .allocationRentreeScolaire()
            .build();

    assertThat(d.paiements())
        .filteredOn(p -> p.prestation() == Prestation.ARS)
        .extracting(Paiement::periode)
        // The history starts in September 2024: the August before it is not shown.
        .containsExactly(YearMonth.of(2026, 8), YearMonth.of(2025, 8));
  }

  @Test
  void tirage_whenTheSeedIsTheSame_givesTheSameDossier() {
    Fixtures.DossierBuilder closed =
        famille()
            .droitFerme(
                Prestation.PPA,
                "142.81",
                YearMonth.of(2022, 4),
                YearMonth.of(2024, 12),
                "Reprise d'activité");
    SyntheticDossier a = closed.tirage(new Random(7)).build();
    SyntheticDossier b = closed.tirage(new Random(7)).build();

    assertThat(a).isEqualTo(b);
    assertThat(a.courriers())
        .extracting(Courrier::objet)
        .contains("Notification de fin de droit : prime d'activité");
  }

  @Test
  void description_whenAmountsAreNotInPairsOrASurnameIsReal_isRefused() {
    assertThatThrownBy(() -> famille().declarationsTrimestrielles(YearMonth.of(2025, 7), "10.00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pairs");
    assertThatThrownBy(
            () -> famille().membre(Role.AUT, Sexe.F, "Jeanne", "DUPONT", LocalDate.of(1950, 1, 1)))
        .hasMessageContaining("fictional surnames");
  }
}
