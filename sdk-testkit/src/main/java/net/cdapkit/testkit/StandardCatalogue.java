package net.cdapkit.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
import net.cdapkit.testkit.SyntheticDossier.DeclarationTrimestrielle;
import net.cdapkit.testkit.SyntheticDossier.DossierRsa;
import net.cdapkit.testkit.SyntheticDossier.Droit;
import net.cdapkit.testkit.SyntheticDossier.EtatCreance;
import net.cdapkit.testkit.SyntheticDossier.EtatDroit;
import net.cdapkit.testkit.SyntheticDossier.EtatRsa;
import net.cdapkit.testkit.SyntheticDossier.Logement;
import net.cdapkit.testkit.SyntheticDossier.Membre;
import net.cdapkit.testkit.SyntheticDossier.Modalite;
import net.cdapkit.testkit.SyntheticDossier.NatureRsa;
import net.cdapkit.testkit.SyntheticDossier.Orientation;
import net.cdapkit.testkit.SyntheticDossier.Paiement;
import net.cdapkit.testkit.SyntheticDossier.Personne;
import net.cdapkit.testkit.SyntheticDossier.PlanRemboursement;
import net.cdapkit.testkit.SyntheticDossier.PrestationMensuelle;
import net.cdapkit.testkit.SyntheticDossier.QuotientFamilial;
import net.cdapkit.testkit.SyntheticDossier.Referent;
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

/**
 * Generates the standard catalogue: a few hand-written scenarios (the demo dossier, a large family
 * with ten years of history, a debt repaid by retenue…) and seeded random households. Every derived
 * tab (payments, synthèse, quotient familial, courriers) is computed from the same household
 * description, so the tabs agree with each other.
 */
