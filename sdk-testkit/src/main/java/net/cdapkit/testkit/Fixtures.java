package net.cdapkit.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Prestation;
import net.cdapkit.testkit.SyntheticDossier.Adresse;
import net.cdapkit.testkit.SyntheticDossier.Canal;
import net.cdapkit.testkit.SyntheticDossier.Courrier;
import net.cdapkit.testkit.SyntheticDossier.DossierRsa;
import net.cdapkit.testkit.SyntheticDossier.EtatCreance;
import net.cdapkit.testkit.SyntheticDossier.EtatDroit;
import net.cdapkit.testkit.SyntheticDossier.EtatRsa;
import net.cdapkit.testkit.SyntheticDossier.NatureRsa;
import net.cdapkit.testkit.SyntheticDossier.SituationFamiliale;
import net.cdapkit.testkit.SyntheticDossier.StatutDossier;
import net.cdapkit.testkit.SyntheticDossier.TypeLogement;
import net.cdapkit.testkit.internal.fixtures.Household;
import net.cdapkit.testkit.internal.fixtures.Household.Debt;
import net.cdapkit.testkit.internal.fixtures.Household.Person;
import net.cdapkit.testkit.internal.fixtures.Household.Right;
import net.cdapkit.testkit.internal.fixtures.HouseholdDerivation;

/**
 * Fictional dossiers for a test, described in a few readable lines, and a deterministic generator
 * of many for load tests.
 *
 * <pre>{@code
 * SyntheticDossier d = Fixtures.dossier("751", "9900123")
 *     .allocataire("Alix", "SPECIMEN")
 *     .enfant("Lou", LocalDate.of(2018, 5, 2))
 *     .paiementMensuel(Prestation.APL, "312.45", YearMonth.of(2024, 1), YearMonth.of(2026, 8))
 *     .tiersPayant("Office Public de l'Habitat Exemple")
 *     .build();
 * simulator.add(d); // served until the simulator's next reset
 * }</pre>
 *
 * <p>What is not described is derived, as the CAF would show it: the synthèse (open prestations,
 * children, quotient familial), the droits behind each monthly payment, the composition de la
 * famille with fictional NIRs (commune code 999), a plausible address in the CAF's département, a
 * letter per opened right. The fixture is fictional by construction: the numéro must be in the
 * reserved range {@value Catalogue#FIRST_NUMERO}–{@value Catalogue#LAST_NUMERO} and every surname
 * in {@link Catalogue#SURNAMES}; anything else is refused without quoting the value.
 */
public final class Fixtures {
  /** First numéro of the generated dossiers: above the standard catalogue's. */
  public static final int FIRST_GENERATED_NUMERO = 9_910_000;

  /** The most dossiers {@link #generate} makes: the rest of the reserved range. */
  public static final int MAX_GENERATED = 9_999_999 - FIRST_GENERATED_NUMERO + 1;

  private Fixtures() {}

  /**
   * Starts a dossier of this CAF with this numéro allocataire.
   *
   * @param caf the three-digit CAF code, e.g. {@code "751"}
   * @param numeroAllocataire seven digits in the fictional range 9900000–9999999
   * @return a builder to describe the dossier, then {@link DossierBuilder#build()}
   * @throws IllegalArgumentException if the numéro is not 7 digits of the reserved fictional range
   */
  public static DossierBuilder dossier(String caf, String numeroAllocataire) {
    return new DossierBuilder(CafCode.of(caf), NumeroAllocataire.of(numeroAllocataire));
  }

  /**
   * {@code n} realistic fictional households (single people, single parents, couples with or
   * without children; family, housing, RSA and activity benefits; about three years of payments),
   * the same for the same seed on every machine. Numéros start at {@link #FIRST_GENERATED_NUMERO},
   * CAFs are 751, 131 and 691 (those of the demo agents).
   *
   * <p>The list is lazy and holds nothing: element {@code i} is made from the seed and {@code i}
   * each time it is read, so that 10,000 or 90,000 dossiers cost no memory until used. Serve them
   * with {@link Catalogue#generated(long, int)}.
   *
   * @param seed the same seed gives the same dossiers, run after run
   * @param n how many dossiers, 0 to {@link #MAX_GENERATED}
   * @return an immutable lazy list of {@code n} dossiers
   * @throws IllegalArgumentException if {@code n} is negative or above {@link #MAX_GENERATED}
   */
  public static List<SyntheticDossier> generate(long seed, int n) {
    if (n < 0 || n > MAX_GENERATED) {
      throw new IllegalArgumentException("n must be between 0 and " + MAX_GENERATED);
    }
    return new GeneratedDossiers(seed, n);
  }

