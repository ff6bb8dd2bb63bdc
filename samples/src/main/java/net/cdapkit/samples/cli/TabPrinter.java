package net.cdapkit.samples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.cdapkit.Dossier;
import net.cdapkit.History;
import net.cdapkit.ModelJson;
import net.cdapkit.Periode;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.CompositionFamille;
import net.cdapkit.model.Courrier;
import net.cdapkit.model.Creance;
import net.cdapkit.model.Creances;
import net.cdapkit.model.Droit;
import net.cdapkit.model.Droits;
import net.cdapkit.model.InformationsLogement;
import net.cdapkit.model.Logement;
import net.cdapkit.model.Membre;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.Perimetre;
import net.cdapkit.model.Ressources;
import net.cdapkit.model.ResumeDossier;
import net.cdapkit.model.Rsa;
import net.cdapkit.model.Synthese;

/** Reads one tab of a dossier and prints it for a person, or as the contract's JSON. */
final class TabPrinter {
  private final PrintWriter out;
  private final boolean json;
  private final int historyLimit;

  /**
   * A printer on {@code out}; whatever it prints goes through {@link TerminalText#safe}, since
   * every value comes from the server.
   */
  TabPrinter(PrintWriter out, boolean json, int historyLimit) {
    this.out = TerminalText.safe(out);
    this.json = json;
    this.historyLimit = historyLimit;
  }

  /** Reads the tab (one request, or one per page for histories) and prints it. */
  void print(Dossier dossier, Tab tab, Periode periode) {
    switch (tab) {
      case SYNTHESE:
        value(tab, dossier.synthese(), this::synthese);
        break;
      case RESUME:
        value(tab, dossier.resume(), this::resume);
        break;
      case PAIEMENTS:
        history(tab, dossier.paiements(periode), this::paiement);
        break;
      case DROITS:
        value(tab, dossier.droits(), this::droits);
        break;
      case FAMILLE:
        value(tab, dossier.compositionFamille(), this::famille);
        break;
      case RESSOURCES:
        value(tab, dossier.ressources(), this::ressources);
        break;
      case RSA:
        value(tab, dossier.rsa(), this::rsa);
        break;
      case COURRIERS:
        history(tab, dossier.courriers(periode), this::courrier);
        break;
      case LOGEMENT:
        value(tab, dossier.logement(), this::logement);
        break;
      case CREANCES:
        value(tab, dossier.creances(), this::creances);
        break;
    }
    out.flush();
  }

  private <T> void value(Tab tab, T value, java.util.function.Consumer<T> human) {
    if (json) {
      out.println(ModelJson.toJson(value, false));
      return;
    }
    heading(tab);
    human.accept(value);
  }

  private <T> void history(
      Tab tab, History<T> history, java.util.function.Function<T, String> line) {
    if (json) {
      out.println(
          history.stream()
              .map(v -> ModelJson.toJson(v, false))
              .collect(Collectors.joining(",", "[", "]")));
      return;
    }
    heading(tab);
    int shown = 0;
    int total = 0;
    for (T value : history) {
      if (shown < historyLimit) {
        out.println("  " + line.apply(value));
        shown++;
      }
      total++;
    }
    if (total == 0) {
      out.println("  (aucune ligne sur la période)");
    } else if (total > shown) {
      out.println("  … " + (total - shown) + " ligne(s) plus anciennes (" + total + " en tout)");
    }
  }

  private void heading(Tab tab) {
    out.println();
    out.println("== " + tab.label() + " ==");
  }

  private void synthese(Synthese s) {
    perimetre(s.perimetre());
    out.println("  Allocataire       : " + s.allocataire().prenom() + " " + s.allocataire().nom());
    out.println("  CAF               : " + s.caf());
    out.println("  Situation         : " + s.situationFamiliale().label());
    out.println("  Enfants           : " + s.nombreEnfants());
    s.quotientFamilial()
        .ifPresent(
            q -> out.println("  Quotient familial : " + eur(q.montant()) + " (" + q.mois() + ")"));
    s.prestations()
        .forEach(
            p ->
                out.println(
                    "  "
                        + pad(p.prestation().name(), 18)
                        + ": "
                        + eur(p.montant())
                        + " ("
                        + p.mois()
                        + ")"));
  }

  private void resume(ResumeDossier r) {
    out.println(
        "  Adresse           : "
            + r.adresse().ligne1()
            + r.adresse().ligne2().map(l -> ", " + l).orElse("")
            + ", "
            + r.adresse().codePostal()
            + " "
            + r.adresse().commune());
    out.println("  Affiliation       : " + r.dateAffiliation());
    out.println("  Régime            : " + r.regime());
    out.println(
        "  Situation         : "
            + r.situationFamiliale().label()
            + r.dateSituationFamiliale().map(d -> " depuis le " + d).orElse(""));
    out.println("  Statut            : " + r.statut());
    out.println("  Dernière modif.   : " + r.derniereModification());
  }

