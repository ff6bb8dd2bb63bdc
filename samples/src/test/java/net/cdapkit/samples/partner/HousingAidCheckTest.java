package net.cdapkit.samples.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import net.cdapkit.CdapSession;
import net.cdapkit.error.ServerException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Prestation;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.CdapSimulatorExtension;
import net.cdapkit.testkit.Compliance;
import net.cdapkit.testkit.Fault;
import net.cdapkit.testkit.Fixtures;
import net.cdapkit.testkit.Operation;
import net.cdapkit.testkit.SyntheticDossier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A partner team's tests of its own code, written with sdk-testkit. */
class HousingAidCheckTest {
  private static final String OPH = "Office Public de l'Habitat Exemple";
  private static final CafCode PARIS = CafCode.of("751");

  @RegisterExtension
  static final CdapSimulatorExtension CDAP =
      CdapSimulatorExtension.builder().profile("T5").failOnUnmatchedRequests(true).build();

  private static SyntheticDossier tenant(String numero, String payee) {
    Fixtures.DossierBuilder d =
        Fixtures.dossier("751", numero)
            .allocataire("Alix", "SPECIMEN")
            .paiementMensuel(Prestation.APL, "312.45", YearMonth.of(2024, 1), YearMonth.of(2026, 8))
            .paiementMensuel(Prestation.AF, "148.52", YearMonth.of(2024, 1), YearMonth.of(2026, 8));
    return payee == null ? d.build() : d.tiersPayant(payee).build();
  }

  @Test
  void check_whenTheAidIsPaidToUs_saysSoWithTheLastAmount(CdapSimulator cdap, CdapSession session) {
    cdap.add(tenant("9900501", OPH));

    HousingAidStatus status =
        new HousingAidCheck(session, OPH).check(PARIS, NumeroAllocataire.of("9900501"), "BAIL-42");

    assertThat(status.paidToLandlord()).isTrue();
    assertThat(status.aide()).contains(Prestation.APL);
    assertThat(status.lastAmount())
        .hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("312.45"));
    assertThat(status.lastMonth()).contains(YearMonth.of(2026, 8));
    assertThat(status.toString()).doesNotContain("312.45");
    cdap.verify().assertCount(Operation.TAB_PAIEMENTS, 1).assertNoSecretsInUrls();
    assertThat(cdap.consultations())
        .singleElement()
        .satisfies(c -> assertThat(c.finalite().code()).isEqualTo("GESTION_LOCATIVE"));
  }

  @Test
  void check_whenTheAidIsPaidToTheTenant_isNotOurs(CdapSimulator cdap, CdapSession session) {
    cdap.add(tenant("9900502", null));

    HousingAidStatus status =
        new HousingAidCheck(session, OPH).check(PARIS, NumeroAllocataire.of("9900502"), "BAIL-43");

    assertThat(status.payee()).isEqualTo(HousingAidStatus.Payee.TENANT);
  }

  @Test
  void check_whenPaidToAnotherLandlord_isAnotherThirdParty(
      CdapSimulator cdap, CdapSession session) {
    cdap.add(tenant("9900503", "Société HLM Spécimen"));

    assertThat(
            new HousingAidCheck(session, OPH)
                .check(PARIS, NumeroAllocataire.of("9900503"), "B-1")
                .payee())
        .isEqualTo(HousingAidStatus.Payee.ANOTHER_THIRD_PARTY);
  }

  @Test
  void check_whenNoHousingAid_isNone(CdapSimulator cdap, CdapSession session) {
    cdap.add(
        Fixtures.dossier("751", "9900504")
            .allocataire("Sam", "FICTIF")
            .paiementMensuel(Prestation.AF, "148.52", YearMonth.of(2025, 1), YearMonth.of(2026, 8))
            .build());

    assertThat(
            new HousingAidCheck(session, OPH)
                .check(PARIS, NumeroAllocataire.of("9900504"), "B-2")
                .payee())
        .isEqualTo(HousingAidStatus.Payee.NONE);
  }

  @Test
  void check_whenTheCafHiccupsOnce_stillAnswers(CdapSimulator cdap, CdapSession session) {
    cdap.add(tenant("9900505", OPH));
    cdap.faults().on(Operation.TAB_PAIEMENTS).next(1).inject(Fault.http(503));

    HousingAidStatus status =
        new HousingAidCheck(session, OPH).check(PARIS, NumeroAllocataire.of("9900505"), "BAIL-44");

    assertThat(status.paidToLandlord()).isTrue();
    cdap.verify().assertCount(Operation.TAB_PAIEMENTS, 2);
  }

  @Test
  void check_whenTheCafIsDown_failsTypedAndLeaksNothing(
      CdapSimulator cdap, CdapSession session, Compliance compliance) {
    cdap.add(tenant("9900506", OPH));
    cdap.faults().on(Operation.TAB_PAIEMENTS).always().inject(Fault.http(504));
    HousingAidCheck check = new HousingAidCheck(session, OPH);

    assertThatThrownBy(() -> check.check(PARIS, NumeroAllocataire.of("9900506"), "BAIL-45"))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(504);
              compliance.assertNoPersonalData(e, check);
            });
  }

  @Test
  void check_withTheStandardCatalogue_readsTheHlmTenant(CdapSession session) {
    // 9900003 in CAF 751: a tenant whose APL is paid to the Office Public de l'Habitat Exemple.
    HousingAidStatus status =
        new HousingAidCheck(session, OPH).check(PARIS, NumeroAllocataire.of("9900003"), "B-3");

    assertThat(status.paidToLandlord()).isTrue();
    assertThat(status.aide()).contains(Prestation.APL);
  }
}
