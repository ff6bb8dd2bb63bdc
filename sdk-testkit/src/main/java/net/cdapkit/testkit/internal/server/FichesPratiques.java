package net.cdapkit.testkit.internal.server;

import java.util.List;

/** The online help ("Aide en ligne"): fiches pratiques about using CDAP. Fixed content. */
public final class FichesPratiques {
  private FichesPratiques() {}

  private record Fiche(String id, String titre, String categorie, String resume, String miseAJour) {
    Json.Obj json() {
      return Json.obj()
          .put("id", id)
          .put("titre", titre)
          .put("categorie", categorie)
          .put("resume", resume)
          .put("miseAJour", miseAJour);
    }
  }

  private static final List<Fiche> FICHES =
      List.of(
          new Fiche(
              "FP-001",
              "Consulter un dossier",
              "Consultation",
              "Choisir la CAF de l'allocataire, saisir son numéro allocataire et déclarer la"
                  + " finalité de la consultation, puis parcourir les onglets du dossier.",
              "2026-03-02"),
          new Fiche(
              "FP-002",
              "Choisir la bonne CAF",
              "Consultation",
              "Un numéro allocataire n'est unique qu'au sein de sa CAF : vérifiez la CAF de"
                  + " rattachement avant de lancer la recherche.",
              "2026-03-02"),
          new Fiche(
              "FP-003",
              "Demander une attestation",
              "Attestations",
              "Visualiser ou imprimer une attestation de paiement, de droits ou de quotient"
                  + " familial, ou la faire envoyer par courrier à l'allocataire.",
              "2026-05-18"),
          new Fiche(
              "FP-004",
              "Respecter les finalités",
              "Obligations",
              "L'accès n'est autorisé que pour les finalités prévues par la convention signée"
                  + " avec la CAF ; chaque consultation est tracée et peut être contrôlée.",
              "2026-01-12"),
          new Fiche(
              "FP-005",
              "Utiliser le Dialogue",
              "Dialogue",
              "Écrire à la CAF depuis le dossier consulté : objet court, message factuel, sans"
                  + " données inutiles ; un accusé de réception est délivré.",
              "2026-04-07"),
          new Fiche(
              "FP-006",
              "Comprendre son profil d'habilitation",
              "Habilitations",
              "Les onglets et actions visibles dépendent du profil (T1, T2…) attribué par le"
                  + " gestionnaire des habilitations de votre structure.",
              "2026-02-23"));

  public static Json.Obj json() {
    return Json.obj().put("fiches", FICHES.stream().<Object>map(Fiche::json).toList());
  }
}
