package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.Prestation;
import net.cdapkit.testkit.SyntheticDossier.Beneficiaire;
import net.cdapkit.testkit.SyntheticDossier.EtatDroit;
import net.cdapkit.testkit.SyntheticDossier.EtatRsa;
import net.cdapkit.testkit.SyntheticDossier.NatureRsa;
import net.cdapkit.testkit.SyntheticDossier.TypeLogement;
import org.junit.jupiter.api.Test;

@CdapSimulatorTest
class FixturesTest {
  static SyntheticDossier locataire() {
    return Fixtures.dossier("751", "9900123")
        .scenario("Locataire APL en tiers payant")
        .allocataire("Alix", "SPECIMEN", LocalDate.of(1991, 4, 2))
        .enfant("Lou", LocalDate.of(2018, 5, 2))
        .paiementMensuel(Prestation.APL, "312.45", YearMonth.of(2024, 1), YearMonth.of(2026, 8))
        .paiementMensuel(Prestation.PPA, "150.00", YearMonth.of(2025, 1), YearMonth.of(2025, 6))
        .tiersPayant("Office Public de l'Habitat Exemple")
        .logement(TypeLogement.LOCATAIRE_PARC_SOCIAL, "612.40", "95.00")
        .rsa(EtatRsa.OUVERT_VERSABLE, NatureRsa.SOCLE, "548.27")
        .creance(Prestation.PPA, "300.00", "120.00")
        .courrier(LocalDate.of(2026, 9, 1), "Attestation envoyée")
        .revenusN2("14250.00")
        .build();
  }

  @Test
  void dossier_whenDescribedInAFewLines_derivesEveryTab() {
    SyntheticDossier d = locataire();

    assertThat(d.paiements()).hasSize(32 + 6);
    assertThat(d.paiements().get(0).periode()).isEqualTo(YearMonth.of(2026, 8));
    assertThat(d.paiements())
        .filteredOn(p -> p.prestation() == Prestation.APL)
        .allSatisfy(
            p -> {
              assertThat(p.beneficiaire()).isEqualTo(Beneficiaire.TIERS);
              assertThat(p.tiers()).contains("Office Public de l'Habitat Exemple");
              assertThat(p.montant()).isEqualByComparingTo("312.45");
            });
    assertThat(d.droits())
        .extracting(x -> x.prestation() + ":" + x.etat())
        .containsExactly("APL:OUVERT", "PPA:FERME");
    assertThat(d.synthese().prestations())
        .extracting(p -> p.prestation())
        .containsExactly(Prestation.APL);
    assertThat(d.synthese().nombreEnfants()).isEqualTo(1);
    assertThat(d.synthese().quotientFamilial()).isPresent();
    assertThat(d.membres()).hasSize(2).allSatisfy(m -> assertThat(m.nom()).isEqualTo("SPECIMEN"));
    assertThat(d.membres())
        .allSatisfy(
            m -> assertThat(m.nir().orElseThrow().value()).matches("[12][0-9]{4}75999[0-9]{5}"));
    assertThat(d.logement().orElseThrow().tiersPayant()).isTrue();
    assertThat(d.logement().orElseThrow().aide()).contains(Prestation.APL);
    assertThat(d.rsa().orElseThrow().dateOuverture()).contains(LocalDate.of(2025, 9, 1));
    assertThat(d.creances())
        .singleElement()
        .satisfies(c -> assertThat(c.soldeRestant()).isEqualByComparingTo("120.00"));
    assertThat(d.courriers()).isNotEmpty();
    assertThat(d.toString()).doesNotContain("9900123").doesNotContain("Alix").contains("Locataire");
  }

  @Test
  void dossier_whenAdded_isServedThroughTheSdk(CdapSimulator sim, CdapSession session) {
    sim.add(locataire());

    Dossier d =
        session
            .selectCaf("751")
            .consultDossier("9900123", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "test"));

