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
    CEL,
    MAR,
    PAC,
    VIM,
    DIV,
    SEP,
    VEU
  }

  /** The social security scheme of the allocataire. */
  public enum Regime {
    GENERAL,
    AGRICOLE,
    FONCTION_PUBLIQUE,
    AUTRE
  }

  /** Status of the dossier at the CAF. */
  public enum StatutDossier {
    ACTIF,
    SUSPENDU,
    RADIE
  }

  /** Who received a payment. {@link #TIERS} is "tiers payant", e.g. housing aid to the landlord. */
  public enum Beneficiaire {
    ALLOCATAIRE,
    TIERS
  }

  /** State of a right. */
  public enum EtatDroit {
    OUVERT,
    FERME,
    SUSPENDU
  }

  /** Role in the household: demandeur, conjoint, enfant, autre. */
  public enum Role {
    DEM,
    CJT,
    ENF,
    AUT
  }

  /** CNAF {@code etatdosrsa}; {@link #code()} is the digit sent on the wire. */
  public enum EtatRsa {
    EN_ATTENTE_DE_DECISION("0"),
    REFUSE("1"),
    OUVERT_VERSABLE("2"),
    OUVERT_SUSPENDU("3"),
    OUVERT_VERSEMENT_SUSPENDU("4"),
    CLOS("5"),
    CLOS_CREANCES_TRANSFEREES("6");

    private final String code;

    EtatRsa(String code) {
      this.code = code;
    }

    /** The CNAF digit, {@code "0"} to {@code "6"}. */
    public String code() {
      return code;
    }
  }

  /** RSA socle, or majoré (isolated parent). */
  public enum NatureRsa {
    SOCLE,
    MAJORE
  }

  /** Orientation of an RSA beneficiary. */
  public enum Orientation {
    SOCIALE,
    PROFESSIONNELLE,
    SOCIO_PROFESSIONNELLE
  }

  /** How a letter was sent. */
  public enum Canal {
    COURRIER,
    EMAIL,
    ESPACE_PERSONNEL
  }

  /** Housing situation. */
  public enum TypeLogement {
    LOCATAIRE_PARC_SOCIAL,
    LOCATAIRE_PARC_PRIVE,
    ACCEDANT,
    FOYER,
    HEBERGE
  }

  /** Social or private landlord. */
  public enum TypeBailleur {
    SOCIAL,
    PRIVE
  }

  /** State of a debt. */
  public enum EtatCreance {
    EN_COURS,
    SOLDEE,
    CONTESTEE
  }

  /** How a debt is repaid: deducted from benefits, or paid by the allocataire. */
  public enum Modalite {
    RETENUE_SUR_PRESTATIONS,
    VERSEMENT
  }

  /** A person's name. */
  public record Personne(String nom, String prenom) {
    public Personne {
      requireNonNull(nom, "nom");
      requireNonNull(prenom, "prenom");
    }
  }

  /** A postal address. */
  public record Adresse(String ligne1, Optional<String> ligne2, String codePostal, String commune) {
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
    public QuotientFamilial {
      requireNonNull(mois, "mois");
      Money.check(montant, "montant");
    }
  }

  /** An open prestation and its last monthly amount, as the synthèse shows it. */
  public record PrestationMensuelle(Prestation prestation, YearMonth mois, BigDecimal montant) {
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
    public Ressources {
      requireNonNull(quotientFamilial, "quotientFamilial");
      requireNonNull(revenusN2, "revenusN2");
      declarationsTrimestrielles = List.copyOf(declarationsTrimestrielles);
    }
  }

  /** The annual taxable income of year N-2. */
  public record RevenusN2(int annee, BigDecimal montant) {
    public RevenusN2 {
      if (annee < 1990 || annee > 2100) {
        throw new IllegalArgumentException("annee must be between 1990 and 2100");
      }
      Money.check(montant, "montant");
    }
  }

  /** A quarterly declaration of resources (RSA, prime d'activité), starting at {@code debut}. */
  public record DeclarationTrimestrielle(YearMonth debut, BigDecimal activite, BigDecimal autres) {
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
    public Referent {
      requireNonNull(organisme, "organisme");
      requireNonNull(nom, "nom");
    }
  }

  /** A letter sent to the allocataire. */
  public record Courrier(LocalDate date, String objet, Canal canal) {
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
    public PlanRemboursement {
      Money.check(mensualite, "mensualite");
      requireNonNull(modalite, "modalite");
      requireNonNull(debut, "debut");
      requireNonNull(finPrevue, "finPrevue");
    }
  }
}
