package net.cdapkit.testkit;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Nir;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Prestation;
import net.cdapkit.testkit.internal.fixtures.Money;

/**
 * One fictional dossier of the simulator's {@link Catalogue}: the content of its ten tabs, as the
 * contract describes them, before any narrowing for a profile.
 *
 * <p>Every value is synthetic. Amounts are {@link BigDecimal} euros with exactly two decimals;
 * months are {@link YearMonth}. Lists are immutable; {@link #paiements()} and {@link #courriers()}
 * are ordered newest first, as the server pages them. {@link #toString()} names the scenario and
 * the CAF only.
 *
 * @param caf the CAF holding the dossier
 * @param numeroAllocataire the numéro, in the reserved fictional range (see {@link Catalogue})
 * @param scenario what the fixture illustrates, e.g. {@code "Famille nombreuse, dix ans
 *     d'historique"}; not personal
 * @param rsa absent when the allocataire never had an RSA dossier (the tab then answers {@code {}})
 * @param logement absent when the CAF holds no housing information
 */
public record SyntheticDossier(
    CafCode caf,
    NumeroAllocataire numeroAllocataire,
    String scenario,
    Synthese synthese,
    Resume resume,
    List<Paiement> paiements,
    List<Droit> droits,
    List<Membre> membres,
    Ressources ressources,
    Optional<DossierRsa> rsa,
    List<Courrier> courriers,
    Optional<Logement> logement,
    List<Creance> creances) {

  /**
   * Checks every part is present and copies the lists.
   *
   * @param caf the CAF holding the dossier
   * @param numeroAllocataire the numéro, in the reserved fictional range
   * @param scenario what the fixture illustrates; not personal
   * @param synthese the synthèse tab
   * @param resume the résumé tab
   * @param paiements the payments, newest first; copied
   * @param droits the rights, open and closed; copied
   * @param membres the household members; copied
   * @param ressources the ressources tab
   * @param rsa the RSA dossier, if any
   * @param courriers the letters, newest first; copied
   * @param logement the housing information, if any
   * @param creances the debts; copied
   */
  public SyntheticDossier {
    requireNonNull(caf, "caf");
    requireNonNull(numeroAllocataire, "numeroAllocataire");
    requireNonNull(scenario, "scenario");
    requireNonNull(synthese, "synthese");
    requireNonNull(resume, "resume");
    paiements = List.copyOf(paiements);
    droits = List.copyOf(droits);
    membres = List.copyOf(membres);
    requireNonNull(ressources, "ressources");
    requireNonNull(rsa, "rsa");
    courriers = List.copyOf(courriers);
    requireNonNull(logement, "logement");
    creances = List.copyOf(creances);
  }

  /** The scenario and the CAF; the numéro is masked and no name is shown. */
  @Override
  public String toString() {
    return "SyntheticDossier[caf="
        + caf
        + ", numeroAllocataire=*******, scenario="
        + scenario
        + "]";
  }

  /** CNAF family situation codes. */
  public enum SituationFamiliale {
    /** Célibataire: single. */
    CEL,
    /** Marié: married. */
    MAR,
    /** Pacsé: in a civil partnership. */
    PAC,
    /** Vie maritale: living together, unmarried. */
    VIM,
    /** Divorcé: divorced. */
    DIV,
    /** Séparé: separated. */
    SEP,
    /** Veuf: widowed. */
    VEU
  }

  /** The social security scheme of the allocataire. */
  public enum Regime {
    /** Régime général, most employees. */
    GENERAL,
    /** Régime agricole (MSA). */
    AGRICOLE,
    /** Civil servants' scheme. */
    FONCTION_PUBLIQUE,
    /** Any other scheme. */
    AUTRE
  }

  /** Status of the dossier at the CAF. */
  public enum StatutDossier {
    /** Open: rights can be paid. */
    ACTIF,
    /** Suspended: nothing is paid for now. */
    SUSPENDU,
    /** Struck off: the allocataire left the CAF. */
    RADIE
  }

  /** Who received a payment. {@link #TIERS} is "tiers payant", e.g. housing aid to the landlord. */
  public enum Beneficiaire {
    /** Paid to the allocataire. */
    ALLOCATAIRE,
    /** Paid to a third party, named in {@link Paiement#tiers()}. */
    TIERS
  }

  /** State of a right. */
  public enum EtatDroit {
    /** Open: the prestation is due. */
    OUVERT,
    /** Closed, with an end date and a reason. */
    FERME,
    /** Suspended: not paid for now. */
    SUSPENDU
  }

  /** Role in the household: demandeur, conjoint, enfant, autre. */
  public enum Role {
    /** The demandeur: the allocataire. */
    DEM,
    /** The conjoint: spouse or partner. */
    CJT,
    /** A child. */
    ENF,
    /** Another member of the household. */
    AUT
  }

  /** CNAF {@code etatdosrsa}; {@link #code()} is the digit sent on the wire. */
  public enum EtatRsa {
    /** 0: awaiting decision. */
    EN_ATTENTE_DE_DECISION("0"),
    /** 1: refused. */
    REFUSE("1"),
    /** 2: open and paid. */
    OUVERT_VERSABLE("2"),
    /** 3: open, right suspended. */
    OUVERT_SUSPENDU("3"),
    /** 4: open, payment suspended. */
    OUVERT_VERSEMENT_SUSPENDU("4"),
    /** 5: closed. */
    CLOS("5"),
    /** 6: closed, its debts transferred. */
    CLOS_CREANCES_TRANSFEREES("6");

    private final String code;

    EtatRsa(String code) {
      this.code = code;
    }

    /**
     * The CNAF digit, {@code "0"} to {@code "6"}.
     *
     * @return the digit sent on the wire
     */
    public String code() {
      return code;
    }
  }

  /** RSA socle, or majoré (isolated parent). */
  public enum NatureRsa {
    /** RSA socle. */
    SOCLE,
    /** RSA majoré, for an isolated parent. */
    MAJORE
  }

  /** Orientation of an RSA beneficiary. */
  public enum Orientation {
    /** Social support. */
    SOCIALE,
    /** Support towards employment. */
    PROFESSIONNELLE,
    /** Both social and employment support. */
    SOCIO_PROFESSIONNELLE
  }

  /** How a letter was sent. */
  public enum Canal {
    /** By post. */
    COURRIER,
    /** By e-mail. */
    EMAIL,
    /** In the allocataire's online personal space. */
    ESPACE_PERSONNEL
  }

  /** Housing situation. */
  public enum TypeLogement {
    /** Tenant of social housing. */
    LOCATAIRE_PARC_SOCIAL,
    /** Tenant of private housing. */
    LOCATAIRE_PARC_PRIVE,
    /** Buying the home with a loan. */
    ACCEDANT,
    /** Living in a residence (foyer). */
    FOYER,
    /** Housed by someone else. */
    HEBERGE
  }

  /** Social or private landlord. */
  public enum TypeBailleur {
    /** A social landlord (bailleur social). */
    SOCIAL,
    /** A private landlord. */
    PRIVE
  }

  /** State of a debt. */
  public enum EtatCreance {
    /** Being repaid. */
    EN_COURS,
    /** Fully repaid. */
    SOLDEE,
    /** Disputed by the allocataire. */
    CONTESTEE
  }

  /** How a debt is repaid: deducted from benefits, or paid by the allocataire. */
  public enum Modalite {
    /** Deducted from the benefits paid. */
    RETENUE_SUR_PRESTATIONS,
    /** Paid by the allocataire. */
    VERSEMENT
  }

  /** A person's name. */
  public record Personne(String nom, String prenom) {
    /**
     * Checks the values are present.
     *
     * @param nom the surname
     * @param prenom the first name
     */
    public Personne {
      requireNonNull(nom, "nom");
      requireNonNull(prenom, "prenom");
    }
  }

  /** A postal address. */
  public record Adresse(String ligne1, Optional<String> ligne2, String codePostal, String commune) {
    /**
     * Checks the values are present.
     *
     * @param ligne1 the street line
     * @param ligne2 an optional second line
     * @param codePostal five digits
     * @param commune the town
     */
    public Adresse {
      requireNonNull(ligne1, "ligne1");
      requireNonNull(ligne2, "ligne2");
      requireNonNull(commune, "commune");
      if (codePostal == null || !codePostal.matches("[0-9]{5}")) {
        throw new IllegalArgumentException("codePostal must be five digits");
      }
    }
  }

  /** The quotient familial of a month. */
  public record QuotientFamilial(YearMonth mois, BigDecimal montant) {
    /**
     * Checks the values; amounts are euros with two decimals.
     *
     * @param mois the month it applies to
     * @param montant the quotient in euros, two decimals
     */
    public QuotientFamilial {
      requireNonNull(mois, "mois");
      Money.check(montant, "montant");
    }
  }

  /** An open prestation and its last monthly amount, as the synthèse shows it. */
  public record PrestationMensuelle(Prestation prestation, YearMonth mois, BigDecimal montant) {
    /**
     * Checks the values; amounts are euros with two decimals.
     *
     * @param prestation the prestation
     * @param mois the month of the last payment
     * @param montant the amount paid that month, in euros
     */
    public PrestationMensuelle {
      requireNonNull(prestation, "prestation");
      requireNonNull(mois, "mois");
      Money.check(montant, "montant");
    }
  }

  /** The synthèse tab (the CAF is the dossier's). */
  public record Synthese(
      Personne allocataire,
      SituationFamiliale situationFamiliale,
      int nombreEnfants,
      Optional<QuotientFamilial> quotientFamilial,
      List<PrestationMensuelle> prestations) {
    /**
     * Checks the values are present.
     *
     * @param allocataire the allocataire's name
     * @param situationFamiliale the family situation
     * @param nombreEnfants the number of dependent children, 0 or more
     * @param quotientFamilial the latest quotient familial, if computed
     * @param prestations the open prestations; copied
     */
    public Synthese {
      requireNonNull(allocataire, "allocataire");
      requireNonNull(situationFamiliale, "situationFamiliale");
      if (nombreEnfants < 0) {
        throw new IllegalArgumentException("nombreEnfants must be >= 0");
      }
      requireNonNull(quotientFamilial, "quotientFamilial");
      prestations = List.copyOf(prestations);
    }
  }

  /** The résumé du dossier tab. */
  public record Resume(
      Adresse adresse,
      LocalDate dateAffiliation,
      Regime regime,
      SituationFamiliale situationFamiliale,
      Optional<LocalDate> dateSituationFamiliale,
      StatutDossier statut,
      LocalDate derniereModification) {
    /**
     * Checks the values are present.
     *
     * @param adresse the postal address
     * @param dateAffiliation the date the allocataire joined the CAF
     * @param regime the social security scheme
     * @param situationFamiliale the family situation
     * @param dateSituationFamiliale since when, if known
     * @param statut the dossier's status
     * @param derniereModification the date of the last change to the dossier
     */
    public Resume {
      requireNonNull(adresse, "adresse");
      requireNonNull(dateAffiliation, "dateAffiliation");
      requireNonNull(regime, "regime");
      requireNonNull(situationFamiliale, "situationFamiliale");
      requireNonNull(dateSituationFamiliale, "dateSituationFamiliale");
      requireNonNull(statut, "statut");
      requireNonNull(derniereModification, "derniereModification");
    }
  }

  /**
   * One payment line. {@code montant} is what was paid, after the {@code retenue} (the part kept
   * back to repay a debt) when there is one.
   */
  public record Paiement(
      LocalDate date,
      Prestation prestation,
      YearMonth periode,
      BigDecimal montant,
      Beneficiaire beneficiaire,
      Optional<String> tiers,
      Optional<BigDecimal> retenue) {
    /**
     * Checks the values; amounts are euros with two decimals.
     *
     * @param date the date paid
     * @param prestation the prestation paid
     * @param periode the month the payment is for
     * @param montant the amount paid in euros, after any retenue
     * @param beneficiaire who received it
     * @param tiers the third party paid; present exactly when {@code beneficiaire} is TIERS
     * @param retenue the amount kept back to repay a debt, in euros, if any
     */
    public Paiement {
      requireNonNull(date, "date");
      requireNonNull(prestation, "prestation");
      requireNonNull(periode, "periode");
      Money.check(montant, "montant");
      requireNonNull(beneficiaire, "beneficiaire");
      requireNonNull(tiers, "tiers");
      requireNonNull(retenue, "retenue");
      retenue.ifPresent(r -> Money.check(r, "retenue"));
      if ((beneficiaire == Beneficiaire.TIERS) != tiers.isPresent()) {
        throw new IllegalArgumentException("tiers is given exactly when beneficiaire is TIERS");
      }
    }
  }

  /** A right to a prestation. */
  public record Droit(
      Prestation prestation,
      EtatDroit etat,
      LocalDate debut,
      Optional<LocalDate> fin,
      BigDecimal montantMensuel,
      Optional<String> motifFin) {
    /**
     * Checks the values; amounts are euros with two decimals.
     *
     * @param prestation the prestation
     * @param etat the state of the right
     * @param debut the date it opened
     * @param fin the date it closed, if closed
     * @param montantMensuel the monthly amount in euros
     * @param motifFin why it closed, if closed
     */
    public Droit {
      requireNonNull(prestation, "prestation");
      requireNonNull(etat, "etat");
      requireNonNull(debut, "debut");
      requireNonNull(fin, "fin");
      Money.check(montantMensuel, "montantMensuel");
      requireNonNull(motifFin, "motifFin");
    }
  }

  /** A member of the household. The NIR is a {@link Nir}, masked in its own {@code toString}. */
  public record Membre(
      Role role,
      String nom,
      String prenom,
      LocalDate dateNaissance,
      Optional<Nir> nir,
      boolean aCharge) {
    /**
     * Checks the values are present.
     *
     * @param role the role in the household
     * @param nom the surname
     * @param prenom the first name
     * @param dateNaissance the date of birth
     * @param nir the fictional NIR, if known
     * @param aCharge whether the member is a dependent (à charge)
     */
    public Membre {
      requireNonNull(role, "role");
      requireNonNull(nom, "nom");
      requireNonNull(prenom, "prenom");
      requireNonNull(dateNaissance, "dateNaissance");
      requireNonNull(nir, "nir");
    }
  }

  /** The ressources tab. */
  public record Ressources(
      Optional<QuotientFamilial> quotientFamilial,
      Optional<RevenusN2> revenusN2,
      List<DeclarationTrimestrielle> declarationsTrimestrielles) {
    /**
     * Checks the values are present.
     *
     * @param quotientFamilial the latest quotient familial, if computed
     * @param revenusN2 the income of year N-2, if declared
     * @param declarationsTrimestrielles the quarterly declarations; copied
     */
    public Ressources {
      requireNonNull(quotientFamilial, "quotientFamilial");
      requireNonNull(revenusN2, "revenusN2");
      declarationsTrimestrielles = List.copyOf(declarationsTrimestrielles);
    }
  }

  /** The annual taxable income of year N-2. */
  public record RevenusN2(int annee, BigDecimal montant) {
    /**
     * Checks the values; amounts are euros with two decimals.
     *
     * @param annee the year of the income, 1990 to 2100
     * @param montant the household's taxable income in euros
     */
    public RevenusN2 {
      if (annee < 1990 || annee > 2100) {
        throw new IllegalArgumentException("annee must be between 1990 and 2100");
      }
      Money.check(montant, "montant");
    }
  }

  /** A quarterly declaration of resources (RSA, prime d'activité), starting at {@code debut}. */
  public record DeclarationTrimestrielle(YearMonth debut, BigDecimal activite, BigDecimal autres) {
    /**
     * Checks the values; amounts are euros with two decimals.
     *
     * @param debut the first month of the quarter
     * @param activite income from work over the quarter, in euros
     * @param autres other income over the quarter, in euros
     */
    public DeclarationTrimestrielle {
      requireNonNull(debut, "debut");
      Money.check(activite, "activite");
      Money.check(autres, "autres");
    }
  }

  /** The RSA dossier. */
  public record DossierRsa(
      EtatRsa etat,
      Optional<NatureRsa> nature,
      Optional<BigDecimal> montantMensuel,
      Optional<LocalDate> dateOuverture,
      Optional<Orientation> orientation,
      Optional<Referent> referent) {
    /**
     * Checks the values; amounts are euros with two decimals.
     *
     * @param etat the CNAF state
     * @param nature socle or majoré, if known
     * @param montantMensuel the monthly amount in euros, if paid
     * @param dateOuverture the date the dossier opened, if open
     * @param orientation the beneficiary's orientation, if decided
     * @param referent the referent, if named
     */
    public DossierRsa {
      requireNonNull(etat, "etat");
      requireNonNull(nature, "nature");
      requireNonNull(montantMensuel, "montantMensuel");
      montantMensuel.ifPresent(m -> Money.check(m, "montantMensuel"));
      requireNonNull(dateOuverture, "dateOuverture");
      requireNonNull(orientation, "orientation");
      requireNonNull(referent, "referent");
    }
  }

  /** The RSA referent: an organisation and, optionally, a (fictional) name. */
  public record Referent(String organisme, Optional<String> nom) {
    /**
     * Checks the values are present.
     *
     * @param organisme the organisation following the beneficiary
     * @param nom the referent's fictional name, if given
     */
    public Referent {
      requireNonNull(organisme, "organisme");
      requireNonNull(nom, "nom");
    }
  }

  /** A letter sent to the allocataire. */
  public record Courrier(LocalDate date, String objet, Canal canal) {
    /**
     * Checks the values are present.
     *
     * @param date the date sent
     * @param objet the subject; not personal
     * @param canal how it was sent
     */
    public Courrier {
      requireNonNull(date, "date");
      requireNonNull(objet, "objet");
      requireNonNull(canal, "canal");
    }
  }

  /** The housing information. */
  public record Logement(
      TypeLogement type,
      Optional<BigDecimal> loyer,
      Optional<BigDecimal> charges,
      Optional<Bailleur> bailleur,
      Optional<Prestation> aide,
      boolean tiersPayant) {
    /**
     * Checks the values; amounts are euros with two decimals.
     *
     * @param type the housing situation
     * @param loyer the monthly rent in euros, if known
     * @param charges the monthly charges in euros, if known
     * @param bailleur the landlord, if known
     * @param aide the housing aid paid (APL, ALF or ALS), if any
     * @param tiersPayant whether the aid is paid to the landlord
     */
    public Logement {
      requireNonNull(type, "type");
      requireNonNull(loyer, "loyer");
      loyer.ifPresent(m -> Money.check(m, "loyer"));
      requireNonNull(charges, "charges");
      charges.ifPresent(m -> Money.check(m, "charges"));
      requireNonNull(bailleur, "bailleur");
      requireNonNull(aide, "aide");
    }
  }

  /** A landlord: always an organisation in the catalogue. */
  public record Bailleur(String nom, Optional<TypeBailleur> type) {
    /**
     * Checks the values are present.
     *
     * @param nom the organisation's name
     * @param type social or private, if known
     */
    public Bailleur {
      requireNonNull(nom, "nom");
      requireNonNull(type, "type");
    }
  }

  /** A debt (indu). */
  public record Creance(
      String id,
      Prestation prestationOrigine,
      LocalDate dateNotification,
      BigDecimal montantInitial,
      BigDecimal soldeRestant,
      EtatCreance etat,
      Optional<PlanRemboursement> planRemboursement) {
    /**
     * Checks the values; amounts are euros with two decimals.
     *
     * @param id the debt's identifier, e.g. {@code IND-2026-000001}
     * @param prestationOrigine the prestation overpaid
     * @param dateNotification the date the debt was notified
     * @param montantInitial the amount notified, in euros
     * @param soldeRestant what remains due, in euros
     * @param etat the state of the debt
     * @param planRemboursement the repayment plan, if agreed
     */
    public Creance {
      requireNonNull(id, "id");
      requireNonNull(prestationOrigine, "prestationOrigine");
      requireNonNull(dateNotification, "dateNotification");
      Money.check(montantInitial, "montantInitial");
      Money.check(soldeRestant, "soldeRestant");
      requireNonNull(etat, "etat");
      requireNonNull(planRemboursement, "planRemboursement");
    }
  }

  /** How a debt is being repaid. */
  public record PlanRemboursement(
      BigDecimal mensualite, Modalite modalite, LocalDate debut, Optional<LocalDate> finPrevue) {
    /**
     * Checks the values; amounts are euros with two decimals.
     *
     * @param mensualite the monthly repayment in euros
     * @param modalite how it is repaid
     * @param debut the first repayment date
     * @param finPrevue the expected end date, if known
     */
    public PlanRemboursement {
      Money.check(mensualite, "mensualite");
      requireNonNull(modalite, "modalite");
      requireNonNull(debut, "debut");
      requireNonNull(finPrevue, "finPrevue");
    }
  }
}