    assertThat(d.synthese().allocataire().nom()).isEqualTo("SPECIMEN");
    Paiement last = d.paiements().stream().findFirst().orElseThrow();
    assertThat(last.prestation()).isEqualTo(Prestation.APL);
    assertThat(last.montant()).isEqualByComparingTo(new BigDecimal("312.45"));
    assertThat(last.beneficiaire()).isEqualTo(net.cdapkit.model.Beneficiaire.TIERS);
    assertThat(d.logement().logement().orElseThrow().tiersPayant()).isTrue();
    assertThat(d.rsa().dossierRsa()).isPresent();
  }

  @Test
  void dossier_whenNumeroOrSurnameIsNotFictional_isRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> Fixtures.dossier("751", "1234567"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved fictional range")
        .message()
        .doesNotContain("1234567");
    assertThatThrownBy(() -> Fixtures.dossier("751", "9900123").allocataire("Jean", "DUPONT"))
        .hasMessageContaining("fictional surnames")
        .message()
        .doesNotContain("DUPONT");
    assertThatThrownBy(
            () ->
                Fixtures.dossier("751", "9900123")
                    .paiementMensuel(
                        Prestation.AF, "12,5", YearMonth.of(2026, 1), YearMonth.of(2026, 2)))
        .hasMessageContaining("montant");
    assertThatThrownBy(() -> Fixtures.dossier("751", "9900123").build())
        .hasMessageContaining("allocataire");
  }

  @Test
  void dossier_whenARightEnded_isClosedAndNotInTheSynthese() {
    SyntheticDossier d =
        Fixtures.dossier("131", "9900124")
            .allocataire("Sam", "FICTIF")
            .paiementMensuel(Prestation.ALS, "201.37", YearMonth.of(2023, 1), YearMonth.of(2025, 6))
            .droit(Prestation.AAH, EtatDroit.OUVERT, LocalDate.of(2020, 1, 1), "1016.05")
            .build();

    assertThat(d.droits())
        .extracting(x -> x.prestation() + ":" + x.etat())
        .containsExactlyInAnyOrder("ALS:FERME", "AAH:OUVERT");
    assertThat(d.synthese().prestations())
        .extracting(p -> p.prestation())
        .containsExactly(Prestation.AAH);
    assertThat(d.logement()).isEmpty();
    assertThat(d.resume().adresse().codePostal()).isEqualTo("13001");
  }

  @Test
  void generate_isDeterministicFictionalAndVaried() {
    List<SyntheticDossier> a = Fixtures.generate(42L, 200);
    List<SyntheticDossier> b = Fixtures.generate(42L, 200);
    List<SyntheticDossier> other = Fixtures.generate(43L, 200);

    assertThat(a).isEqualTo(b);
    assertThat(a.get(7)).isNotEqualTo(other.get(7));
    Set<String> scenarios = new HashSet<>();
    for (SyntheticDossier d : a) {
      assertThat(Catalogue.isFictional(d.numeroAllocataire())).isTrue();
      assertThat(d.membres()).allSatisfy(m -> assertThat(Catalogue.SURNAMES).contains(m.nom()));
      assertThat(d.caf().value()).isIn("751", "131", "691");
      scenarios.add(d.scenario());
    }
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(4);
    assertThat(a.get(0).numeroAllocataire().value()).isEqualTo("9910000");
  }

  @Test
  void generate_tenThousand_isLazyAndQuick() {
    Runtime rt = Runtime.getRuntime();
    long started = System.nanoTime();
    List<SyntheticDossier> many = Fixtures.generate(2026L, 10_000);
    Set<String> numeros = new HashSet<>();
    long paiements = 0;
    for (SyntheticDossier d : many) {
      numeros.add(d.numeroAllocataire().value());
      paiements += d.paiements().size();
    }
    long ms = (System.nanoTime() - started) / 1_000_000;

    assertThat(numeros).hasSize(10_000);
    System.out.printf(
        "Fixtures.generate(2026, 10000): %d dossiers, %d payment lines, iterated in %d ms"
            + " (heap in use %d MiB)%n",
        many.size(), paiements, ms, (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  @Test
  void generate_whenOutOfBounds_fails() {
    assertThatThrownBy(() -> Fixtures.generate(1L, -1)).hasMessageContaining("n must be");
    assertThatThrownBy(() -> Fixtures.generate(1L, Fixtures.MAX_GENERATED + 1))
        .hasMessageContaining("n must be");
    assertThatThrownBy(() -> Fixtures.generate(1L, 3).get(3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
