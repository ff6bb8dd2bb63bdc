package net.cdapkit.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Nir;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Prestation;
import net.cdapkit.testkit.SyntheticDossier.Adresse;
import net.cdapkit.testkit.SyntheticDossier.Bailleur;
import net.cdapkit.testkit.SyntheticDossier.Beneficiaire;
import net.cdapkit.testkit.SyntheticDossier.Canal;
import net.cdapkit.testkit.SyntheticDossier.Courrier;
import net.cdapkit.testkit.SyntheticDossier.Creance;
import net.cdapkit.testkit.SyntheticDossier.DossierRsa;
import net.cdapkit.testkit.SyntheticDossier.Droit;
import net.cdapkit.testkit.SyntheticDossier.EtatCreance;
import net.cdapkit.testkit.SyntheticDossier.EtatDroit;
import net.cdapkit.testkit.SyntheticDossier.EtatRsa;
import net.cdapkit.testkit.SyntheticDossier.Logement;
import net.cdapkit.testkit.SyntheticDossier.Membre;
import net.cdapkit.testkit.SyntheticDossier.NatureRsa;
import net.cdapkit.testkit.SyntheticDossier.Paiement;
import net.cdapkit.testkit.SyntheticDossier.Personne;
import net.cdapkit.testkit.SyntheticDossier.PrestationMensuelle;
import net.cdapkit.testkit.SyntheticDossier.QuotientFamilial;
import net.cdapkit.testkit.SyntheticDossier.Regime;
import net.cdapkit.testkit.SyntheticDossier.Ressources;
import net.cdapkit.testkit.SyntheticDossier.Resume;
import net.cdapkit.testkit.SyntheticDossier.RevenusN2;
import net.cdapkit.testkit.SyntheticDossier.Role;
import net.cdapkit.testkit.SyntheticDossier.SituationFamiliale;
import net.cdapkit.testkit.SyntheticDossier.StatutDossier;
import net.cdapkit.testkit.SyntheticDossier.Synthese;
import net.cdapkit.testkit.SyntheticDossier.TypeBailleur;
import net.cdapkit.testkit.SyntheticDossier.TypeLogement;
import net.cdapkit.testkit.internal.fixtures.Derivation;

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
   * are euros written {@code "312.45"}.
   */
  public static final class DossierBuilder {
    private final CafCode caf;
    private final NumeroAllocataire numero;
    private String scenario = "Dossier de test";
    private LocalDate asOf = Catalogue.STANDARD_AS_OF;
    private Person allocataire;
    private Person conjoint;
    private final List<Person> enfants = new ArrayList<>();
    private SituationFamiliale situation;
    private Adresse adresse;
    private LocalDate affiliation;
    private StatutDossier statut = StatutDossier.ACTIF;
    private final List<Serie> series = new ArrayList<>();
    private final List<Droit> droits = new ArrayList<>();
    private String tiersPayant;
    private TypeLogement typeLogement;
    private BigDecimal loyer;
    private BigDecimal charges;
    private DossierRsa rsa;
    private final List<Creance> creances = new ArrayList<>();
    private final List<Courrier> courriers = new ArrayList<>();
    private BigDecimal revenusN2;

    private DossierBuilder(CafCode caf, NumeroAllocataire numero) {
      if (!Catalogue.isFictional(numero)) {
        throw new IllegalArgumentException(
            "A fixture's numéro allocataire must be in the reserved fictional range "
                + Catalogue.FIRST_NUMERO
                + "–"
                + Catalogue.LAST_NUMERO
                + " (value not shown)");
      }
      this.caf = caf;
      this.numero = numero;
    }

    private record Person(String prenom, String nom, LocalDate naissance) {}

    private record Serie(Prestation prestation, BigDecimal montant, YearMonth du, YearMonth au) {}

    /**
     * What the fixture illustrates, shown by {@code toString}; not personal.
     *
     * @param scenario a short non-personal description, e.g. {@code "RSA suspendu"}
     * @return this builder
     */
    public DossierBuilder scenario(String scenario) {
      this.scenario = Objects.requireNonNull(scenario, "scenario");
      return this;
    }

    /**
     * The date the data is as of (default {@link Catalogue#STANDARD_AS_OF}).
     *
     * @param asOf the reference date of the dossier's history
     * @return this builder
     */
    public DossierBuilder asOf(LocalDate asOf) {
      this.asOf = Objects.requireNonNull(asOf, "asOf");
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
      this.allocataire =
          new Person(
              Objects.requireNonNull(prenom, "prenom"), FixtureRules.surname(nom), naissance);
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
      this.conjoint =
          new Person(
              Objects.requireNonNull(prenom, "prenom"), FixtureRules.surname(nom), naissance);
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
      enfants.add(
          new Person(
              Objects.requireNonNull(prenom, "prenom"),
              null,
              Objects.requireNonNull(naissance, "naissance")));
      return this;
    }

    /**
     * The family situation; default CEL alone, VIM with a conjoint.
     *
     * @param situation the CNAF family situation code
     * @return this builder
     */
    public DossierBuilder situation(SituationFamiliale situation) {
      this.situation = Objects.requireNonNull(situation, "situation");
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
      this.adresse = new Adresse(ligne1, Optional.empty(), codePostal, commune);
      return this;
    }

    /**
     * The dossier's status at the CAF (default ACTIF).
     *
     * @param statut the dossier status
     * @return this builder
     */
    public DossierBuilder statut(StatutDossier statut) {
      this.statut = Objects.requireNonNull(statut, "statut");
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
      series.add(new Serie(prestation, FixtureRules.euros(montant, "montant"), du, au));
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
      droits.add(
          new Droit(
              prestation,
              etat,
              debut,
              etat == EtatDroit.FERME ? Optional.of(asOf.minusMonths(1)) : Optional.empty(),
              FixtureRules.euros(montantMensuel, "montantMensuel"),
              etat == EtatDroit.FERME ? Optional.of("Fin de droit") : Optional.empty()));
      return this;
    }

    /**
     * The housing aid (APL, ALF or ALS) is paid to this organisation, the landlord (tiers payant);
     * the housing information then names it as the social landlord.
     *
     * @param organisme the name of the organisation paid, a social landlord
     * @return this builder
     */
    public DossierBuilder tiersPayant(String organisme) {
      this.tiersPayant = Objects.requireNonNull(organisme, "organisme");
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
      this.typeLogement = Objects.requireNonNull(type, "type");
      this.loyer = loyer == null ? null : FixtureRules.euros(loyer, "loyer");
      this.charges = charges == null ? null : FixtureRules.euros(charges, "charges");
      return this;
    }

    /**
     * No housing information at the CAF (the tab answers without content).
     *
     * @return this builder
     */
    public DossierBuilder sansLogement() {
      this.typeLogement = null;
      this.tiersPayant = null;
      return this;
    }

    /**
     * The date of affiliation; by default the first of the month of the earliest right.
     *
     * @param affiliation the date the allocataire joined the CAF
     * @return this builder
     */
    public DossierBuilder affiliation(LocalDate affiliation) {
      this.affiliation = Objects.requireNonNull(affiliation, "affiliation");
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
          series.stream()
              .filter(s -> s.prestation == Prestation.RSA)
              .map(s -> s.du.atDay(1))
              .min(Comparator.naturalOrder())
              .orElse(asOf.minusYears(1).withDayOfMonth(1));
      this.rsa =
          new DossierRsa(
              Objects.requireNonNull(etat, "etat"),
              Optional.ofNullable(nature),
              Optional.of(FixtureRules.euros(montantMensuel, "montantMensuel")),
              Optional.of(opened),
              Optional.empty(),
              Optional.empty());
      return this;
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
      LocalDate notified = asOf.minusMonths(3);
      creances.add(
          new Creance(
              String.format("IND-%d-%06d", notified.getYear(), creances.size() + 1),
              Objects.requireNonNull(origine, "origine"),
              notified,
              initial,
              solde,
              solde.signum() == 0 ? EtatCreance.SOLDEE : EtatCreance.EN_COURS,
              Optional.empty()));
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
      courriers.add(new Courrier(date, objet, canal));
      return this;
    }

    /**
     * The household's taxable income of year N-2; the quotient familial is derived from it.
     *
     * @param montant the amount in euros, as a decimal string
     * @return this builder
     */
    public DossierBuilder revenusN2(String montant) {
      this.revenusN2 = FixtureRules.euros(montant, "revenusN2");
      return this;
    }

    /**
     * The dossier.
     *
     * @return the immutable dossier, ready to serve from a {@link Catalogue}
     * @throws IllegalStateException if no allocataire was described
     */
    public SyntheticDossier build() {
      if (allocataire == null) {
        throw new IllegalStateException("A fixture needs an allocataire(prenom, nom)");
      }
      YearMonth lastPaid = YearMonth.from(asOf).minusMonths(1);
      String dept = caf.value().substring(0, 2);
      int ordre = 1 + Math.floorMod(numero.value().hashCode(), 900);

      List<Paiement> paiements = new ArrayList<>();
      List<Droit> allDroits = new ArrayList<>(droits);
      List<PrestationMensuelle> ouvertes = new ArrayList<>();
      for (Serie s : series) {
        String tiers = s.prestation.isAideLogement() ? tiersPayant : null;
        for (YearMonth m = s.du; !m.isAfter(s.au) && !m.isAfter(lastPaid); m = m.plusMonths(1)) {
          paiements.add(
              new Paiement(
                  Derivation.paymentDate(m),
                  s.prestation,
                  m,
                  s.montant,
                  tiers == null ? Beneficiaire.ALLOCATAIRE : Beneficiaire.TIERS,
                  Optional.ofNullable(tiers),
                  Optional.empty()));
        }
        boolean open = !s.au.isBefore(lastPaid);
        allDroits.add(
            new Droit(
                s.prestation,
                open ? EtatDroit.OUVERT : EtatDroit.FERME,
                s.du.atDay(1),
                open ? Optional.empty() : Optional.of(s.au.atEndOfMonth()),
                s.montant,
                open ? Optional.empty() : Optional.of("Fin de droit")));
        if (open) {
          ouvertes.add(new PrestationMensuelle(s.prestation, lastPaid, s.montant));
        }
      }
      for (Droit d : droits) {
        if (d.etat() == EtatDroit.OUVERT) {
          ouvertes.add(new PrestationMensuelle(d.prestation(), lastPaid, d.montantMensuel()));
        }
      }
      paiements.sort(
          Comparator.comparing(Paiement::date)
              .thenComparing(Paiement::periode)
              .thenComparing(Paiement::prestation)
              .reversed());

      List<Membre> membres = new ArrayList<>();
      membres.add(membre(Role.DEM, allocataire, '2', dept, ordre, false));
      if (conjoint != null) {
        membres.add(membre(Role.CJT, conjoint, '1', dept, ordre + 1, false));
      }
      int nombreEnfants = 0;
      for (int i = 0; i < enfants.size(); i++) {
        Person e = enfants.get(i);
        Person named = new Person(e.prenom, allocataire.nom, e.naissance);
        boolean aCharge = Period.between(e.naissance, asOf).getYears() < 20;
        nombreEnfants += aCharge ? 1 : 0;
        membres.add(membre(Role.ENF, named, i % 2 == 0 ? '1' : '2', dept, ordre + 2 + i, aCharge));
      }

      SituationFamiliale sf =
          situation != null
              ? situation
              : conjoint != null ? SituationFamiliale.VIM : SituationFamiliale.CEL;
      Optional<QuotientFamilial> qf =
          revenusN2 == null
              ? Optional.empty()
              : Optional.of(
                  new QuotientFamilial(
                      YearMonth.from(asOf),
                      Derivation.quotient(revenusN2, ouvertes, conjoint != null, nombreEnfants)));
      LocalDate affiliee =
          affiliation != null
              ? affiliation
              : allDroits.stream()
                  .map(Droit::debut)
                  .min(Comparator.naturalOrder())
                  .orElse(asOf.minusYears(5))
                  .withDayOfMonth(1);

      List<Courrier> lettres = new ArrayList<>(courriers);
      for (Droit d : allDroits) {
        lettres.add(
            new Courrier(
                d.debut().plusDays(9), Derivation.ouverture(d.prestation()), Canal.COURRIER));
      }
      lettres.removeIf(c -> c.date().isAfter(asOf));
      lettres.sort(Derivation.COURRIERS_NEWEST_FIRST);

      return new SyntheticDossier(
          caf,
          numero,
          scenario,
          new Synthese(
              new Personne(allocataire.nom, allocataire.prenom), sf, nombreEnfants, qf, ouvertes),
          new Resume(
              adresse != null ? adresse : FixtureRules.defaultAdresse(dept),
              affiliee,
              Regime.GENERAL,
              sf,
              Optional.empty(),
              statut,
              asOf.minusDays(10)),
          paiements,
          allDroits,
          membres,
          new Ressources(
              qf,
              Optional.ofNullable(revenusN2).map(m -> new RevenusN2(asOf.getYear() - 2, m)),
              List.of()),
          Optional.ofNullable(rsa),
          lettres,
          logement(),
          creances);
    }

    private Optional<Logement> logement() {
      if (typeLogement == null && tiersPayant == null) {
        return Optional.empty();
      }
      Optional<Prestation> aide =
          series.stream().map(Serie::prestation).filter(Prestation::isAideLogement).findFirst();
      return Optional.of(
          new Logement(
              typeLogement != null ? typeLogement : TypeLogement.LOCATAIRE_PARC_SOCIAL,
              Optional.ofNullable(loyer),
              Optional.ofNullable(charges),
              Optional.ofNullable(tiersPayant)
                  .map(t -> new Bailleur(t, Optional.of(TypeBailleur.SOCIAL))),
              aide,
              tiersPayant != null && aide.isPresent()));
    }

    private Membre membre(Role role, Person p, char sexe, String dept, int ordre, boolean aCharge) {
      Nir nir = Nir.of(Derivation.nir(sexe, p.naissance, dept, 1 + ordre % 998));
      return new Membre(role, p.nom, p.prenom, p.naissance, Optional.of(nir), aCharge);
    }

    @Override
    public String toString() {
      return "DossierBuilder[caf="
          + caf
          + ", numeroAllocataire=*******, scenario="
          + scenario.toLowerCase(Locale.ROOT)
          + "]";
    }
  }
}