  /** One generated dossier, made from the seed and its index alone. */
  static SyntheticDossier generated(long seed, int index) {
    return GeneratedDossiers.dossier(seed, index);
  }

  /**
   * Describes one dossier. Not thread-safe; {@link #build()} may be called several times. Amounts
   * are euros written {@code "312.45"}. The detailed vocabulary the standard catalogue is written
   * in (rights with a revalued history, debts on a plan, the allocation de rentrée scolaire…) is
   * inherited from {@link DossierDescription}.
   */
  public static final class DossierBuilder extends DossierDescription {
    private DossierBuilder(CafCode caf, NumeroAllocataire numero) {
      super(new Household(caf, numero));
      if (!Catalogue.isFictional(numero)) {
        throw new IllegalArgumentException(
            "A fixture's numéro allocataire must be in the reserved fictional range "
                + Catalogue.FIRST_NUMERO
                + "–"
                + Catalogue.LAST_NUMERO
                + " (value not shown)");
      }
    }

    private static Person person(String prenom, String nom, LocalDate naissance) {
      return new Person(null, Objects.requireNonNull(prenom, "prenom"), nom, naissance, true);
    }

    /**
     * What the fixture illustrates, shown by {@code toString}; not personal.
     *
     * @param scenario a short non-personal description, e.g. {@code "RSA suspendu"}
     * @return this builder
     */
    public DossierBuilder scenario(String scenario) {
      household.scenario = Objects.requireNonNull(scenario, "scenario");
      return this;
    }

    /**
     * The date the data is as of (default {@link Catalogue#STANDARD_AS_OF}).
     *
     * @param asOf the reference date of the dossier's history
     * @return this builder
     */
    public DossierBuilder asOf(LocalDate asOf) {
      household.asOf = Objects.requireNonNull(asOf, "asOf");
      return this;
    }

    /**
     * The allocataire, born on 1 January 1990.
     *
     * @param prenom the first name
     * @param nom the surname; must look fictional (EXEMPLE, FICTIF…)
     * @return this builder
     */
    public DossierBuilder allocataire(String prenom, String nom) {
      return allocataire(prenom, nom, LocalDate.of(1990, 1, 1));
    }

    /**
     * The allocataire.
     *
     * @param prenom the first name
     * @param nom the surname; must look fictional (EXEMPLE, FICTIF…)
     * @param naissance the date of birth
     * @return this builder
     */
    public DossierBuilder allocataire(String prenom, String nom, LocalDate naissance) {
      household.allocataire = person(prenom, FixtureRules.surname(nom), naissance);
      return this;
    }

    /**
     * The allocataire's spouse or partner, born on 1 January 1990.
     *
     * @param prenom the first name
     * @param nom the surname; must look fictional (EXEMPLE, FICTIF…)
     * @return this builder
     */
    public DossierBuilder conjoint(String prenom, String nom) {
      return conjoint(prenom, nom, LocalDate.of(1990, 1, 1));
    }

    /**
     * The allocataire's spouse or partner.
     *
     * @param prenom the first name
     * @param nom the surname; must look fictional (EXEMPLE, FICTIF…)
     * @param naissance the date of birth
     * @return this builder
     */
    public DossierBuilder conjoint(String prenom, String nom, LocalDate naissance) {
      household.conjoint = person(prenom, FixtureRules.surname(nom), naissance);
      return this;
    }

    /**
     * A child with the allocataire's surname; dependent (à charge) while under 20.
     *
     * @param prenom the child's first name
     * @param naissance the child's date of birth; decides whether it is à charge
     * @return this builder
     */
    public DossierBuilder enfant(String prenom, LocalDate naissance) {
      household.enfants.add(person(prenom, null, Objects.requireNonNull(naissance, "naissance")));
      return this;
    }

