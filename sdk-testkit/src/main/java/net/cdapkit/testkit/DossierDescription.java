package net.cdapkit.testkit;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Random;
import net.cdapkit.model.Prestation;
import net.cdapkit.testkit.SyntheticDossier.Adresse;
import net.cdapkit.testkit.SyntheticDossier.Bailleur;
import net.cdapkit.testkit.SyntheticDossier.DeclarationTrimestrielle;
import net.cdapkit.testkit.SyntheticDossier.DossierRsa;
import net.cdapkit.testkit.SyntheticDossier.EtatCreance;
import net.cdapkit.testkit.SyntheticDossier.EtatDroit;
import net.cdapkit.testkit.SyntheticDossier.Modalite;
import net.cdapkit.testkit.SyntheticDossier.Regime;
import net.cdapkit.testkit.SyntheticDossier.Role;
import net.cdapkit.testkit.SyntheticDossier.SituationFamiliale;
import net.cdapkit.testkit.SyntheticDossier.TypeBailleur;
import net.cdapkit.testkit.internal.fixtures.Household;
import net.cdapkit.testkit.internal.fixtures.Household.Debt;
import net.cdapkit.testkit.internal.fixtures.Household.Person;
import net.cdapkit.testkit.internal.fixtures.Household.Right;

/**
 * The detailed vocabulary of a {@link Fixtures.DossierBuilder}: a right with its whole revalued
 * payment history, debts repaid on a plan, the allocation de rentrée scolaire, members of either
 * sex, quarterly declarations, the landlord. It is the vocabulary the standard catalogue itself is
 * written in; the derived fields (synthèse, quotient familial, payments, retenues, letters) follow
 * from the description exactly as for the builder's simpler methods.
 *
 * <pre>{@code
 * SyntheticDossier d = Fixtures.dossier("131", "9900321")
 *     .membre(Role.DEM, Sexe.F, "Sarah", "ESSAI", LocalDate.of(1987, 3, 28))
 *     .enfant("Chloé", LocalDate.of(2014, 11, 6))
 *     .historiqueDepuis(YearMonth.of(2024, 9))
 *     .droitOuvert(Prestation.ALF, "264.38", YearMonth.of(2016, 3))
 *     .creance("IND-2025-001240", Prestation.ALF, LocalDate.of(2025, 3, 18), "1240.00",
 *         Modalite.RETENUE_SUR_PRESTATIONS, "62.00", YearMonth.of(2025, 5))
 *     .build();
 * }</pre>
 *
 * <p>Amounts are euros written {@code "312.45"}; amounts of a right are today's, and the history
 * shows them as they were, brought back by the revaluation of every April in between.
 */
public abstract sealed class DossierDescription permits Fixtures.DossierBuilder {
  /** The household described so far; the builder derives the dossier from it. */
  final Household household;

  DossierDescription(Household household) {
    this.household = household;
  }

  /** A person's sex, which the first digit of a NIR tells. */
  public enum Sexe {
    /** Female: NIRs starting with 2. */
    F,
    /** Male: NIRs starting with 1. */
    M
  }

  private Fixtures.DossierBuilder self() {
    return (Fixtures.DossierBuilder) this;
  }

  private static Person person(Sexe sexe, String prenom, String nom, LocalDate naissance) {
    char s = requireNonNull(sexe, "sexe") == Sexe.F ? 'F' : 'M';
    return new Person(
        s, requireNonNull(prenom, "prenom"), nom, requireNonNull(naissance, "naissance"), true);
  }

  /**
   * Draws the NIRs' serial numbers and the letters' days from this random stream, as the standard
   * catalogue does, instead of fixing them from the numéro; the stream is read when the dossier is
   * built, so the same seed gives the same dossier.
   *
   * @param random the seeded stream to draw from
   * @return this builder
   */
  public Fixtures.DossierBuilder tirage(Random random) {
    household.draws = requireNonNull(random, "random");
    return self();
  }

  /**
   * A member of the household with a sex: the allocataire (DEM), the conjoint (CJT), a child (ENF,
   * dependent while under 20) or another member (AUT, e.g. a grandparent).
   *
   * @param role the member's role; DEM and CJT replace any allocataire or conjoint described
   * @param sexe the member's sex, the first digit of the NIR
   * @param prenom the first name
   * @param nom the surname; must look fictional (EXEMPLE, FICTIF…)
   * @param naissance the date of birth
   * @return this builder
   */
  public Fixtures.DossierBuilder membre(
      Role role, Sexe sexe, String prenom, String nom, LocalDate naissance) {
    Person p = person(sexe, prenom, FixtureRules.surname(nom), naissance);
    switch (requireNonNull(role, "role")) {
      case DEM -> household.allocataire = p;
      case CJT -> household.conjoint = p;
      case ENF -> household.enfants.add(p);
      case AUT -> household.autres.add(p);
    }
    return self();
  }