final class StandardCatalogue {
  static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);

  /** Benefits of month M are paid early in month M+1: the last paid month is August 2026. */
  static final YearMonth LAST_PERIOD = YearMonth.of(2026, 8);

  static final YearMonth CURRENT_MONTH = YearMonth.from(AS_OF);

  private static final long SEED = 0x00CDA9_2026_0930L;

  /** Yearly revaluation applied backwards every April, for plausible histories. */
  private static final BigDecimal REVALUATION = new BigDecimal("1.024");

  /** REVALUATION^k, exact, computed once: the generator divides by them for every line. */
  private static final BigDecimal[] REVALUATION_POWERS = new BigDecimal[64];

  static {
    for (int k = 0; k < REVALUATION_POWERS.length; k++) {
      REVALUATION_POWERS[k] = REVALUATION.pow(k);
    }
  }

  private static BigDecimal revaluation(int k) {
    return k < REVALUATION_POWERS.length ? REVALUATION_POWERS[k] : REVALUATION.pow(k);
  }

  static final BigDecimal AF_2 = Money.of("148.52");
  static final BigDecimal AF_3 = Money.of("338.80");
  static final BigDecimal AF_EACH_MORE = Money.of("190.29");
  static final BigDecimal CF = Money.of("196.99");
  static final BigDecimal ASF_PER_CHILD = Money.of("195.85");
  static final BigDecimal PAJE_BASE = Money.of("184.81");
  static final BigDecimal AEEH_BASE = Money.of("142.70");
  static final BigDecimal AAH = Money.of("1016.05");

  private static final List<String> PRENOMS_F =
      List.of(
          "Marie", "Camille", "Léa", "Sophie", "Julie", "Nadia", "Fatima", "Claire", "Inès",
          "Sarah", "Emma", "Chloé", "Amina", "Lucie", "Manon", "Aïcha", "Élodie", "Jeanne");
  private static final List<String> PRENOMS_M =
      List.of(
          "Thomas", "Nicolas", "Karim", "Julien", "Mehdi", "Lucas", "Hugo", "Antoine", "Paul",
          "Yanis", "Louis", "Nathan", "Samir", "David", "Théo", "Rachid", "Mathieu", "Jules");
  private static final List<String> RUES =
      List.of(
          "rue de l'Exemple",
          "avenue du Modèle",
          "boulevard de la Démonstration",
          "place du Spécimen",
          "allée de l'Essai",
          "impasse du Prototype",
          "rue de la Maquette",
          "chemin du Fictif");

  private static final Map<Prestation, String> LIBELLES = new EnumMap<>(Prestation.class);

  static {
    LIBELLES.put(Prestation.AF, "allocations familiales");
    LIBELLES.put(Prestation.CF, "complément familial");
    LIBELLES.put(Prestation.ASF, "allocation de soutien familial");
    LIBELLES.put(Prestation.ARS, "allocation de rentrée scolaire");
    LIBELLES.put(Prestation.PAJE, "prestation d'accueil du jeune enfant");
    LIBELLES.put(Prestation.AEEH, "allocation d'éducation de l'enfant handicapé");
    LIBELLES.put(Prestation.AAH, "allocation aux adultes handicapés");
    LIBELLES.put(Prestation.RSA, "revenu de solidarité active");
    LIBELLES.put(Prestation.PPA, "prime d'activité");
    LIBELLES.put(Prestation.APL, "aide personnalisée au logement");
    LIBELLES.put(Prestation.ALF, "allocation de logement familiale");
    LIBELLES.put(Prestation.ALS, "allocation de logement sociale");
  }

  private StandardCatalogue() {}

  static List<SyntheticDossier> generate() {
    Random rnd = new Random(SEED);
    List<SyntheticDossier> all = new ArrayList<>();
    all.add(demo(rnd));
    all.add(parentIsoleAsfRsaMajore(rnd));
    all.add(locataireAplTiersPayant(rnd));
    all.add(droitsFermes(rnd));
    all.add(homonymeAutreCaf(rnd));
    all.add(familleNombreuseDixAns(rnd));
    all.add(indueRetenue(rnd));
    all.add(rsaHeberge(rnd));
    all.add(couplePrimeActivite(rnd));
    all.add(naissancePaje(rnd));
    all.add(enfantHandicape(rnd));
    all.add(rsaSuspendu(rnd));
    all.add(veuveFoyerAls(rnd));
    all.add(bordeauxCouple(rnd));
    all.add(bordeauxAah(rnd));
    String[] cafs = {"751", "131", "691", "751", "131", "691", "331", "751", "131", "691"};
    for (int i = 0; i < cafs.length; i++) {
      all.add(randomFoyer(rnd, cafs[i], String.valueOf(9900101 + i * 37)));
    }
    return all;
  }

  // ---------------------------------------------------------------- hand-written scenarios

  /** 9900001 / 751: every tab populated. */
  private static SyntheticDossier demo(Random rnd) {
    Foyer f = new Foyer(rnd, "751", "9900001", "Dossier de démonstration : tous les onglets");
    f.situation(SituationFamiliale.VIM, LocalDate.of(2016, 5, 14));
    f.dem = f.person('F', "Camille", "EXEMPLE", LocalDate.of(1988, 3, 12));
    f.cjt = f.person('M', "Thomas", "FICTIF", LocalDate.of(1986, 11, 2));
    f.enfants.add(f.person('F', "Léa", "EXEMPLE", LocalDate.of(2017, 6, 21)));
    f.enfants.add(f.person('M', "Hugo", "EXEMPLE", LocalDate.of(2020, 2, 9)));
    f.adresse =
        new Adresse(
            "14 rue de l'Exemple", Optional.of("Bâtiment C, appartement 42"), "75019", "Paris");
    f.affiliation = LocalDate.of(2012, 9, 1);
    f.derniereModification = LocalDate.of(2026, 9, 12);
    f.historyStart = YearMonth.of(2021, 9);
    f.ars = true;
    String bailleur = "Office Public de l'Habitat Exemple";
    f.logement =
        new Logement(
            TypeLogement.LOCATAIRE_PARC_SOCIAL,
            Optional.of(Money.of("612.40")),
            Optional.of(Money.of("95.00")),
            Optional.of(new Bailleur(bailleur, Optional.of(TypeBailleur.SOCIAL))),
            Optional.of(Prestation.APL),
            true);
    f.droit(Prestation.AF, YearMonth.of(2020, 3), null, EtatDroit.OUVERT, AF_2, null, null);
    f.droit(
        Prestation.APL,
        YearMonth.of(2018, 9),
        null,
        EtatDroit.OUVERT,
        Money.of("312.45"),
        null,
        bailleur);
    f.droit(
        Prestation.RSA,
        YearMonth.of(2023, 4),
        null,
        EtatDroit.OUVERT,
        Money.of("548.27"),
        null,
        null);
    f.droit(
        Prestation.PPA,
        YearMonth.of(2021, 1),
        YearMonth.of(2023, 3),
        EtatDroit.FERME,
        Money.of("186.30"),
        "Cessation d'activité professionnelle",
        null);
    f.droit(
        Prestation.PAJE,
        YearMonth.of(2020, 3),
        YearMonth.of(2023, 1),
        EtatDroit.FERME,
        PAJE_BASE,
        "Enfant ayant atteint l'âge de 3 ans",
        null);
    f.creance(
        "IND-2023-000417",
        Prestation.PPA,
        LocalDate.of(2023, 6, 12),
        "486.30",
        EtatCreance.EN_COURS,
        Modalite.RETENUE_SUR_PRESTATIONS,
        "40.53",
        YearMonth.of(2025, 11));
    f.creance(
        "IND-2021-000098",
        Prestation.APL,
        LocalDate.of(2021, 2, 8),
        "124.00",
        EtatCreance.SOLDEE,
        Modalite.VERSEMENT,
        "62.00",
        YearMonth.of(2021, 3));
    f.revenusN2 = Money.of("14250.00");
    f.declarations("310.00", "0.00", "0.00", "0.00", "455.50", "0.00", "120.00", "0.00");
    f.rsa =
        new DossierRsa(
            EtatRsa.OUVERT_VERSABLE,
            Optional.of(NatureRsa.SOCLE),
            Optional.of(Money.of("548.27")),
            Optional.of(LocalDate.of(2023, 4, 1)),
            Optional.of(Orientation.SOCIO_PROFESSIONNELLE),
            Optional.of(
                new Referent(
                    "Espace parisien pour l'insertion Exemple", Optional.of("Mme MAQUETTE"))));
    f.courrier(
        LocalDate.of(2026, 9, 15),
        "Attestation de quotient familial envoyée",
        Canal.ESPACE_PERSONNEL);
    f.courrier(
        LocalDate.of(2025, 10, 20), "Demande de pièces justificatives : bail", Canal.COURRIER);
    return f.build();
  }

  /** Single parent: ASF and RSA majoré, private rental with ALF paid to her. */
  private static SyntheticDossier parentIsoleAsfRsaMajore(Random rnd) {
    Foyer f = new Foyer(rnd, "751", "9900002", "Parent isolé : ASF et RSA majoré");
    f.situation(SituationFamiliale.SEP, LocalDate.of(2021, 11, 3));
    f.dem = f.person('F', "Nadia", "SPECIMEN", LocalDate.of(1993, 7, 30));
    f.enfants.add(f.person('F', "Inès", "SPECIMEN", LocalDate.of(2019, 4, 17)));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2019, 5, 1);
    f.derniereModification = LocalDate.of(2026, 7, 8);
    f.historyStart = YearMonth.of(2021, 12);
    f.ars = true;
    f.logement =
        new Logement(
            TypeLogement.LOCATAIRE_PARC_PRIVE,
            Optional.of(Money.of("780.00")),
            Optional.of(Money.of("60.00")),
            Optional.of(
                new Bailleur("Agence Immobilière du Modèle", Optional.of(TypeBailleur.PRIVE))),
            Optional.of(Prestation.ALF),
            false);
    f.droit(
        Prestation.ASF, YearMonth.of(2021, 12), null, EtatDroit.OUVERT, ASF_PER_CHILD, null, null);
    f.droit(
        Prestation.RSA,
        YearMonth.of(2021, 12),
        null,
        EtatDroit.OUVERT,
        Money.of("786.10"),
        null,
        null);
    f.droit(
        Prestation.ALF,
        YearMonth.of(2021, 12),
        null,
        EtatDroit.OUVERT,
        Money.of("286.12"),
        null,
        null);
    f.droit(
        Prestation.PAJE,
        YearMonth.of(2019, 5),
        YearMonth.of(2022, 3),
        EtatDroit.FERME,
        PAJE_BASE,
        "Enfant ayant atteint l'âge de 3 ans",
        null);
    f.revenusN2 = Money.of("3120.00");
    f.declarations("0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00");
    f.rsa =
        new DossierRsa(
            EtatRsa.OUVERT_VERSABLE,
            Optional.of(NatureRsa.MAJORE),
            Optional.of(Money.of("786.10")),
            Optional.of(LocalDate.of(2021, 12, 1)),
            Optional.of(Orientation.SOCIALE),
            Optional.of(new Referent("Service social départemental Exemple", Optional.empty())));
    return f.build();
  }

  /** Social tenant, alone, AAH, APL paid to the HLM office. No RSA. */
  private static SyntheticDossier locataireAplTiersPayant(Random rnd) {
    Foyer f = new Foyer(rnd, "751", "9900003", "Locataire HLM : APL en tiers payant au bailleur");
    f.situation(SituationFamiliale.CEL, null);
    f.dem = f.person('M', "Karim", "PROTOTYPE", LocalDate.of(1979, 1, 23));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2010, 2, 1);
    f.derniereModification = LocalDate.of(2026, 4, 2);
    f.historyStart = YearMonth.of(2023, 9);
    String bailleur = "Office Public de l'Habitat Exemple";
    f.logement =
        new Logement(
            TypeLogement.LOCATAIRE_PARC_SOCIAL,
            Optional.of(Money.of("498.33")),
            Optional.of(Money.of("72.00")),
            Optional.of(new Bailleur(bailleur, Optional.of(TypeBailleur.SOCIAL))),
            Optional.of(Prestation.APL),
            true);
    f.droit(Prestation.AAH, YearMonth.of(2014, 6), null, EtatDroit.OUVERT, AAH, null, null);
    f.droit(
        Prestation.APL,
        YearMonth.of(2015, 3),
        null,
        EtatDroit.OUVERT,
        Money.of("289.70"),
        null,
        bailleur);
    f.revenusN2 = Money.of("12192.60");
    return f.build();
  }

  /** Closed dossier: every right FERME, RSA closed, no housing information. */
  private static SyntheticDossier droitsFermes(Random rnd) {
    Foyer f =
        new Foyer(
            rnd, "751", "9900004", "Dossier radié : droits fermés, sans information logement");
    f.situation(SituationFamiliale.CEL, null);
    f.dem = f.person('M', "Julien", "MAQUETTE", LocalDate.of(1990, 10, 5));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2013, 10, 1);
    f.statut = StatutDossier.RADIE;
    f.derniereModification = LocalDate.of(2025, 7, 18);
    f.historyStart = YearMonth.of(2022, 1);
    f.droit(
        Prestation.ALS,
        YearMonth.of(2019, 10),
        YearMonth.of(2025, 6),
        EtatDroit.FERME,
        Money.of("201.37"),
        "Départ du logement",
        null);
    f.droit(
        Prestation.PPA,
        YearMonth.of(2022, 4),
        YearMonth.of(2024, 12),
        EtatDroit.FERME,
        Money.of("142.81"),
        "Ressources supérieures au plafond",
        null);
    f.droit(
        Prestation.RSA,
        YearMonth.of(2019, 10),
        YearMonth.of(2022, 3),
        EtatDroit.FERME,
        Money.of("534.93"),
        "Reprise d'activité",
        null);
    f.revenusN2 = Money.of("21480.00");
    f.qf = false;
    f.rsa =
        new DossierRsa(
            EtatRsa.CLOS,
            Optional.of(NatureRsa.SOCLE),
            Optional.empty(),
            Optional.of(LocalDate.of(2019, 10, 1)),
            Optional.empty(),
            Optional.empty());
    f.courrier(
        LocalDate.of(2025, 7, 18),
        "Radiation du dossier : mutation vers une autre CAF",
        Canal.COURRIER);
    return f.build();
  }

  /** Same numéro as the demo dossier, another CAF: a numéro is unique only within its CAF. */
  private static SyntheticDossier homonymeAutreCaf(Random rnd) {
    Foyer f =
        new Foyer(rnd, "131", "9900001", "Même numéro que le dossier de démonstration, autre CAF");
    f.situation(SituationFamiliale.MAR, LocalDate.of(2009, 6, 20));
    f.dem = f.person('M', "Paul", "MODELE", LocalDate.of(1975, 2, 14));
    f.cjt = f.person('F', "Claire", "MODELE", LocalDate.of(1977, 9, 1));
    f.enfants.add(f.person('M', "Louis", "MODELE", LocalDate.of(2011, 3, 3)));
    f.enfants.add(f.person('F', "Emma", "MODELE", LocalDate.of(2013, 12, 24)));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2011, 4, 1);
    f.derniereModification = LocalDate.of(2026, 1, 9);
    f.historyStart = YearMonth.of(2023, 9);
    f.ars = true;
    f.logement =
        new Logement(
            TypeLogement.ACCEDANT,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false);
    f.droit(Prestation.AF, YearMonth.of(2014, 1), null, EtatDroit.OUVERT, AF_2, null, null);
    f.revenusN2 = Money.of("41200.00");
    return f.build();
  }

  /** Five children, ten years of monthly payments: hundreds of lines to page through. */
  private static SyntheticDossier familleNombreuseDixAns(Random rnd) {
    Foyer f = new Foyer(rnd, "131", "9900005", "Famille nombreuse : dix ans d'historique");
    f.situation(SituationFamiliale.MAR, LocalDate.of(2005, 8, 27));
    f.dem = f.person('F', "Fatima", "DEMONSTRATION", LocalDate.of(1982, 5, 9));
    f.cjt = f.person('M', "Rachid", "DEMONSTRATION", LocalDate.of(1980, 12, 30));
    f.enfants.add(f.person('M', "Yanis", "DEMONSTRATION", LocalDate.of(2007, 1, 15)));
    f.enfants.add(f.person('F', "Amina", "DEMONSTRATION", LocalDate.of(2009, 9, 2)));
    f.enfants.add(f.person('M', "Samir", "DEMONSTRATION", LocalDate.of(2011, 6, 11)));
    f.enfants.add(f.person('F', "Aïcha", "DEMONSTRATION", LocalDate.of(2013, 10, 25)));
    f.enfants.add(f.person('M', "Nathan", "DEMONSTRATION", LocalDate.of(2015, 4, 4)));
    f.adresse =
        new Adresse("7 boulevard de la Démonstration", Optional.empty(), "13014", "Marseille");
    f.affiliation = LocalDate.of(2007, 2, 1);
    f.derniereModification = LocalDate.of(2026, 9, 3);
    f.historyStart = YearMonth.of(2016, 9);
    f.ars = true;
    String bailleur = "Office Public de l'Habitat Exemple Provence";
    f.logement =
        new Logement(
            TypeLogement.LOCATAIRE_PARC_SOCIAL,
            Optional.of(Money.of("702.15")),
            Optional.of(Money.of("128.00")),
            Optional.of(new Bailleur(bailleur, Optional.of(TypeBailleur.SOCIAL))),
            Optional.of(Prestation.APL),
            true);
    f.droit(Prestation.AF, YearMonth.of(2015, 5), null, EtatDroit.OUVERT, af(5), null, null);
    f.droit(Prestation.CF, YearMonth.of(2015, 5), null, EtatDroit.OUVERT, CF, null, null);
    f.droit(
        Prestation.APL,
        YearMonth.of(2012, 7),
        null,
        EtatDroit.OUVERT,
        Money.of("402.16"),
        null,
        bailleur);
    f.droit(
        Prestation.PPA,
        YearMonth.of(2019, 1),
        null,
        EtatDroit.OUVERT,
        Money.of("213.44"),
        null,
        null);
    f.revenusN2 = Money.of("23760.00");
    f.declarations("4120.00", "0.00", "4120.00", "0.00", "4350.00", "0.00", "4350.00", "0.00");
    return f.build();
  }

  /** An indu of ALF repaid by retenue on benefits, and a contested PPA indu. */
  private static SyntheticDossier indueRetenue(Random rnd) {
    Foyer f = new Foyer(rnd, "131", "9900006", "Indu d'allocation logement remboursé par retenue");
    f.situation(SituationFamiliale.MAR, LocalDate.of(2012, 7, 7));
    f.dem = f.person('M', "Mehdi", "ESSAI", LocalDate.of(1985, 8, 19));
    f.cjt = f.person('F', "Sarah", "ESSAI", LocalDate.of(1987, 3, 28));
    f.enfants.add(f.person('F', "Chloé", "ESSAI", LocalDate.of(2014, 11, 6)));
    f.enfants.add(f.person('M', "Jules", "ESSAI", LocalDate.of(2018, 1, 31)));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2014, 12, 1);
    f.derniereModification = LocalDate.of(2026, 8, 21);
    f.historyStart = YearMonth.of(2023, 9);
    f.ars = true;
    f.logement =
        new Logement(
            TypeLogement.LOCATAIRE_PARC_PRIVE,
            Optional.of(Money.of("845.00")),
            Optional.of(Money.of("55.00")),
            Optional.of(new Bailleur("SCI du Spécimen", Optional.of(TypeBailleur.PRIVE))),
            Optional.of(Prestation.ALF),
            false);
    f.droit(Prestation.AF, YearMonth.of(2018, 2), null, EtatDroit.OUVERT, AF_2, null, null);
    f.droit(
        Prestation.ALF,
        YearMonth.of(2016, 3),
        null,
        EtatDroit.OUVERT,
        Money.of("264.38"),
        null,
        null);
    f.droit(
        Prestation.PPA,
        YearMonth.of(2020, 6),
        null,
        EtatDroit.OUVERT,
        Money.of("231.07"),
        null,
        null);
    f.creance(
        "IND-2025-001240",
        Prestation.ALF,
        LocalDate.of(2025, 3, 18),
        "1240.00",
        EtatCreance.EN_COURS,
        Modalite.RETENUE_SUR_PRESTATIONS,
        "62.00",
        YearMonth.of(2025, 5));
    f.creance(
        "IND-2026-000311",
        Prestation.PPA,
        LocalDate.of(2026, 6, 2),
        "310.00",
        EtatCreance.CONTESTEE,
        null,
        null,
        null);
    f.revenusN2 = Money.of("27850.00");
    f.declarations("5210.00", "0.00", "5320.00", "0.00", "4980.00", "0.00", "5400.00", "0.00");
    return f.build();
  }

  /** Single adult on RSA, housed by relatives: housing known, no rent. */
  private static SyntheticDossier rsaHeberge(Random rnd) {
    Foyer f = new Foyer(rnd, "131", "9900007", "RSA socle, personne hébergée");
    f.situation(SituationFamiliale.CEL, null);
    f.dem = f.person('M', "Lucas", "FICTIF", LocalDate.of(1999, 12, 1));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2024, 2, 1);
    f.derniereModification = LocalDate.of(2026, 7, 1);
    f.historyStart = YearMonth.of(2024, 2);
    f.logement =
        new Logement(
            TypeLogement.HEBERGE,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false);
    f.droit(
        Prestation.RSA,
        YearMonth.of(2024, 2),
        null,
        EtatDroit.OUVERT,
        Money.of("559.43"),
        null,
        null);
    f.revenusN2 = Money.of("0.00");
    f.declarations("0.00", "0.00", "0.00", "85.00", "0.00", "0.00", "0.00", "0.00");
    f.rsa =
        new DossierRsa(
            EtatRsa.OUVERT_VERSABLE,
            Optional.of(NatureRsa.SOCLE),
            Optional.of(Money.of("559.43")),
            Optional.of(LocalDate.of(2024, 2, 1)),
            Optional.of(Orientation.PROFESSIONNELLE),
            Optional.of(new Referent("France Travail — agence Exemple", Optional.of("M. ESSAI"))));
    return f.build();
  }

  /** Working couple without children: prime d'activité and ALS. No RSA. */
  private static SyntheticDossier couplePrimeActivite(Random rnd) {
    Foyer f = new Foyer(rnd, "131", "9900008", "Couple sans enfant : prime d'activité et ALS");
    f.situation(SituationFamiliale.PAC, LocalDate.of(2022, 3, 19));
    f.dem = f.person('F', "Julie", "MODELE", LocalDate.of(1996, 6, 6));
    f.cjt = f.person('M', "Théo", "PROTOTYPE", LocalDate.of(1995, 2, 22));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2018, 9, 1);
    f.derniereModification = LocalDate.of(2026, 7, 15);
    f.historyStart = YearMonth.of(2023, 9);
    f.logement =
        new Logement(
            TypeLogement.LOCATAIRE_PARC_PRIVE,
            Optional.of(Money.of("690.00")),
            Optional.of(Money.of("40.00")),
            Optional.of(
                new Bailleur("Agence Immobilière du Modèle", Optional.of(TypeBailleur.PRIVE))),
            Optional.of(Prestation.ALS),
            false);
    f.droit(
        Prestation.ALS,
        YearMonth.of(2022, 4),
        null,
        EtatDroit.OUVERT,
        Money.of("178.40"),
        null,
        null);
    f.droit(
        Prestation.PPA,
        YearMonth.of(2022, 4),
        null,
        EtatDroit.OUVERT,
        Money.of("264.90"),
        null,
        null);
    f.revenusN2 = Money.of("24310.00");
    f.declarations("3860.00", "0.00", "3920.00", "0.00", "3950.00", "0.00", "4010.00", "0.00");
    return f.build();
  }

  /** Birth: PAJE, a baby whose NIR is not registered yet, APL accession paid to the lender. */
  private static SyntheticDossier naissancePaje(Random rnd) {
    Foyer f = new Foyer(rnd, "691", "9900009", "Naissance : PAJE, accession à la propriété");
    f.situation(SituationFamiliale.PAC, LocalDate.of(2019, 9, 13));
    f.dem = f.person('F', "Élodie", "ESSAI", LocalDate.of(1992, 1, 10));
    f.cjt = f.person('M', "Antoine", "FICTIF", LocalDate.of(1991, 4, 29));
    f.enfants.add(f.person('M', "Paul", "ESSAI", LocalDate.of(2021, 8, 8)));
    Person bebe = f.person('F', "Jeanne", "ESSAI", LocalDate.of(2026, 6, 2));
    f.enfants.add(new Person(bebe.sexe, bebe.prenom, bebe.nom, bebe.naissance, false));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2021, 9, 1);
    f.derniereModification = LocalDate.of(2026, 7, 4);
    f.historyStart = YearMonth.of(2023, 9);
    String preteur = "Crédit Immobilier Exemple";
    f.logement =
        new Logement(
            TypeLogement.ACCEDANT,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Prestation.APL),
            true);
    f.droit(
        Prestation.PAJE,
        YearMonth.of(2021, 9),
        YearMonth.of(2024, 7),
        EtatDroit.FERME,
        PAJE_BASE,
        "Enfant ayant atteint l'âge de 3 ans",
        null);
    f.droit(Prestation.PAJE, YearMonth.of(2026, 7), null, EtatDroit.OUVERT, PAJE_BASE, null, null);
    f.droit(Prestation.AF, YearMonth.of(2026, 7), null, EtatDroit.OUVERT, AF_2, null, null);
    f.droit(
        Prestation.APL,
        YearMonth.of(2023, 1),
        null,
        EtatDroit.OUVERT,
        Money.of("145.20"),
        null,
        preteur);
    f.revenusN2 = Money.of("38900.00");
    return f.build();
  }

  /** Divorced parent, two children, one with AEEH; ALF paid to a social landlord. */
  private static SyntheticDossier enfantHandicape(Random rnd) {
    Foyer f = new Foyer(rnd, "691", "9900010", "Parent divorcé : AEEH pour un enfant");
    f.situation(SituationFamiliale.DIV, LocalDate.of(2020, 1, 15));
    f.dem = f.person('F', "Sophie", "PROTOTYPE", LocalDate.of(1984, 7, 3));
    f.enfants.add(f.person('M', "Nicolas", "PROTOTYPE", LocalDate.of(2012, 2, 18)));
    f.enfants.add(f.person('F', "Manon", "PROTOTYPE", LocalDate.of(2016, 10, 9)));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2012, 3, 1);
    f.derniereModification = LocalDate.of(2026, 5, 27);
    f.historyStart = YearMonth.of(2023, 9);
    f.ars = true;
    String bailleur = "Rhône Habitat Démonstration";
    f.logement =
        new Logement(
            TypeLogement.LOCATAIRE_PARC_SOCIAL,
            Optional.of(Money.of("534.20")),
            Optional.of(Money.of("88.00")),
            Optional.of(new Bailleur(bailleur, Optional.of(TypeBailleur.SOCIAL))),
            Optional.of(Prestation.ALF),
            true);
    f.droit(Prestation.AF, YearMonth.of(2016, 11), null, EtatDroit.OUVERT, AF_2, null, null);
    f.droit(Prestation.AEEH, YearMonth.of(2019, 9), null, EtatDroit.OUVERT, AEEH_BASE, null, null);
    f.droit(
        Prestation.ALF,
        YearMonth.of(2020, 2),
        null,
        EtatDroit.OUVERT,
        Money.of("231.85"),
        null,
        bailleur);
    f.revenusN2 = Money.of("19870.00");
    return f.build();
  }

  /** RSA suspended for a missing quarterly declaration. */
  private static SyntheticDossier rsaSuspendu(Random rnd) {
    Foyer f =
        new Foyer(rnd, "691", "9900011", "RSA suspendu : déclaration trimestrielle manquante");
    f.situation(SituationFamiliale.CEL, null);
    f.dem = f.person('F', "Aïcha", "MAQUETTE", LocalDate.of(1987, 11, 11));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2020, 10, 1);
    f.derniereModification = LocalDate.of(2026, 5, 12);
    f.historyStart = YearMonth.of(2023, 9);
    f.logement =
        new Logement(
            TypeLogement.LOCATAIRE_PARC_PRIVE,
            Optional.of(Money.of("560.00")),
            Optional.of(Money.of("35.00")),
            Optional.of(
                new Bailleur("Agence Immobilière du Modèle", Optional.of(TypeBailleur.PRIVE))),
            Optional.of(Prestation.ALS),
            false);
    f.droit(
        Prestation.RSA,
        YearMonth.of(2020, 10),
        YearMonth.of(2026, 5),
        EtatDroit.SUSPENDU,
        Money.of("512.66"),
        null,
        null);
    f.droit(
        Prestation.ALS,
        YearMonth.of(2020, 10),
        null,
        EtatDroit.OUVERT,
        Money.of("214.02"),
        null,
        null);
    f.revenusN2 = Money.of("2450.00");
    f.declarations("0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00");
    f.rsa =
        new DossierRsa(
            EtatRsa.OUVERT_SUSPENDU,
            Optional.of(NatureRsa.SOCLE),
            Optional.of(Money.of("512.66")),
            Optional.of(LocalDate.of(2020, 10, 1)),
            Optional.of(Orientation.PROFESSIONNELLE),
            Optional.of(new Referent("France Travail — agence Exemple", Optional.empty())));
    f.courrier(
        LocalDate.of(2026, 5, 12),
        "Suspension du RSA : déclaration trimestrielle non reçue",
        Canal.COURRIER);
    return f.build();
  }

  /** Widow in a résidence autonomie, ALS paid to the residence. No RSA. */
  private static SyntheticDossier veuveFoyerAls(Random rnd) {
    Foyer f = new Foyer(rnd, "691", "9900012", "Personne veuve en foyer-logement : ALS");
    f.situation(SituationFamiliale.VEU, LocalDate.of(2018, 2, 2));
    f.dem = f.person('F', "Jeanne", "FICTIF", LocalDate.of(1946, 4, 14));
    f.adresse =
        new Adresse(
            "2 allée de l'Essai", Optional.of("Résidence autonomie, logement 15"), "69008", "Lyon");
    f.affiliation = LocalDate.of(2019, 1, 1);
    f.derniereModification = LocalDate.of(2026, 1, 20);
    f.historyStart = YearMonth.of(2023, 9);
    String residence = "Résidence autonomie Les Essais";
    f.logement =
        new Logement(
            TypeLogement.FOYER,
            Optional.of(Money.of("540.00")),
            Optional.empty(),
            Optional.of(new Bailleur(residence, Optional.of(TypeBailleur.SOCIAL))),
            Optional.of(Prestation.ALS),
            true);
    f.droit(
        Prestation.ALS,
        YearMonth.of(2019, 1),
        null,
        EtatDroit.OUVERT,
        Money.of("163.58"),
        null,
        residence);
    f.revenusN2 = Money.of("11740.00");
    return f.build();
  }

  private static SyntheticDossier bordeauxCouple(Random rnd) {
    Foyer f = new Foyer(rnd, "331", "9900013", "CAF de la Gironde : couple avec deux enfants");
    f.situation(SituationFamiliale.MAR, LocalDate.of(2014, 9, 6));
    f.dem = f.person('M', "David", "SPECIMEN", LocalDate.of(1983, 3, 3));
    f.cjt = f.person('F', "Lucie", "SPECIMEN", LocalDate.of(1985, 12, 12));
    f.enfants.add(f.person('F', "Camille", "SPECIMEN", LocalDate.of(2015, 5, 5)));
    f.enfants.add(f.person('M', "Hugo", "SPECIMEN", LocalDate.of(2018, 8, 18)));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2015, 6, 1);
    f.derniereModification = LocalDate.of(2026, 3, 3);
    f.historyStart = YearMonth.of(2023, 9);
    f.ars = true;
    String bailleur = "Gironde Habitat Exemple";
    f.logement =
        new Logement(
            TypeLogement.LOCATAIRE_PARC_SOCIAL,
            Optional.of(Money.of("588.00")),
            Optional.of(Money.of("90.00")),
            Optional.of(new Bailleur(bailleur, Optional.of(TypeBailleur.SOCIAL))),
            Optional.of(Prestation.APL),
            true);
    f.droit(Prestation.AF, YearMonth.of(2018, 9), null, EtatDroit.OUVERT, AF_2, null, null);
    f.droit(
        Prestation.APL,
        YearMonth.of(2017, 1),
        null,
        EtatDroit.OUVERT,
        Money.of("268.91"),
        null,
        bailleur);
    f.revenusN2 = Money.of("25600.00");
    return f.build();
  }

  private static SyntheticDossier bordeauxAah(Random rnd) {
    Foyer f = new Foyer(rnd, "331", "9900014", "CAF de la Gironde : AAH, personne seule");
    f.situation(SituationFamiliale.CEL, null);
    f.dem = f.person('M', "Mathieu", "ESSAI", LocalDate.of(1972, 9, 27));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2008, 1, 1);
    f.derniereModification = LocalDate.of(2026, 4, 14);
    f.historyStart = YearMonth.of(2023, 9);
    f.logement =
        new Logement(
            TypeLogement.LOCATAIRE_PARC_PRIVE,
            Optional.of(Money.of("515.00")),
            Optional.of(Money.of("30.00")),
            Optional.of(new Bailleur("SCI du Spécimen", Optional.of(TypeBailleur.PRIVE))),
            Optional.of(Prestation.ALS),
            false);
    f.droit(Prestation.AAH, YearMonth.of(2009, 5), null, EtatDroit.OUVERT, AAH, null, null);
    f.droit(
        Prestation.ALS,
        YearMonth.of(2011, 2),
        null,
        EtatDroit.OUVERT,
        Money.of("187.12"),
        null,
        null);
    f.revenusN2 = Money.of("12192.60");
    return f.build();
  }

  // ---------------------------------------------------------------- seeded random households

  static SyntheticDossier randomFoyer(Random rnd, String caf, String numero) {
    int kind = rnd.nextInt(5);
    String nom = pick(rnd, Catalogue.SURNAMES);
    Foyer f = new Foyer(rnd, caf, numero, "");
    int children;
    switch (kind) {
      case 0 -> {
        f.scenario = "Foyer type : personne seule";
        f.situation(SituationFamiliale.CEL, null);
        f.dem = f.randomPerson(rnd.nextBoolean() ? 'F' : 'M', nom, 1960, 2003);
        children = 0;
      }
      case 1 -> {
        f.scenario = "Foyer type : parent isolé";
        f.situation(
            rnd.nextBoolean() ? SituationFamiliale.SEP : SituationFamiliale.DIV,
            LocalDate.of(2018 + rnd.nextInt(7), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
        f.dem = f.randomPerson(rnd.nextInt(4) == 0 ? 'M' : 'F', nom, 1980, 1998);
        children = 1 + rnd.nextInt(3);
      }
      case 2 -> {
        f.scenario = "Foyer type : couple sans enfant";
        f.situation(SituationFamiliale.PAC, LocalDate.of(2015 + rnd.nextInt(10), 6, 1));
        f.dem = f.randomPerson('F', nom, 1975, 2000);
        f.cjt = f.randomPerson('M', pick(rnd, Catalogue.SURNAMES), 1975, 2000);
        children = 0;
      }
      case 3 -> {
        f.scenario = "Foyer type : couple avec enfants";
        f.situation(SituationFamiliale.MAR, LocalDate.of(2008 + rnd.nextInt(8), 9, 1));
        f.dem = f.randomPerson('M', nom, 1975, 1992);
        f.cjt = f.randomPerson('F', nom, 1975, 1992);
        children = 1 + rnd.nextInt(4);
      }
      default -> {
        f.scenario = "Foyer type : couple avec enfants et grand-parent hébergé";
        f.situation(SituationFamiliale.VIM, LocalDate.of(2010 + rnd.nextInt(8), 3, 1));
        f.dem = f.randomPerson('F', nom, 1978, 1994);
        f.cjt = f.randomPerson('M', pick(rnd, Catalogue.SURNAMES), 1978, 1994);
        f.autres.add(f.randomPerson('F', nom, 1940, 1955));
        children = 2 + rnd.nextInt(2);
      }
    }
    // Siblings at least 15 months apart, the youngest born before the catalogue's date.
    // Siblings at least 15 months apart, the youngest born before the catalogue's date.
    int earliestChild = Math.max(f.dem.naissance.getYear() + 20, 2008);
    int span = Math.max(1, 2025 - earliestChild - 2 * (children - 1));
    LocalDate birth =
        LocalDate.of(earliestChild + rnd.nextInt(span), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    for (int i = 0; i < children && birth.isBefore(AS_OF.minusMonths(2)); i++) {
      char sexe = rnd.nextBoolean() ? 'F' : 'M';
      f.enfants.add(f.person(sexe, pick(rnd, sexe == 'F' ? PRENOMS_F : PRENOMS_M), nom, birth));
      birth = birth.plusMonths(15 + rnd.nextInt(34));
    }
    f.enfants.sort(Comparator.comparing(p -> p.naissance));
    f.adresse = f.randomAdresse();
    f.affiliation = LocalDate.of(2008 + rnd.nextInt(14), 1 + rnd.nextInt(12), 1);
    f.derniereModification = AS_OF.minusDays(5 + rnd.nextInt(300));
    f.historyStart = YearMonth.of(2023, 9);
    f.regime = rnd.nextInt(6) == 0 ? Regime.FONCTION_PUBLIQUE : Regime.GENERAL;
    YearMonth since = YearMonth.from(f.affiliation).plusMonths(1);
    boolean parentIsole = kind == 1;
    boolean poor = rnd.nextInt(3) == 0;

    long aCharge = f.enfants.stream().filter(p -> p.age(AS_OF) < 20).count();
    if (aCharge >= 2) {
      f.droit(
          Prestation.AF,
          later(since, f.enfants.get(1).naissance),
          null,
          EtatDroit.OUVERT,
          af((int) aCharge),
          null,
          null);
    }
    if (aCharge >= 3 && f.enfants.get(f.enfants.size() - 1).age(AS_OF) >= 3) {
      f.droit(
          Prestation.CF,
          later(since, LocalDate.of(2023, 1, 1)),
          null,
          EtatDroit.OUVERT,
          CF,
          null,
          null);
    }
    Person youngest = f.enfants.isEmpty() ? null : f.enfants.get(f.enfants.size() - 1);
    if (youngest != null && youngest.age(AS_OF) < 3) {
      f.droit(
          Prestation.PAJE,
          later(since, youngest.naissance),
          null,
          EtatDroit.OUVERT,
          PAJE_BASE,
          null,
          null);
    }
    if (parentIsole && rnd.nextBoolean()) {
      f.droit(
          Prestation.ASF,
          later(since, f.dateSituation),
          null,
          EtatDroit.OUVERT,
          Money.cents(ASF_PER_CHILD.multiply(BigDecimal.valueOf(children))),
          null,
          null);
    }
    f.ars = f.enfants.stream().anyMatch(p -> p.age(AS_OF) >= 5 && p.age(AS_OF) <= 18);

    int housing = rnd.nextInt(4);
    YearMonth housingSince =
        later(since, LocalDate.of(2015 + rnd.nextInt(9), 1 + rnd.nextInt(12), 1));
    String euros = (200 + rnd.nextInt(150)) + "." + (10 + rnd.nextInt(90));
    if (housing == 0) {
      String bailleur =
          pick(
              rnd,
              List.of(
                  "Office Public de l'Habitat Exemple",
                  "Société HLM Spécimen",
                  "Habitat Social Fictif"));
      f.logement =
          new Logement(
              TypeLogement.LOCATAIRE_PARC_SOCIAL,
              Optional.of(Money.of((420 + rnd.nextInt(250)) + ".00")),
              Optional.of(Money.of((50 + rnd.nextInt(70)) + ".00")),
              Optional.of(new Bailleur(bailleur, Optional.of(TypeBailleur.SOCIAL))),
              Optional.of(Prestation.APL),
              true);
      f.droit(
          Prestation.APL, housingSince, null, EtatDroit.OUVERT, Money.of(euros), null, bailleur);
    } else if (housing == 1) {
      Prestation aide = f.enfants.isEmpty() ? Prestation.ALS : Prestation.ALF;
      boolean tiers = rnd.nextBoolean();
      String bailleur = "Agence Immobilière du Modèle";
      f.logement =
          new Logement(
              TypeLogement.LOCATAIRE_PARC_PRIVE,
              Optional.of(Money.of((550 + rnd.nextInt(400)) + ".00")),
              Optional.of(Money.of((30 + rnd.nextInt(60)) + ".00")),
              Optional.of(new Bailleur(bailleur, Optional.of(TypeBailleur.PRIVE))),
              Optional.of(aide),
              tiers);
      f.droit(
          aide,
          housingSince,
          null,
          EtatDroit.OUVERT,
          Money.of(euros),
          null,
          tiers ? bailleur : null);
    } else if (housing == 2) {
      f.logement =
          new Logement(
              TypeLogement.ACCEDANT,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              false);
    } else {
      f.logement =
          new Logement(
              TypeLogement.HEBERGE,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              false);
    }

    if (poor) {
      YearMonth rsaSince =
          later(since, LocalDate.of(2022 + rnd.nextInt(3), 1 + rnd.nextInt(12), 1));
      BigDecimal montant = Money.of((380 + rnd.nextInt(420)) + "." + (10 + rnd.nextInt(90)));
      f.droit(Prestation.RSA, rsaSince, null, EtatDroit.OUVERT, montant, null, null);
      f.rsa =
          new DossierRsa(
              EtatRsa.OUVERT_VERSABLE,
              Optional.of(parentIsole ? NatureRsa.MAJORE : NatureRsa.SOCLE),
              Optional.of(montant),
              Optional.of(rsaSince.atDay(1)),
              Optional.of(Orientation.SOCIALE),
              Optional.of(
                  new Referent("Centre communal d'action sociale Exemple", Optional.empty())));
      f.revenusN2 = Money.of((rnd.nextInt(6000)) + ".00");
      f.declarations("0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00");
    } else {
      // Housing aid goes with modest income; without it, anything from modest to comfortable.
      boolean aideLogement = f.droits.stream().anyMatch(d -> d.prestation().isAideLogement());
      f.revenusN2 =
          Money.of((aideLogement ? 9000 + rnd.nextInt(12000) : 16000 + rnd.nextInt(30000)) + ".00");
      if (rnd.nextBoolean()) {
        f.droit(
            Prestation.PPA,
            later(since, LocalDate.of(2021, 1 + rnd.nextInt(12), 1)),
            null,
            EtatDroit.OUVERT,
            Money.of((90 + rnd.nextInt(200)) + "." + (10 + rnd.nextInt(90))),
            null,
            null);
        String a = (1200 + rnd.nextInt(2500)) + ".00";
        String b = (1200 + rnd.nextInt(2500)) + ".00";
        f.declarations(a, "0.00", b, "0.00", a, "0.00", b, "0.00");
      }
    }
    if (f.droits.isEmpty()) {
      // A household with a dossier has had some right: an old prime d'activité, now closed.
      f.droit(
          Prestation.PPA,
          later(since, LocalDate.of(2021, 1 + rnd.nextInt(12), 1)),
          YearMonth.of(2024, 1 + rnd.nextInt(12)),
          EtatDroit.FERME,
          Money.of((60 + rnd.nextInt(120)) + "." + (10 + rnd.nextInt(90))),
          "Ressources supérieures au plafond",
          null);
    }
    return f.build();
  }

  // ---------------------------------------------------------------- helpers

  static BigDecimal af(int children) {
    if (children < 2) {
      return Money.of("0.00");
    }
    if (children == 2) {
      return AF_2;
    }
    return AF_3.add(AF_EACH_MORE.multiply(BigDecimal.valueOf(children - 3L)));
  }

  private static YearMonth later(YearMonth a, LocalDate b) {
    YearMonth yb = YearMonth.from(b).plusMonths(1);
    return a.isAfter(yb) ? a : yb;
  }

  private static <T> T pick(Random rnd, List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  static String libelle(Prestation p) {
    return LIBELLES.getOrDefault(p, p.name());
  }

  /** The Friday before when the 5th falls on a week-end: CAFs pay on working days. */
  static LocalDate workingDay(LocalDate d) {
    if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
      return d.minusDays(1);
    }
    if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return d.minusDays(2);
    }
    return d;
  }

  static String nir(char sexe, LocalDate naissance, String departement, int ordre) {
    String thirteen =
        (sexe == 'F' || sexe == '2' ? "2" : "1")
            + pad(naissance.getYear() % 100, 2)
            + pad(naissance.getMonthValue(), 2)
            + departement
            + "999"
            + pad(ordre, 3);
    return thirteen + pad(Nir.key(thirteen), 2);
  }

  /** Zero-padded digits, as String.format("%0nd") but without its cost in the generator. */
  private static String pad(int value, int width) {
    String digits = Integer.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  private record Person(char sexe, String prenom, String nom, LocalDate naissance, boolean nir) {
    int age(LocalDate at) {
      return java.time.Period.between(naissance, at).getYears();
    }
  }

  private record DroitSpec(
      Prestation prestation,
      YearMonth debut,
      YearMonth fin,
      EtatDroit etat,
      BigDecimal montant,
      String motifFin,
      String tiers) {
    /** Last month paid: the end of a closed right, the month before a suspension. */
    YearMonth paidUntil() {
      return switch (etat) {
        case OUVERT -> LAST_PERIOD;
        case FERME -> fin;
        case SUSPENDU -> fin.minusMonths(1);
      };
    }
  }

  private record CreanceSpec(
      String id,
      Prestation prestation,
      LocalDate notification,
      BigDecimal initial,
      EtatCreance etat,
      Modalite modalite,
      BigDecimal mensualite,
      YearMonth planDebut) {}

  /** A mutable line while the retenues are applied. */
  private static final class Ligne {
    final LocalDate date;
    final Prestation prestation;
    final YearMonth periode;
    BigDecimal montant;
    final String tiers;
    BigDecimal retenue;

    Ligne(
        LocalDate date,
        Prestation prestation,
        YearMonth periode,
        BigDecimal montant,
        String tiers) {
      this.date = date;
      this.prestation = prestation;
      this.periode = periode;
      this.montant = montant;
      this.tiers = tiers;
    }

    Paiement toPaiement() {
      return new Paiement(
          date,
          prestation,
          periode,
          montant,
          tiers == null ? Beneficiaire.ALLOCATAIRE : Beneficiaire.TIERS,
          Optional.ofNullable(tiers),
          Optional.ofNullable(retenue));
    }
  }

  /** A household description from which every tab is derived. */
  private static final class Foyer {
    final Random rnd;
    final String caf;
    final String numero;
    String scenario;
    SituationFamiliale situation = SituationFamiliale.CEL;
    LocalDate dateSituation;
    Person dem;
    Person cjt;
    final List<Person> enfants = new ArrayList<>();
    final List<Person> autres = new ArrayList<>();
    Adresse adresse;
    LocalDate affiliation;
    Regime regime = Regime.GENERAL;
    StatutDossier statut = StatutDossier.ACTIF;
    LocalDate derniereModification;
    YearMonth historyStart;
    boolean ars;
    boolean qf = true;
    final List<DroitSpec> droits = new ArrayList<>();
    final List<CreanceSpec> creances = new ArrayList<>();
    BigDecimal revenusN2;
    final List<DeclarationTrimestrielle> declarations = new ArrayList<>();
    DossierRsa rsa;
    Logement logement;
    final List<Courrier> courriers = new ArrayList<>();

    Foyer(Random rnd, String caf, String numero, String scenario) {
      this.rnd = rnd;
      this.caf = caf;
      this.numero = numero;
      this.scenario = scenario;
    }

    void situation(SituationFamiliale s, LocalDate since) {
      this.situation = s;
      this.dateSituation = since;
    }

    Person person(char sexe, String prenom, String nom, LocalDate naissance) {
      return new Person(sexe, prenom, nom, naissance, true);
    }

    Person randomPerson(char sexe, String nom, int fromYear, int toYear) {
      LocalDate born =
          LocalDate.of(
              fromYear + rnd.nextInt(toYear - fromYear + 1),
              1 + rnd.nextInt(12),
              1 + rnd.nextInt(28));
      return person(sexe, pick(rnd, sexe == 'F' ? PRENOMS_F : PRENOMS_M), nom, born);
    }

    Adresse randomAdresse() {
      String rue = (1 + rnd.nextInt(120)) + " " + pick(rnd, RUES);
      Optional<String> ligne2 =
          rnd.nextInt(3) == 0
              ? Optional.of(
                  "Bâtiment "
                      + (char) ('A' + rnd.nextInt(5))
                      + ", appartement "
                      + (1 + rnd.nextInt(60)))
              : Optional.empty();
      return switch (caf.substring(0, 2)) {
        case "75" ->
            new Adresse(rue, ligne2, String.format("750%02d", 1 + rnd.nextInt(20)), "Paris");
        case "13" ->
            new Adresse(rue, ligne2, String.format("130%02d", 1 + rnd.nextInt(16)), "Marseille");
        case "69" -> new Adresse(rue, ligne2, String.format("6900%d", 1 + rnd.nextInt(9)), "Lyon");
        default ->
            new Adresse(
                rue,
                ligne2,
                pick(rnd, List.of("33000", "33100", "33200", "33300", "33800")),
                "Bordeaux");
      };
    }

    void droit(
        Prestation p,
        YearMonth debut,
        YearMonth fin,
        EtatDroit etat,
        BigDecimal montant,
        String motifFin,
        String tiers) {
      droits.add(new DroitSpec(p, debut, fin, etat, montant, motifFin, tiers));
    }

    void creance(
        String id,
        Prestation p,
        LocalDate notification,
        String initial,
        EtatCreance etat,
        Modalite modalite,
        String mensualite,
        YearMonth planDebut) {
      creances.add(
          new CreanceSpec(
              id,
              p,
              notification,
              Money.of(initial),
              etat,
              modalite,
              mensualite == null ? null : Money.of(mensualite),
              planDebut));
    }

    /** Four quarters, oldest first: (activité, autres) pairs from July 2025 to April 2026. */
    void declarations(String... amounts) {
      YearMonth q = YearMonth.of(2025, 7);
      for (int i = 0; i + 1 < amounts.length; i += 2) {
        declarations.add(
            new DeclarationTrimestrielle(q, Money.of(amounts[i]), Money.of(amounts[i + 1])));
        q = q.plusMonths(3);
      }
    }

    void courrier(LocalDate date, String objet, Canal canal) {
      courriers.add(new Courrier(date, objet, canal));
    }

    SyntheticDossier build() {
      String dept = caf.substring(0, 2);
      List<Membre> membres = new ArrayList<>();
      membres.add(membre(Role.DEM, dem, dept, false));
      if (cjt != null) {
        membres.add(membre(Role.CJT, cjt, dept, false));
      }
      for (Person e : enfants) {
        membres.add(membre(Role.ENF, e, dept, e.age(AS_OF) < 20));
      }
      for (Person a : autres) {
        membres.add(membre(Role.AUT, a, dept, false));
      }
      int nombreEnfants = (int) enfants.stream().filter(e -> e.age(AS_OF) < 20).count();

      List<Ligne> lignes = paiements();
      List<Creance> creancesOut = creances(lignes);
      lignes.sort(
          Comparator.comparing((Ligne l) -> l.date)
              .thenComparing(l -> l.periode)
              .thenComparing(l -> l.prestation)
              .reversed());
      List<Paiement> paiements = lignes.stream().map(Ligne::toPaiement).toList();

      List<Droit> droitsOut = new ArrayList<>();
      List<PrestationMensuelle> ouvertes = new ArrayList<>();
      for (DroitSpec d : droits) {
        droitsOut.add(
            new Droit(
                d.prestation,
                d.etat,
                d.debut.atDay(1),
                d.etat == EtatDroit.FERME ? Optional.of(d.fin.atEndOfMonth()) : Optional.empty(),
                d.montant,
                Optional.ofNullable(d.motifFin)));
        if (d.etat == EtatDroit.OUVERT) {
          ouvertes.add(new PrestationMensuelle(d.prestation, LAST_PERIOD, d.montant));
        }
      }

      Optional<QuotientFamilial> quotient = Optional.empty();
      if (qf && revenusN2 != null) {
        quotient = Optional.of(new QuotientFamilial(CURRENT_MONTH, quotientFamilial()));
      }
      Ressources ressources =
          new Ressources(
              quotient,
              Optional.ofNullable(revenusN2).map(m -> new RevenusN2(AS_OF.getYear() - 2, m)),
              declarations);

      Synthese synthese =
          new Synthese(
              new Personne(dem.nom, dem.prenom), situation, nombreEnfants, quotient, ouvertes);
      Resume resume =
          new Resume(
              adresse,
              affiliation,
              regime,
              situation,
              Optional.ofNullable(dateSituation),
              statut,
              derniereModification);

      return new SyntheticDossier(
          CafCode.of(caf),
          NumeroAllocataire.of(numero),
          scenario,
          synthese,
          resume,
          paiements,
          droitsOut,
          membres,
          ressources,
          Optional.ofNullable(rsa),
          courriersDerives(),
          Optional.ofNullable(logement),
          creancesOut);
    }

    private Membre membre(Role role, Person p, String dept, boolean aCharge) {
      Optional<Nir> nir =
          p.nir
              ? Optional.of(
                  Nir.of(StandardCatalogue.nir(p.sexe, p.naissance, dept, 1 + rnd.nextInt(998))))
              : Optional.empty();
      return new Membre(role, p.nom, p.prenom, p.naissance, nir, aCharge);
    }

    private List<Ligne> paiements() {
      List<Ligne> lignes = new ArrayList<>();
      for (DroitSpec d : droits) {
        YearMonth from = d.debut.isBefore(historyStart) ? historyStart : d.debut;
        YearMonth to = d.paidUntil();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
          lignes.add(
              new Ligne(
                  workingDay(m.plusMonths(1).atDay(5)),
                  d.prestation,
                  m,
                  revalued(d.montant, m, to),
                  d.tiers));
        }
      }
      if (ars) {
        for (int y = historyStart.getYear(); y <= LAST_PERIOD.getYear(); y++) {
          YearMonth august = YearMonth.of(y, 8);
          if (august.isBefore(historyStart) || august.isAfter(LAST_PERIOD)) {
            continue;
          }
          BigDecimal total = Money.of("0.00");
          for (Person e : enfants) {
            int age = y - e.naissance.getYear();
            BigDecimal parEnfant =
                age >= 6 && age <= 10
                    ? Money.of("416.40")
                    : age >= 11 && age <= 14
                        ? Money.of("439.38")
                        : age >= 15 && age <= 18 ? Money.of("454.60") : null;
            if (parEnfant != null) {
              total = total.add(parEnfant);
            }
          }
          if (total.signum() > 0) {
            lignes.add(
                new Ligne(
                    workingDay(august.atDay(19)),
                    Prestation.ARS,
                    august,
                    revalued(total, august, LAST_PERIOD),
                    null));
          }
        }
      }
      return lignes;
    }

    /** Today's amount, brought back to month {@code m} by the April revaluations in between. */
    private static BigDecimal revalued(BigDecimal montant, YearMonth m, YearMonth reference) {
      int k = 0;
      for (int y = m.getYear(); y <= reference.getYear(); y++) {
        YearMonth april = YearMonth.of(y, 4);
        if (april.isAfter(m) && !april.isAfter(reference)) {
          k++;
        }
      }
      return k == 0 ? montant : montant.divide(revaluation(k), 2, RoundingMode.HALF_EVEN);
    }

    private List<Creance> creances(List<Ligne> lignes) {
      List<Creance> out = new ArrayList<>();
      for (CreanceSpec c : creances) {
        BigDecimal solde = c.initial;
        Optional<PlanRemboursement> plan = Optional.empty();
        EtatCreance etat = c.etat;
        if (c.modalite != null) {
          int months = c.initial.divide(c.mensualite, 0, RoundingMode.CEILING).intValue();
          YearMonth last = c.planDebut.plusMonths(months - 1L);
          plan =
              Optional.of(
                  new PlanRemboursement(
                      c.mensualite,
                      c.modalite,
                      workingDay(c.planDebut.plusMonths(1).atDay(5)),
                      Optional.of(workingDay(last.plusMonths(1).atDay(5)))));
          for (YearMonth m = c.planDebut;
              !m.isAfter(LAST_PERIOD) && solde.signum() > 0;
              m = m.plusMonths(1)) {
            BigDecimal part = solde.min(c.mensualite);
            if (c.modalite == Modalite.RETENUE_SUR_PRESTATIONS) {
              Ligne target = retenueTarget(lignes, m, part);
              if (target == null) {
                continue;
              }
              target.montant = target.montant.subtract(part);
              target.retenue = part;
            }
            solde = solde.subtract(part);
          }
          if (solde.signum() == 0) {
            etat = EtatCreance.SOLDEE;
          }
        }
        out.add(new Creance(c.id, c.prestation, c.notification, c.initial, solde, etat, plan));
      }
      return out;
    }

    /** The largest payment to the allocataire that month, which the retenue is taken from. */
    private static Ligne retenueTarget(List<Ligne> lignes, YearMonth m, BigDecimal part) {
      Ligne best = null;
      for (Ligne l : lignes) {
        if (l.periode.equals(m)
            && l.tiers == null
            && l.retenue == null
            && l.prestation != Prestation.ARS
            && l.montant.compareTo(part) >= 0
            && (best == null || l.montant.compareTo(best.montant) > 0)) {
          best = l;
        }
      }
      return best;
    }

    /** (N-2 income / 12 + monthly family benefits) / parts, the CAF's formula. */
    private BigDecimal quotientFamilial() {
      BigDecimal prestations = Money.of("0.00");
      for (DroitSpec d : droits) {
        if (d.etat == EtatDroit.OUVERT
            && switch (d.prestation) {
              case AF, CF, ASF, PAJE, AEEH -> true;
              default -> false;
            }) {
          prestations = prestations.add(d.montant);
        }
      }
      long children = enfants.stream().filter(e -> e.age(AS_OF) < 20).count();
      BigDecimal parts = cjt != null || children > 0 ? new BigDecimal("2") : BigDecimal.ONE;
      for (int i = 1; i <= children; i++) {
        parts = parts.add(i == 3 ? BigDecimal.ONE : new BigDecimal("0.5"));
      }
      BigDecimal mensuel =
          revenusN2.divide(BigDecimal.valueOf(12), 10, RoundingMode.HALF_EVEN).add(prestations);
      return mensuel.divide(parts, 2, RoundingMode.HALF_EVEN);
    }

    private List<Courrier> courriersDerives() {
      List<Courrier> out = new ArrayList<>(courriers);
      for (DroitSpec d : droits) {
        String lib = libelle(d.prestation);
        out.add(
            new Courrier(
                d.debut.atDay(8 + rnd.nextInt(12)),
                "Notification d'ouverture de droit : " + lib,
                Canal.COURRIER));
        if (d.etat == EtatDroit.FERME) {
          out.add(
              new Courrier(
                  d.fin.plusMonths(1).atDay(3 + rnd.nextInt(12)),
                  "Notification de fin de droit : " + lib,
                  Canal.COURRIER));
        }
        if (d.etat == EtatDroit.SUSPENDU) {
          out.add(new Courrier(d.fin.atDay(4), "Suspension du versement : " + lib, Canal.COURRIER));
        }
        if (d.tiers != null) {
          out.add(
              new Courrier(
                  d.debut.atDay(20),
                  "Versement de l'aide au logement à l'organisme payeur (tiers payant)",
                  Canal.COURRIER));
        }
      }
      for (CreanceSpec c : creances) {
        out.add(
            new Courrier(
                c.notification, "Notification d'indu : " + libelle(c.prestation), Canal.COURRIER));
        if (c.planDebut != null) {
          out.add(
              new Courrier(
                  c.planDebut.atDay(10), "Plan de remboursement de votre dette", Canal.COURRIER));
        }
        if (c.etat == EtatCreance.CONTESTEE) {
          out.add(
              new Courrier(
                  c.notification.plusDays(25),
                  "Accusé de réception de votre contestation",
                  Canal.EMAIL));
        }
      }
      for (DeclarationTrimestrielle q : declarations) {
        out.add(
            new Courrier(
                q.debut().plusMonths(3).atDay(1),
                "Déclaration trimestrielle de ressources à effectuer",
                Canal.ESPACE_PERSONNEL));
      }
      for (int y = historyStart.getYear() + 1; y <= AS_OF.getYear(); y++) {
        out.add(
            new Courrier(
                LocalDate.of(y, 1, 10 + rnd.nextInt(10)),
                "Relevé annuel des prestations versées en " + (y - 1),
                Canal.EMAIL));
      }
      if (dateSituation != null && !dateSituation.isBefore(affiliation)) {
        out.add(
            new Courrier(
                dateSituation.plusDays(21),
                "Changement de situation familiale pris en compte",
                Canal.ESPACE_PERSONNEL));
      }
      out.removeIf(c -> c.date().isAfter(AS_OF) || c.date().isBefore(affiliation));
      out.sort(Comparator.comparing(Courrier::date).thenComparing(Courrier::objet).reversed());
      return out;
    }
  }
}
