package net.cdapkit.samples.webapp;

import java.util.Map;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Perimetre;

/** The French labels the pages show for the SDK's codes. */
final class Libelles {
  private static final Map<String, String> FINALITES =
      Map.of(
          "ACCOMPAGNEMENT_SOCIAL", "Accompagnement social",
          "AIDE_SOCIALE_FACULTATIVE", "Aide sociale facultative",
          "PREVENTION_EXPULSIONS", "Prévention des expulsions",
          "INSTRUCTION_RSA", "Instruction du RSA",
          "ACCOMPAGNEMENT_RSA", "Accompagnement des bénéficiaires du RSA",
          "PROTECTION_MAJEURS", "Protection juridique des majeurs",
          "TARIFICATION_QUOTIENT_FAMILIAL", "Tarification au quotient familial",
          "GESTION_LOCATIVE", "Gestion locative");

  private Libelles() {}

  /** The label of a finalité; a code the catalogue does not know is shown as is. */
  static String finalite(FinaliteCode code) {
    return FINALITES.getOrDefault(code.code(), code.code());
  }

  static String attestation(AttestationType type) {
    return switch (type) {
      case PAIEMENT -> "Attestation de paiement";
      case QUOTIENT_FAMILIAL -> "Attestation de quotient familial";
      case DROITS -> "Attestation de droits";
    };
  }

  /** Why a tab shows less than the whole dossier, or {@code null} when it shows it all. */
  static String perimetre(Perimetre perimetre) {
    return switch (perimetre) {
      case COMPLET -> null;
      case AIDES_LOGEMENT -> "Votre profil limite cet onglet aux aides au logement.";
      case SANS_NIR -> "Votre profil ne donne pas accès au NIR des membres du foyer.";
      case QUOTIENT_FAMILIAL_ET_N2 ->
          "Votre profil limite cet onglet au quotient familial et aux revenus N-2.";
      case UNKNOWN -> "Votre profil limite le contenu de cet onglet.";
    };
  }
}