  /**
   * A child born so recently that its NIR is not registered yet; it has the allocataire's surname.
   *
   * @param sexe the child's sex
   * @param prenom the first name
   * @param naissance the date of birth
   * @return this builder
   */
  public Fixtures.DossierBuilder nouveauNe(Sexe sexe, String prenom, LocalDate naissance) {
    Person p = person(sexe, prenom, null, naissance);
    household.enfants.add(new Person(p.sexe(), p.prenom(), null, p.naissance(), false));
    return self();
  }

  /**
   * The family situation and the date it began, which the résumé shows and a letter confirms.
   *
   * @param situation the CNAF family situation code
   * @param depuis the date the situation began
   * @return this builder
   */
  public Fixtures.DossierBuilder situation(SituationFamiliale situation, LocalDate depuis) {
    household.situation = requireNonNull(situation, "situation");
    household.situationDepuis = requireNonNull(depuis, "depuis");
    return self();
  }

  /**
   * The address, with a second line.
   *
   * @param ligne1 the street line, e.g. {@code "14 rue de l'Exemple"}
   * @param ligne2 the second line, e.g. {@code "Bâtiment C, appartement 42"}
   * @param codePostal five digits
   * @param commune the town
   * @return this builder
   */
  public Fixtures.DossierBuilder adresse(
      String ligne1, String ligne2, String codePostal, String commune) {
    household.adresse =
        new Adresse(ligne1, Optional.of(requireNonNull(ligne2, "ligne2")), codePostal, commune);
    return self();
  }

  /**
   * The allocataire's social security scheme (default GENERAL).
   *
   * @param regime the scheme
   * @return this builder
   */
  public Fixtures.DossierBuilder regime(Regime regime) {
    household.regime = requireNonNull(regime, "regime");
    return self();
  }

  /**
   * The date of the dossier's last change (default ten days before its date).
   *
   * @param date the date of the last change
   * @return this builder
   */
  public Fixtures.DossierBuilder derniereModification(LocalDate date) {
    household.derniereModification = requireNonNull(date, "date");
    return self();
  }

  /**
   * The first month of the payment history: older payments are archived and not shown, and the
   * yearly statements start the year after. By default every payment is shown.
   *
   * @param mois the first month shown
   * @return this builder
   */
  public Fixtures.DossierBuilder historiqueDepuis(YearMonth mois) {
    household.historiqueDepuis = requireNonNull(mois, "mois");
    return self();
  }

  /**
   * An open right, paid every month from {@code debut} to the last month before the dossier's date;
   * in the synthèse with this amount.
   *
   * @param prestation the prestation
   * @param montant today's monthly amount in euros; earlier months show it revalued backwards
   * @param debut the month the right opened, the first one paid
   * @return this builder
   */
  public Fixtures.DossierBuilder droitOuvert(
      Prestation prestation, String montant, YearMonth debut) {
    return paidRight(prestation, EtatDroit.OUVERT, montant, debut, null, null);
  }

  /**
   * A closed right, paid every month from {@code debut} to {@code fin}, with the reason it ended.
   *
   * @param prestation the prestation
   * @param montant the last monthly amount in euros; earlier months show it revalued backwards
   * @param debut the month the right opened, the first one paid
   * @param fin the last month of the right, the last one paid
   * @param motif why the right ended, e.g. {@code "Reprise d'activité"}
   * @return this builder
   */
  public Fixtures.DossierBuilder droitFerme(
      Prestation prestation, String montant, YearMonth debut, YearMonth fin, String motif) {
    requireNonNull(fin, "fin");
    return paidRight(prestation, EtatDroit.FERME, montant, debut, fin, requireNonNull(motif));
  }

  /**
   * A suspended right, paid every month from {@code debut} to the month before the suspension.
   *
   * @param prestation the prestation
   * @param montant the monthly amount in euros; earlier months show it revalued backwards
   * @param debut the month the right opened, the first one paid
   * @param suspension the first month not paid
   * @return this builder
   */
  public Fixtures.DossierBuilder droitSuspendu(
      Prestation prestation, String montant, YearMonth debut, YearMonth suspension) {
    YearMonth last = requireNonNull(suspension, "suspension").minusMonths(1);
    return paidRight(prestation, EtatDroit.SUSPENDU, montant, debut, last, null);
  }

  private Fixtures.DossierBuilder paidRight(
      Prestation prestation,
      EtatDroit etat,
      String montant,
      YearMonth debut,
      YearMonth fin,
      String motif) {
    requireNonNull(prestation, "prestation");
    requireNonNull(debut, "debut");
    if (fin != null && fin.isBefore(debut)) {
      throw new IllegalArgumentException("the right must not end before it opens");
    }
    household.rights.add(
        new Right(
            prestation,
            etat,
            debut.atDay(1),
            etat == EtatDroit.FERME ? Optional.of(fin.atEndOfMonth()) : Optional.empty(),
            FixtureRules.euros(montant, "montant"),
            Optional.ofNullable(motif),
            debut,
            fin,
            true));
    return self();
  }