    /**
     * The family situation; default CEL alone, VIM with a conjoint.
     *
     * @param situation the CNAF family situation code
     * @return this builder
     */
    public DossierBuilder situation(SituationFamiliale situation) {
      household.situation = Objects.requireNonNull(situation, "situation");
      return this;
    }

    /**
     * The address; by default a street of rue de l'Exemple in the CAF's département.
     *
     * @param ligne1 the street line, e.g. {@code "12 rue de l'Exemple"}
     * @param codePostal five digits
     * @param commune the town
     * @return this builder
     */
    public DossierBuilder adresse(String ligne1, String codePostal, String commune) {
      household.adresse = new Adresse(ligne1, Optional.empty(), codePostal, commune);
      return this;
    }

    /**
     * The dossier's status at the CAF (default ACTIF).
     *
     * @param statut the dossier status
     * @return this builder
     */
    public DossierBuilder statut(StatutDossier statut) {
      household.statut = Objects.requireNonNull(statut, "statut");
      return this;
    }

    /**
     * A prestation paid every month from {@code du} to {@code au} included, early the next month,
     * and its right: open if paid up to the last month before {@link #asOf}, closed otherwise.
     *
     * @param prestation the prestation paid
     * @param montant the monthly amount in euros, as a decimal string such as {@code "123.45"}
     * @param du the first month paid
     * @param au the last month paid, included; not before {@code du}
     * @return this builder
     */
    public DossierBuilder paiementMensuel(
        Prestation prestation, String montant, YearMonth du, YearMonth au) {
      Objects.requireNonNull(prestation, "prestation");
      Objects.requireNonNull(du, "du");
      Objects.requireNonNull(au, "au");
      if (au.isBefore(du)) {
        throw new IllegalArgumentException("au must not be before du");
      }
      BigDecimal euros = FixtureRules.euros(montant, "montant");
      // The state (open or closed) waits for build(): it depends on the date the data is as of.
      household.rights.add(
          new Right(
              prestation,
              null,
              du.atDay(1),
              Optional.empty(),
              euros,
              Optional.empty(),
              du,
              au,
              false));
      return this;
    }

    /**
     * A right without payments in the history (e.g. suspended, or closed long ago).
     *
     * @param prestation the prestation the right is for
     * @param etat the state of the right; FERME closes it a month before {@link #asOf}
     * @param debut the date the right opened
     * @param montantMensuel the monthly amount in euros, as a decimal string
     * @return this builder
     */
    public DossierBuilder droit(
        Prestation prestation, EtatDroit etat, LocalDate debut, String montantMensuel) {
      boolean ferme = etat == EtatDroit.FERME;
      household.rights.add(
          new Right(
              Objects.requireNonNull(prestation, "prestation"),
              Objects.requireNonNull(etat, "etat"),
              Objects.requireNonNull(debut, "debut"),
              ferme ? Optional.of(household.asOf.minusMonths(1)) : Optional.empty(),
              FixtureRules.euros(montantMensuel, "montantMensuel"),
              ferme ? Optional.of("Fin de droit") : Optional.empty(),
              null,
              null,
              false));
      return this;
    }

    /**
     * The housing aid (APL, ALF or ALS) is paid to this organisation (tiers payant); for a tenant
     * the housing information then names it as the social landlord, unless a {@link
     * #bailleur(String, SyntheticDossier.TypeBailleur) bailleur} is given.
     *
     * @param organisme the name of the organisation paid, a social landlord or a lender
     * @return this builder
     */
    public DossierBuilder tiersPayant(String organisme) {
      household.tiersPayant = Objects.requireNonNull(organisme, "organisme");
      return this;
    }

    /**
     * The housing: its type, rent and charges (null when unknown).
     *
     * @param type the housing situation
     * @param loyer the monthly rent in euros as a decimal string, or null when unknown
     * @param charges the monthly charges in euros as a decimal string, or null when unknown
     * @return this builder
     */
    public DossierBuilder logement(TypeLogement type, String loyer, String charges) {
      household.typeLogement = Objects.requireNonNull(type, "type");
      household.loyer = loyer == null ? null : FixtureRules.euros(loyer, "loyer");
      household.charges = charges == null ? null : FixtureRules.euros(charges, "charges");
      return this;
    }