  private String paiement(Paiement p) {
    return p.date()
        + "  "
        + pad(p.prestation().name(), 5)
        + " "
        + p.periode()
        + "  "
        + pad(eur(p.montant()), 12)
        + (p.beneficiaire() == net.cdapkit.model.Beneficiaire.TIERS
            ? " versé au tiers" + p.tiers().map(t -> " " + t).orElse("")
            : " versé à l'allocataire")
        + p.retenue().filter(r -> r.signum() != 0).map(r -> " (retenue " + eur(r) + ")").orElse("");
  }

  private void droits(Droits d) {
    perimetre(d.perimetre());
    for (Droit droit : d.droits()) {
      out.println(
          "  "
              + pad(droit.prestation().name(), 5)
              + " "
              + pad(droit.etat().name(), 9)
              + " depuis "
              + droit.debut()
              + droit.fin().map(f -> " jusqu'au " + f).orElse("")
              + "  "
              + eur(droit.montantMensuel())
              + "/mois"
              + droit.motifFin().map(m -> " — " + m).orElse(""));
    }
  }

  private void famille(CompositionFamille f) {
    perimetre(f.perimetre());
    for (Membre m : f.membres()) {
      out.println(
          "  "
              + pad(m.role().name(), 4)
              + pad(m.prenom() + " " + m.nom(), 28)
              + " né(e) le "
              + m.dateNaissance()
              + (m.aCharge() ? "  à charge" : "")
              + m.nir().map(n -> "  NIR " + n.value()).orElse(""));
    }
  }

  private void ressources(Ressources r) {
    perimetre(r.perimetre());
    r.quotientFamilial()
        .ifPresent(
            q -> out.println("  Quotient familial : " + eur(q.montant()) + " (" + q.mois() + ")"));
    r.revenusN2()
        .ifPresent(n -> out.println("  Revenus " + n.annee() + "      : " + eur(n.montant())));
    r.declarationsTrimestrielles()
        .forEach(
            t ->
                out.println(
                    "  Trimestre "
                        + t.debut()
                        + " : activité "
                        + eur(t.activite())
                        + ", autres "
                        + eur(t.autres())));
  }

  private void rsa(Rsa r) {
    if (r.dossierRsa().isEmpty()) {
      out.println("  Pas de dossier RSA.");
      return;
    }
    var d = r.dossierRsa().get();
    out.println("  État              : " + d.etat() + " (etatdosrsa " + d.etat().code() + ")");
    d.nature().ifPresent(n -> out.println("  Nature            : " + n));
    d.montantMensuel().ifPresent(m -> out.println("  Montant mensuel   : " + eur(m)));
    d.dateOuverture().ifPresent(o -> out.println("  Ouvert le         : " + o));
    d.orientation().ifPresent(o -> out.println("  Orientation       : " + o));
    d.referent()
        .ifPresent(
            ref ->
                out.println(
                    "  Référent          : "
                        + ref.organisme()
                        + ref.nom().map(n -> " — " + n).orElse("")));
  }

  private String courrier(Courrier c) {
    return c.date() + "  " + pad(c.canal().name(), 16) + " " + c.objet();
  }

  private void logement(InformationsLogement info) {
    Optional<Logement> l = info.logement();
    if (l.isEmpty()) {
      out.println("  Aucune information logement.");
      return;
    }
    Logement lg = l.get();
    out.println("  Type              : " + lg.type());
    lg.loyer().ifPresent(v -> out.println("  Loyer             : " + eur(v)));
    lg.charges().ifPresent(v -> out.println("  Charges           : " + eur(v)));
    lg.bailleur()
        .ifPresent(
            b ->
                out.println(
                    "  Bailleur          : "
                        + b.nom()
                        + b.type().map(t -> " (" + t + ")").orElse("")));
    lg.aide().ifPresent(a -> out.println("  Aide au logement  : " + a));
    out.println("  Tiers payant      : " + (lg.tiersPayant() ? "oui" : "non"));
  }

  private void creances(Creances c) {
    perimetre(c.perimetre());
    List<Creance> list = c.creances();
    if (list.isEmpty()) {
      out.println("  Aucune créance.");
    }
    for (Creance cr : list) {
      out.println(
          "  "
              + cr.id()
              + "  "
              + pad(cr.prestationOrigine().name(), 5)
              + " notifiée le "
              + cr.dateNotification()
              + "  "
              + eur(cr.montantInitial())
              + ", reste "
              + eur(cr.soldeRestant())
              + "  "
              + cr.etat()
              + cr.planRemboursement()
                  .map(p -> "  plan " + eur(p.mensualite()) + "/mois par " + p.modalite())
                  .orElse(""));
    }
  }

  private void perimetre(Perimetre p) {
    if (p.isPartiel()) {
      out.println("  [contenu restreint pour ce profil : " + p + "]");
    }
  }

  private static String eur(BigDecimal amount) {
    return amount.toPlainString() + " €";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