  /**
   * The allocation de rentrée scolaire, paid every August of the history for the children aged 6 to
   * 18 that year, at the rate of their age.
   *
   * @return this builder
   */
  public Fixtures.DossierBuilder allocationRentreeScolaire() {
    household.rentreeScolaire = true;
    return self();
  }

  /**
   * The landlord named in the housing information, social or private; by default the tiers payant
   * of a tenant, as a social landlord.
   *
   * @param nom the organisation's name
   * @param type social or private
   * @return this builder
   */
  public Fixtures.DossierBuilder bailleur(String nom, TypeBailleur type) {
    household.bailleur =
        new Bailleur(requireNonNull(nom, "nom"), Optional.of(requireNonNull(type, "type")));
    return self();
  }

  /**
   * A debt (indu) repaid on a plan: its balance, its state (settled when repaid), the plan's end,
   * and with a retenue the deductions from the largest payment to the allocataire each month.
   *
   * @param id the debt's identifier, e.g. {@code "IND-2025-001240"}
   * @param origine the prestation overpaid
   * @param notification the date the debt was notified
   * @param montantInitial the amount notified, in euros
   * @param modalite deducted from benefits, or paid by the allocataire
   * @param mensualite the monthly repayment, in euros
   * @param premiereMensualite the month of the first repayment
   * @return this builder
   */
  public Fixtures.DossierBuilder creance(
      String id,
      Prestation origine,
      LocalDate notification,
      String montantInitial,
      Modalite modalite,
      String mensualite,
      YearMonth premiereMensualite) {
    BigDecimal initial = FixtureRules.euros(montantInitial, "montantInitial");
    BigDecimal monthly = FixtureRules.euros(mensualite, "mensualite");
    if (monthly.signum() <= 0) {
      throw new IllegalArgumentException("mensualite must be positive");
    }
    requireNonNull(modalite, "modalite");
    requireNonNull(premiereMensualite, "premiereMensualite");
    return debt(id, origine, notification, initial, modalite, monthly, premiereMensualite);
  }

  /**
   * A debt (indu) the allocataire contests: nothing is repaid while it is examined.
   *
   * @param id the debt's identifier, e.g. {@code "IND-2026-000311"}
   * @param origine the prestation overpaid
   * @param notification the date the debt was notified
   * @param montant the amount notified, in euros
   * @return this builder
   */
  public Fixtures.DossierBuilder creanceContestee(
      String id, Prestation origine, LocalDate notification, String montant) {
    BigDecimal initial = FixtureRules.euros(montant, "montant");
    return debt(id, origine, notification, initial, null, null, null);
  }

  /** A debt whose balance starts at its amount: contested without a plan, else repaid on it. */
  private Fixtures.DossierBuilder debt(
      String id,
      Prestation origine,
      LocalDate notification,
      BigDecimal initial,
      Modalite modalite,
      BigDecimal mensualite,
      YearMonth planDebut) {
    household.debts.add(
        new Debt(
            requireNonNull(id, "id"),
            requireNonNull(origine, "origine"),
            requireNonNull(notification, "notification"),
            initial,
            initial,
            modalite == null ? EtatCreance.CONTESTEE : EtatCreance.EN_COURS,
            modalite,
            mensualite,
            planDebut));
    return self();
  }

  /**
   * Quarterly declarations of resources (RSA, prime d'activité) for consecutive quarters.
   *
   * @param premierTrimestre the first month of the first quarter declared
   * @param montants euros in pairs, one pair a quarter: income from work, then other income
   * @return this builder
   */
  public Fixtures.DossierBuilder declarationsTrimestrielles(
      YearMonth premierTrimestre, String... montants) {
    requireNonNull(premierTrimestre, "premierTrimestre");
    if (montants.length % 2 != 0) {
      throw new IllegalArgumentException("montants come in pairs: activité, autres");
    }
    for (int i = 0; i < montants.length; i += 2) {
      household.declarations.add(
          new DeclarationTrimestrielle(
              premierTrimestre.plusMonths(3L * (i / 2)),
              FixtureRules.euros(montants[i], "activite"),
              FixtureRules.euros(montants[i + 1], "autres")));
    }
    return self();
  }

  /**
   * The RSA dossier exactly as given: orientation, referent, a closed dossier without amount.
   *
   * @param dossier the RSA dossier
   * @return this builder
   */
  public Fixtures.DossierBuilder rsa(DossierRsa dossier) {
    household.rsa = requireNonNull(dossier, "dossier");
    return self();
  }

  /**
   * No quotient familial, though the N-2 income is known (e.g. a dossier no longer paid).
   *
   * @return this builder
   */
  public Fixtures.DossierBuilder sansQuotientFamilial() {
    household.quotientFamilial = false;
    return self();
  }
}