    /**
     * No housing information at the CAF (the tab answers without content).
     *
     * @return this builder
     */
    public DossierBuilder sansLogement() {
      household.typeLogement = null;
      household.tiersPayant = null;
      household.bailleur = null;
      return this;
    }

    /**
     * The date of affiliation; by default the first of the month of the earliest right.
     *
     * @param affiliation the date the allocataire joined the CAF
     * @return this builder
     */
    public DossierBuilder affiliation(LocalDate affiliation) {
      household.affiliation = Objects.requireNonNull(affiliation, "affiliation");
      return this;
    }

    /**
     * The RSA dossier, opened at the first RSA payment (or a year before {@link #asOf}).
     *
     * @param etat the CNAF state of the RSA dossier
     * @param nature socle or majoré; null when not known
     * @param montantMensuel the monthly amount in euros, as a decimal string
     * @return this builder
     */
    public DossierBuilder rsa(EtatRsa etat, NatureRsa nature, String montantMensuel) {
      LocalDate opened =
          household.rights.stream()
              .filter(r -> r.prestation() == Prestation.RSA && r.paidFrom() != null)
              .map(r -> r.paidFrom().atDay(1))
              .min(Comparator.naturalOrder())
              .orElse(household.asOf.minusYears(1).withDayOfMonth(1));
      return rsa(
          new DossierRsa(
              Objects.requireNonNull(etat, "etat"),
              Optional.ofNullable(nature),
              Optional.of(FixtureRules.euros(montantMensuel, "montantMensuel")),
              Optional.of(opened),
              Optional.empty(),
              Optional.empty()));
    }

    /**
     * A debt (indu) notified three months before {@link #asOf}; settled when the balance is 0.
     *
     * @param origine the prestation overpaid
     * @param montantInitial the amount notified, in euros as a decimal string
     * @param soldeRestant what remains due, in euros as a decimal string; {@code "0"} when settled
     * @return this builder
     */
    public DossierBuilder creance(Prestation origine, String montantInitial, String soldeRestant) {
      BigDecimal initial = FixtureRules.euros(montantInitial, "montantInitial");
      BigDecimal solde = FixtureRules.euros(soldeRestant, "soldeRestant");
      LocalDate notified = household.asOf.minusMonths(3);
      household.debts.add(
          new Debt(
              String.format("IND-%d-%06d", notified.getYear(), household.debts.size() + 1),
              Objects.requireNonNull(origine, "origine"),
              notified,
              initial,
              solde,
              solde.signum() == 0 ? EtatCreance.SOLDEE : EtatCreance.EN_COURS,
              null,
              null,
              null));
      return this;
    }

    /**
     * A letter sent by post.
     *
     * @param date the date it was sent
     * @param objet its subject, not personal
     * @return this builder
     */
    public DossierBuilder courrier(LocalDate date, String objet) {
      return courrier(date, objet, Canal.COURRIER);
    }

    /**
     * A letter sent by this channel.
     *
     * @param date the date it was sent
     * @param objet its subject, not personal
     * @param canal post, e-mail or the personal online space
     * @return this builder
     */
    public DossierBuilder courrier(LocalDate date, String objet, Canal canal) {
      household.courriers.add(new Courrier(date, objet, canal));
      return this;
    }

    /**
     * The household's taxable income of year N-2; the quotient familial is derived from it.
     *
     * @param montant the amount in euros, as a decimal string
     * @return this builder
     */
    public DossierBuilder revenusN2(String montant) {
      household.revenusN2 = FixtureRules.euros(montant, "revenusN2");
      return this;
    }

    /**
     * The dossier.
     *
     * @return the immutable dossier, ready to serve from a {@link Catalogue}
     * @throws IllegalStateException if no allocataire was described
     */
    public SyntheticDossier build() {
      if (household.allocataire == null) {
        throw new IllegalStateException("A fixture needs an allocataire(prenom, nom)");
      }
      return HouseholdDerivation.derive(household);
    }

    @Override
    public String toString() {
      return "DossierBuilder[caf="
          + household.caf
          + ", numeroAllocataire=*******, scenario="
          + household.scenario.toLowerCase(Locale.ROOT)
          + "]";
    }
  }
}
