package net.cdapkit.testkit.internal.server;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import net.cdapkit.capability.Restriction;
import net.cdapkit.capability.Tab;
import net.cdapkit.testkit.SyntheticDossier;
import net.cdapkit.testkit.SyntheticDossier.Courrier;
import net.cdapkit.testkit.SyntheticDossier.Creance;
import net.cdapkit.testkit.SyntheticDossier.Droit;
import net.cdapkit.testkit.SyntheticDossier.Membre;
import net.cdapkit.testkit.SyntheticDossier.Paiement;
import net.cdapkit.testkit.SyntheticDossier.QuotientFamilial;
import net.cdapkit.testkit.internal.fixtures.Money;

/**
 * Writes a tab of a dossier as the contract's JSON, applying the session's restrictions: housing
 * aids only, no NIR, quotient familial and N-2 income only.
 */
public final class TabRenderer {
  private TabRenderer() {}

  public static Json.Obj render(
      Tab tab, SyntheticDossier d, Set<Restriction> restrictions, Paging paging) {
    return switch (tab) {
      case SYNTHESE -> synthese(d, restrictions);
      case RESUME -> resume(d);
      case PAIEMENTS -> paiements(d, restrictions, paging);
      case DROITS -> droits(d, restrictions);
      case FAMILLE -> famille(d, restrictions);
      case RESSOURCES -> ressources(d, restrictions);
      case RSA -> rsa(d);
      case COURRIERS -> courriers(d, paging);
      case LOGEMENT -> logement(d);
      case CREANCES -> creances(d, restrictions);
    };
  }

  private static boolean logementSeulement(Set<Restriction> restrictions) {
    return restrictions.contains(Restriction.AIDES_LOGEMENT_SEULEMENT);
  }

  private static String perimetre(boolean narrowed, String narrowedName) {
    return narrowed ? narrowedName : "COMPLET";
  }

  private static <T> List<T> keep(List<T> items, boolean narrowed, Predicate<T> kept) {
    return narrowed ? items.stream().filter(kept).toList() : items;
  }

  private static <T> List<Object> each(List<T> items, Function<T, Json.Obj> f) {
    return items.stream().<Object>map(f).toList();
  }

  private static String money(BigDecimal amount) {
    return Money.wire(amount);
  }

  private static <T> String opt(Optional<T> value, Function<T, String> f) {
    return value.map(f).orElse(null);
  }

  private static Json.Obj quotient(QuotientFamilial qf) {
    return Json.obj().put("mois", qf.mois().toString()).put("montant", money(qf.montant()));
  }

  public static Json.Obj synthese(SyntheticDossier d, Set<Restriction> restrictions) {
    var s = d.synthese();
    boolean narrowed = logementSeulement(restrictions);
    return Json.obj()
        .put("perimetre", perimetre(narrowed, "AIDES_LOGEMENT"))
        .put(
            "allocataire",
            Json.obj().put("nom", s.allocataire().nom()).put("prenom", s.allocataire().prenom()))
        .put("caf", d.caf().value())
        .put("situationFamiliale", s.situationFamiliale().name())
        .put("nombreEnfants", s.nombreEnfants())
        .put("quotientFamilial", s.quotientFamilial().map(TabRenderer::quotient).orElse(null))
        .put(
            "prestations",
            each(
                keep(s.prestations(), narrowed, p -> p.prestation().isAideLogement()),
                p ->
                    Json.obj()
                        .put("prestation", p.prestation().name())
                        .put("mois", p.mois().toString())
                        .put("montant", money(p.montant()))));
  }

  public static Json.Obj resume(SyntheticDossier d) {
    var r = d.resume();
    var a = r.adresse();
    return Json.obj()
        .put(
            "adresse",
            Json.obj()
                .put("ligne1", a.ligne1())
                .put("ligne2", a.ligne2().orElse(null))
                .put("codePostal", a.codePostal())
                .put("commune", a.commune()))
        .put("dateAffiliation", r.dateAffiliation().toString())
        .put("regime", r.regime().name())
        .put("situationFamiliale", r.situationFamiliale().name())
        .put("dateSituationFamiliale", opt(r.dateSituationFamiliale(), Object::toString))
        .put("statut", r.statut().name())
        .put("derniereModification", r.derniereModification().toString());
  }

  public static Json.Obj paiements(
      SyntheticDossier d, Set<Restriction> restrictions, Paging paging) {
    boolean narrowed = logementSeulement(restrictions);
    List<Paiement> lignes = keep(d.paiements(), narrowed, p -> p.prestation().isAideLogement());
    Paging.Page<Paiement> page = paging.apply(lignes, Paiement::periode);
    return Json.obj()
        .put("perimetre", perimetre(narrowed, "AIDES_LOGEMENT"))
        .put(
            "elements",
            each(
                page.elements(),
                p ->
                    Json.obj()
                        .put("date", p.date().toString())
                        .put("prestation", p.prestation().name())
                        .put("periode", p.periode().toString())
                        .put("montant", money(p.montant()))
                        .put("beneficiaire", p.beneficiaire().name())
                        .put("tiers", p.tiers().orElse(null))
                        .put("retenue", opt(p.retenue(), TabRenderer::money))))
        .put("page", page.info());
  }

