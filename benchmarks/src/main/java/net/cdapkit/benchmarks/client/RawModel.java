package net.cdapkit.benchmarks.client;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The contract's payloads as plain Java records, decoded by Moshi with three scalar adapters: what
 * a partner writes by hand when not using the SDK, and the yardstick for the SDK's own decoding.
 */
public final class RawModel {
  private RawModel() {}

  /** The Moshi of the hand-written client: records, amounts, dates and months. */
  public static Moshi moshi() {
    return new Moshi.Builder().add(new Scalars()).build();
  }

  /** Amounts, dates and months travel as strings. */
  static final class Scalars {
    @FromJson
    BigDecimal montant(String s) {
      return new BigDecimal(s);
    }

    @ToJson
    String montant(BigDecimal d) {
      return d.toPlainString();
    }

    @FromJson
    LocalDate date(String s) {
      return LocalDate.parse(s);
    }

    @ToJson
    String date(LocalDate d) {
      return d.toString();
    }

    @FromJson
    YearMonth mois(String s) {
      return YearMonth.parse(s);
    }

    @ToJson
    String mois(YearMonth m) {
      return m.toString();
    }
  }

  public record Credentials(String login, String password) {}

  public record TokenResponse(
      String accessToken, String tokenType, long expiresIn, Session session) {}

  public record Session(
      Partenaire partenaire,
      Agent agent,
      String profil,
      Habilitations habilitations,
      Integer debitMaxParSeconde) {}

  public record Partenaire(String id, String nom) {}

  public record Agent(String id, String nom) {}

  public record Habilitations(
      List<String> cafs,
      List<String> onglets,
      List<String> actions,
      List<String> typesAttestation,
      List<String> finalites,
      List<String> restrictions) {}

  public record DossierLookup(String caf, String numeroAllocataire) {}

  public record DossierReference(String reference, String caf) {}

  public enum Prestation {
    AF,
    CF,
    ASF,
    ARS,
    PAJE,
    AEEH,
    AAH,
    RSA,
    PPA,
    APL,
    ALF,
    ALS
  }

  public enum SituationFamiliale {
    CEL,
    MAR,
    PAC,
    VIM,
    DIV,
    SEP,
    VEU
  }

  public enum Perimetre {
    COMPLET,
    AIDES_LOGEMENT,
    SANS_NIR,
    QUOTIENT_FAMILIAL_ET_N2
  }

  public enum Beneficiaire {
    ALLOCATAIRE,
    TIERS
  }

  public record Personne(String nom, String prenom) {}

  public record QuotientFamilial(YearMonth mois, BigDecimal montant) {}

  public record PrestationVersee(Prestation prestation, YearMonth mois, BigDecimal montant) {}

  public record Synthese(
      Personne allocataire,
      String caf,
      SituationFamiliale situationFamiliale,
      int nombreEnfants,
      QuotientFamilial quotientFamilial,
      List<PrestationVersee> prestations) {}

  public record Paiement(
      LocalDate date,
      Prestation prestation,
      YearMonth periode,
      BigDecimal montant,
      Beneficiaire beneficiaire,
      String tiers,
      BigDecimal retenue) {}

  public record PageInfo(int numero, int taille, Integer suivante) {}

  public record PaiementsPage(Perimetre perimetre, List<Paiement> elements, PageInfo page) {}
}
