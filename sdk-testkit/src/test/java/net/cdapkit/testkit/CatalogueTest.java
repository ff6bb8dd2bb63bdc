package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Nir;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Prestation;
import net.cdapkit.testkit.SyntheticDossier.Beneficiaire;
import net.cdapkit.testkit.SyntheticDossier.EtatDroit;
import net.cdapkit.testkit.SyntheticDossier.EtatRsa;
import net.cdapkit.testkit.SyntheticDossier.Modalite;
import net.cdapkit.testkit.SyntheticDossier.Role;
import net.cdapkit.testkit.internal.fixtures.StandardCatalogue;
import org.junit.jupiter.api.Test;

class CatalogueTest {
  private final Catalogue catalogue = Catalogue.standard();

  private SyntheticDossier demo() {
    return catalogue.find(Catalogue.DEMO_CAF, Catalogue.DEMO_NUMERO).orElseThrow();
  }

  @Test
  void standard_hasAtLeastTwentyDossiersInAtLeastThreeCafs() {
    assertThat(catalogue.dossiers()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(catalogue.cafs())
        .contains(CafCode.of("751"), CafCode.of("131"), CafCode.of("691"), CafCode.of("331"));
  }

  @Test
  void standard_usesOnlyTheReservedNumeroRange() {
    assertThat(catalogue.dossiers())
        .allSatisfy(
            d ->
                assertThat(d.numeroAllocataire().value())
                    .isBetween(Catalogue.FIRST_NUMERO, Catalogue.LAST_NUMERO));
  }

  @Test
  void standard_hasOnlyValidFictionalNirs() {
    List<String> nirs =
        catalogue.dossiers().stream()
            .flatMap(
                d ->
                    d.membres().stream()
                        .flatMap(m -> m.nir().stream())
                        .map(n -> d.caf().value().substring(0, 2) + ":" + n.value()))
            .toList();

    assertThat(nirs).hasSizeGreaterThan(50);
    assertThat(nirs)
        .allSatisfy(
            entry -> {
              String dept = entry.substring(0, 2);
              String nir = entry.substring(3);
              assertThat(Nir.of(nir).value()).isEqualTo(nir);
              assertThat(nir.substring(5, 7)).isEqualTo(dept);
              assertThat(nir.substring(7, 10)).isEqualTo("999");
            });
  }

  @Test
  void standard_nirMatchesSexAndBirthMonth() {
    catalogue.dossiers().stream()
        .flatMap(d -> d.membres().stream())
        .filter(m -> m.nir().isPresent())
        .forEach(
            m -> {
              String nir = m.nir().get().value();
              assertThat(nir.charAt(0)).isIn('1', '2');
              assertThat(nir.substring(1, 3))
                  .isEqualTo(String.format("%02d", m.dateNaissance().getYear() % 100));
              assertThat(nir.substring(3, 5))
                  .isEqualTo(String.format("%02d", m.dateNaissance().getMonthValue()));
            });
  }

  @Test
  void standard_usesOnlyFictionalSurnames() {
    assertThat(catalogue.dossiers())
        .allSatisfy(
            d -> {
              assertThat(Catalogue.SURNAMES).contains(d.synthese().allocataire().nom());
              assertThat(d.membres())
                  .allSatisfy(m -> assertThat(Catalogue.SURNAMES).contains(m.nom()));
            });
  }

  @Test
  void standard_addressesAreFictionalStreetsWithTheCafsPostalCodes() {
    assertThat(catalogue.dossiers())
        .allSatisfy(
            d -> {
              var a = d.resume().adresse();
              assertThat(a.codePostal()).startsWith(d.caf().value().substring(0, 2));
              assertThat(a.ligne1())
                  .containsAnyOf(
                      "Exemple",
                      "Modèle",
                      "Démonstration",
                      "Spécimen",
                      "Essai",
                      "Prototype",
                      "Maquette",
                      "Fictif");
            });
  }

  @Test
  void standard_demoDossierHasEveryTabPopulated() {
    SyntheticDossier d = demo();

    assertThat(d.synthese().quotientFamilial()).isPresent();
    assertThat(d.synthese().prestations()).isNotEmpty();
    assertThat(d.paiements().stream().map(p -> p.periode()).distinct().count())
        .isGreaterThanOrEqualTo(36);
    assertThat(d.paiements())
        .anySatisfy(
            p -> {
              assertThat(p.prestation()).isEqualTo(Prestation.APL);
              assertThat(p.beneficiaire()).isEqualTo(Beneficiaire.TIERS);
              assertThat(p.tiers()).isPresent();
            });
    assertThat(d.paiements()).anySatisfy(p -> assertThat(p.retenue()).isPresent());
    assertThat(d.droits()).extracting(x -> x.etat()).contains(EtatDroit.OUVERT, EtatDroit.FERME);
    assertThat(d.droits())
        .filteredOn(x -> x.etat() == EtatDroit.FERME)
        .allSatisfy(x -> assertThat(x.motifFin()).isPresent());
    assertThat(d.membres()).extracting(m -> m.role()).contains(Role.DEM, Role.CJT, Role.ENF);
    assertThat(d.membres()).allSatisfy(m -> assertThat(m.nir()).isPresent());
    assertThat(d.ressources().declarationsTrimestrielles()).isNotEmpty();
    assertThat(d.ressources().revenusN2()).isPresent();
    assertThat(d.rsa()).map(r -> r.etat()).contains(EtatRsa.OUVERT_VERSABLE);
    assertThat(d.courriers()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(d.logement()).flatMap(l -> l.bailleur()).isPresent();
    assertThat(d.creances()).anySatisfy(c -> assertThat(c.planRemboursement()).isPresent());
  }

  @Test
  void standard_demoDebtBalanceMatchesTheRetenuesPaid() {
    SyntheticDossier d = demo();
    var creance =
        d.creances().stream()
            .filter(
                c ->
                    c.planRemboursement()
                        .map(p -> p.modalite())
                        .equals(Optional.of(Modalite.RETENUE_SUR_PRESTATIONS)))
            .findFirst()
            .orElseThrow();
    BigDecimal retenues =
        d.paiements().stream()
            .flatMap(p -> p.retenue().stream())
            .reduce(BigDecimal.ZERO, BigDecimal::add);

    assertThat(creance.montantInitial().subtract(retenues)).isEqualTo(creance.soldeRestant());
  }

  @Test
  void standard_hasALargeFamilyWithTenYearsOfMonthlyPayments() {
    assertThat(catalogue.dossiers())
        .anySatisfy(
            d -> {
              assertThat(d.membres().stream().filter(m -> m.role() == Role.ENF))
                  .hasSizeGreaterThanOrEqualTo(4);
              assertThat(d.paiements()).hasSizeGreaterThan(300);
              YearMonth oldest = d.paiements().get(d.paiements().size() - 1).periode();
              YearMonth newest = d.paiements().get(0).periode();
              assertThat(oldest.plusYears(10).minusMonths(1)).isBeforeOrEqualTo(newest);
            });
  }

  @Test
  void standard_coversTheRequiredScenarios() {
    List<SyntheticDossier> all = catalogue.dossiers();

    assertThat(all).anySatisfy(d -> assertThat(d.rsa()).isEmpty());
    assertThat(all).anySatisfy(d -> assertThat(d.logement()).isEmpty());
    assertThat(all)
        .anySatisfy(
            d ->
                assertThat(d.droits())
                    .extracting(x -> x.prestation())
                    .contains(Prestation.ASF, Prestation.RSA));
    assertThat(all)
        .anySatisfy(
            d ->
                assertThat(d.rsa())
                    .flatMap(r -> r.nature())
                    .contains(SyntheticDossier.NatureRsa.MAJORE));
    assertThat(all)
        .anySatisfy(
            d ->
                assertThat(d.droits())
                    .extracting(x -> x.prestation())
                    .contains(Prestation.AF, Prestation.CF));
    assertThat(all)
        .anySatisfy(
            d ->
                assertThat(d.droits())
                    .isNotEmpty()
                    .allSatisfy(x -> assertThat(x.etat()).isEqualTo(EtatDroit.FERME)));
  }

  @Test
  void standard_listsPaymentsAndLettersNewestFirst() {
    assertThat(catalogue.dossiers())
        .allSatisfy(
            d -> {
              assertThat(d.paiements().stream().map(p -> p.date()).toList())
                  .isSortedAccordingTo((a, b) -> b.compareTo(a));
              assertThat(d.courriers().stream().map(c -> c.date()).toList())
                  .isSortedAccordingTo((a, b) -> b.compareTo(a));
            });
  }

  @Test
  void standard_amountsArePlausible() {
    assertThat(catalogue.dossiers())
        .allSatisfy(
            d ->
                assertThat(d.paiements())
                    .allSatisfy(
                        p ->
                            assertThat(p.montant())
                                .isBetween(new BigDecimal("0.00"), new BigDecimal("3000.00"))));
    assertThat(demo().droits())
        .filteredOn(x -> x.prestation() == Prestation.AF)
        .extracting(x -> x.montantMensuel())
        .containsExactly(new BigDecimal("148.52"));
  }

  @Test
  void standard_isDeterministic() {
    assertThat(StandardCatalogue.generate()).isEqualTo(StandardCatalogue.generate());
    assertThat(Catalogue.standard()).isSameAs(catalogue);
  }

  @Test
  void standard_numeroIsUniqueOnlyWithinItsCaf() {
    assertThat(catalogue.find(CafCode.of("131"), Catalogue.DEMO_NUMERO)).isPresent();
    assertThat(catalogue.find(CafCode.of("131"), Catalogue.DEMO_NUMERO).get()).isNotEqualTo(demo());
    assertThat(catalogue.find(CafCode.of("974"), Catalogue.DEMO_NUMERO)).isEmpty();
  }

  @Test
  void of_whenNumeroOutsideTheReservedRange_refusesWithoutQuotingIt() {
    SyntheticDossier d = demo();
    SyntheticDossier real =
        new SyntheticDossier(
            d.caf(),
            NumeroAllocataire.of("1234567"),
            d.scenario(),
            d.synthese(),
            d.resume(),
            d.paiements(),
            d.droits(),
            d.membres(),
            d.ressources(),
            d.rsa(),
            d.courriers(),
            d.logement(),
            d.creances());

    assertThatThrownBy(() -> Catalogue.of(List.of(real)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9900000")
        .hasMessageNotContaining("1234567");
  }

  @Test
  void of_whenDuplicateCafAndNumero_refuses() {
    assertThatThrownBy(() -> Catalogue.of(List.of(demo(), demo())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_showsNoPersonalData() {
    SyntheticDossier d = demo();

    assertThat(d.toString()).doesNotContain("9900001").doesNotContain("EXEMPLE");
    assertThat(Stream.of(catalogue.toString())).allSatisfy(s -> assertThat(s).contains("751"));
  }
}