  public static Json.Obj droits(SyntheticDossier d, Set<Restriction> restrictions) {
    boolean narrowed = logementSeulement(restrictions);
    List<Droit> droits = keep(d.droits(), narrowed, x -> x.prestation().isAideLogement());
    return Json.obj()
        .put("perimetre", perimetre(narrowed, "AIDES_LOGEMENT"))
        .put(
            "droits",
            each(
                droits,
                x ->
                    Json.obj()
                        .put("prestation", x.prestation().name())
                        .put("etat", x.etat().name())
                        .put("debut", x.debut().toString())
                        .put("fin", opt(x.fin(), Object::toString))
                        .put("montantMensuel", money(x.montantMensuel()))
                        .put("motifFin", x.motifFin().orElse(null))));
  }

  public static Json.Obj famille(SyntheticDossier d, Set<Restriction> restrictions) {
    boolean sansNir = restrictions.contains(Restriction.SANS_NIR);
    return Json.obj()
        .put("perimetre", perimetre(sansNir, "SANS_NIR"))
        .put("membres", each(d.membres(), m -> membre(m, sansNir)));
  }

  private static Json.Obj membre(Membre m, boolean sansNir) {
    return Json.obj()
        .put("role", m.role().name())
        .put("nom", m.nom())
        .put("prenom", m.prenom())
        .put("dateNaissance", m.dateNaissance().toString())
        .put("nir", sansNir ? null : m.nir().map(n -> n.value()).orElse(null))
        .put("aCharge", m.aCharge());
  }

  public static Json.Obj ressources(SyntheticDossier d, Set<Restriction> restrictions) {
    boolean narrowed = restrictions.contains(Restriction.QUOTIENT_FAMILIAL_ET_N2_SEULEMENT);
    var r = d.ressources();
    Json.Obj out =
        Json.obj()
            .put("perimetre", perimetre(narrowed, "QUOTIENT_FAMILIAL_ET_N2"))
            .put("quotientFamilial", r.quotientFamilial().map(TabRenderer::quotient).orElse(null))
            .put(
                "revenusN2",
                r.revenusN2()
                    .map(n -> Json.obj().put("annee", n.annee()).put("montant", money(n.montant())))
                    .orElse(null));
    if (!narrowed) {
      out.put(
          "declarationsTrimestrielles",
          each(
              r.declarationsTrimestrielles(),
              q ->
                  Json.obj()
                      .put("debut", q.debut().toString())
                      .put("activite", money(q.activite()))
                      .put("autres", money(q.autres()))));
    }
    return out;
  }

  public static Json.Obj rsa(SyntheticDossier d) {
    return Json.obj()
        .put(
            "dossierRsa",
            d.rsa()
                .map(
                    r ->
                        Json.obj()
                            .put("etat", r.etat().code())
                            .put("nature", opt(r.nature(), Enum::name))
                            .put("montantMensuel", opt(r.montantMensuel(), TabRenderer::money))
                            .put("dateOuverture", opt(r.dateOuverture(), Object::toString))
                            .put("orientation", opt(r.orientation(), Enum::name))
                            .put(
                                "referent",
                                r.referent()
                                    .map(
                                        ref ->
                                            Json.obj()
                                                .put("organisme", ref.organisme())
                                                .put("nom", ref.nom().orElse(null)))
                                    .orElse(null)))
                .orElse(null));
  }

  public static Json.Obj courriers(SyntheticDossier d, Paging paging) {
    Paging.Page<Courrier> page = paging.apply(d.courriers(), c -> YearMonth.from(c.date()));
    return Json.obj()
        .put(
            "elements",
            each(
                page.elements(),
                c ->
                    Json.obj()
                        .put("date", c.date().toString())
                        .put("objet", c.objet())
                        .put("canal", c.canal().name())))
        .put("page", page.info());
  }

  public static Json.Obj logement(SyntheticDossier d) {
    return Json.obj()
        .put(
            "logement",
            d.logement()
                .map(
                    l ->
                        Json.obj()
                            .put("type", l.type().name())
                            .put("loyer", opt(l.loyer(), TabRenderer::money))
                            .put("charges", opt(l.charges(), TabRenderer::money))
                            .put(
                                "bailleur",
                                l.bailleur()
                                    .map(
                                        b ->
                                            Json.obj()
                                                .put("nom", b.nom())
                                                .put("type", opt(b.type(), Enum::name)))
                                    .orElse(null))
                            .put("aide", opt(l.aide(), Enum::name))
                            .put("tiersPayant", l.tiersPayant()))
                .orElse(null));
  }

  public static Json.Obj creances(SyntheticDossier d, Set<Restriction> restrictions) {
    boolean narrowed = logementSeulement(restrictions);
    List<Creance> creances =
        keep(d.creances(), narrowed, c -> c.prestationOrigine().isAideLogement());
    return Json.obj()
        .put("perimetre", perimetre(narrowed, "AIDES_LOGEMENT"))
        .put(
            "creances",
            each(
                creances,
                c ->
                    Json.obj()
                        .put("id", c.id())
                        .put("prestationOrigine", c.prestationOrigine().name())
                        .put("dateNotification", c.dateNotification().toString())
                        .put("montantInitial", money(c.montantInitial()))
                        .put("soldeRestant", money(c.soldeRestant()))
                        .put("etat", c.etat().name())
                        .put(
                            "planRemboursement",
                            c.planRemboursement()
                                .map(
                                    p ->
                                        Json.obj()
                                            .put("mensualite", money(p.mensualite()))
                                            .put("modalite", p.modalite().name())
                                            .put("debut", p.debut().toString())
                                            .put("finPrevue", opt(p.finPrevue(), Object::toString)))
                                .orElse(null))));
  }
}
