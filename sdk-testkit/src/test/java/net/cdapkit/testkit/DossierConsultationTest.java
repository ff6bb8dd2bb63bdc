package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Nir;
import net.cdapkit.model.NumeroAllocataire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DossierConsultationTest {
  /** Some requests here are malformed on purpose (no finalité…): only the answers are checked. */
  @RegisterExtension
  static final CdapSimulatorExtension SIM =
      CdapSimulatorExtension.builder().conformance(Conformance.RESPONSES).compliance(false).build();

  private static final String SOCIAL = "ACCOMPAGNEMENT_SOCIAL";
  private static final Set<String> MONEY_FIELDS =
      Set.of(
          "montant",
          "montantMensuel",
          "montantInitial",
          "soldeRestant",
          "mensualite",
          "retenue",
          "loyer",
          "charges",
          "activite",
          "autres");

  private final CdapSimulator sim;
  private final SimClient client;

  DossierConsultationTest(CdapSimulator sim) {
    this.sim = sim;
    this.client = new SimClient(sim);
  }

  private SimClient.Resp lookup(String token, String finalite, String body) {
    SimClient.Req req = client.post("dossiers/recherche").bearer(token).json(body);
    if (finalite != null) {
      req.finalite(finalite);
    }
    return req.send();
  }

  private SimClient.Resp tab(String token, String ref, String tab, String finalite) {
    return client.get("dossiers/" + ref + "/" + tab).bearer(token).finalite(finalite).send();
  }

  private String demoRef(String login, String finalite) {
    String token = client.login(login);
    return token + " " + client.lookup(token, "751", "9900001", finalite);
  }

  // ---------------------------------------------------------------- lookup

  @Test
  void lookup_whenDemoDossier_returnsAnOpaqueReference() {
    String token = client.login("demo-t1");

    SimClient.Resp r = lookup(token, SOCIAL, "{\"caf\":\"751\",\"numeroAllocataire\":\"9900001\"}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.str("reference")).matches("dos_[A-Za-z0-9]{24}");
    assertThat(r.str("caf")).isEqualTo("751");
  }

  @Test
  void lookup_whenFinaliteHeaderMissing_returns400With00400() {
    String token = client.login("demo-t1");

    SimClient.Resp r = lookup(token, null, "{\"caf\":\"751\",\"numeroAllocataire\":\"9900001\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("00400");
  }

  @Test
  void lookup_whenFinaliteOutsideSession_returns403With20003() {
    String token = client.login("demo-t1");

    SimClient.Resp r =
        lookup(token, "GESTION_LOCATIVE", "{\"caf\":\"751\",\"numeroAllocataire\":\"9900001\"}");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("20003");
  }

  @Test
  void lookup_whenCafNotHabilitated_returns403With20002() {
    String token = client.login("demo-t1");

    SimClient.Resp r = lookup(token, SOCIAL, "{\"caf\":\"331\",\"numeroAllocataire\":\"9900013\"}");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("20002");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"caf\":\"75\",\"numeroAllocataire\":\"9900001\"}",
        "{\"caf\":\"751\",\"numeroAllocataire\":\"12345\"}",
        "{\"caf\":\"751\",\"numeroAllocataire\":9900001}",
        "{\"caf\":\"751\"}",
        "nope"
      })
  void lookup_whenBodyMalformed_returns400With00400(String body) {
    String token = client.login("demo-t1");

    SimClient.Resp r = lookup(token, SOCIAL, body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("00400");
  }

  @Test
  void lookup_whenNoSuchDossier_returns404With37003WithoutEchoingTheNumero() {
    String token = client.login("demo-t1");

    SimClient.Resp r = lookup(token, SOCIAL, "{\"caf\":\"751\",\"numeroAllocataire\":\"9987654\"}");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("37003");
    assertThat(r.body()).doesNotContain("9987654");
  }

  @Test
  void lookup_whenSameNumeroInAnotherCaf_findsThatCafsDossier() {
    String token = client.login("demo-t1");
    String ref = client.lookup(token, "131", "9900001", SOCIAL);

    SimClient.Resp r = tab(token, ref, "synthese", SOCIAL);

    assertThat(r.str("caf")).isEqualTo("131");
    assertThat(r.str("allocataire.nom")).isEqualTo("MODELE");
  }

  // ---------------------------------------------------------------- tabs under T1

  @ParameterizedTest
  @EnumSource(Tab.class)
  void tab_whenT1OnDemoDossier_returnsEveryRequiredFieldAndContent(Tab tab) {
    String[] tr = demoRef("demo-t1", SOCIAL).split(" ");

    SimClient.Resp r = tab(tr[0], tr[1], tab.wireName(), SOCIAL);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertMoneyWellFormed(r.json());
    switch (tab) {
      case SYNTHESE -> {
        assertThat(r.map(""))
            .containsKeys(
                "allocataire", "caf", "situationFamiliale", "nombreEnfants", "prestations");
        assertThat(r.str("quotientFamilial.montant")).isNotNull();
        assertThat(r.list("prestations")).isNotEmpty();
      }
      case RESUME -> {
        assertThat(r.map(""))
            .containsKeys(
                "adresse",
                "dateAffiliation",
                "regime",
                "situationFamiliale",
                "statut",
                "derniereModification");
        assertThat(r.str("adresse.codePostal")).matches("75[0-9]{3}");
      }
      case PAIEMENTS -> {
        assertThat(r.str("perimetre")).isEqualTo("COMPLET");
        assertThat(r.list("elements")).hasSize(50);
        assertThat(r.list("elements"))
            .allSatisfy(
                p ->
                    assertThat(p)
                        .containsKeys("date", "prestation", "periode", "montant", "beneficiaire"));
        assertThat(r.at("page.numero")).isEqualTo(0.0);
        assertThat(r.at("page.taille")).isEqualTo(50.0);
        assertThat(r.at("page.suivante")).isEqualTo(1.0);
      }
      case DROITS -> {
        assertThat(r.str("perimetre")).isEqualTo("COMPLET");
        assertThat(r.list("droits")).extracting(d -> d.get("etat")).contains("OUVERT", "FERME");
        assertThat(r.list("droits"))
            .allSatisfy(d -> assertThat(d).containsKeys("prestation", "etat", "debut"));
      }
      case FAMILLE -> {
        assertThat(r.str("perimetre")).isEqualTo("COMPLET");
        assertThat(r.list("membres")).extracting(m -> m.get("role")).contains("DEM", "CJT", "ENF");
        assertThat(r.list("membres"))
            .allSatisfy(m -> assertThat(Nir.of((String) m.get("nir")).value()).hasSize(15));
      }
      case RESSOURCES -> {
        assertThat(r.str("perimetre")).isEqualTo("COMPLET");
        assertThat(r.map("")).containsKeys("quotientFamilial", "revenusN2");
        assertThat(r.list("declarationsTrimestrielles")).isNotEmpty();
      }
      case RSA -> {
        assertThat(r.str("dossierRsa.etat")).isEqualTo("2");
        assertThat(r.str("dossierRsa.referent.organisme")).isNotBlank();
      }
      case COURRIERS -> {
        assertThat(r.list("elements")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(r.list("elements"))
            .allSatisfy(c -> assertThat(c).containsKeys("date", "objet", "canal"));
        assertThat(r.at("page.suivante")).isNull();
      }
      case LOGEMENT -> {
        assertThat(r.str("logement.type")).isEqualTo("LOCATAIRE_PARC_SOCIAL");
        assertThat(r.at("logement.tiersPayant")).isEqualTo(true);
        assertThat(r.str("logement.bailleur.nom")).isEqualTo("Office Public de l'Habitat Exemple");
      }
      case CREANCES -> {
        assertThat(r.str("perimetre")).isEqualTo("COMPLET");
        assertThat(r.list("creances")).isNotEmpty();
        assertThat(r.list("creances"))
            .anySatisfy(c -> assertThat(c).containsKey("planRemboursement"));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertMoneyWellFormed(Object json) {
    if (json instanceof Map<?, ?> m) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        if (MONEY_FIELDS.contains(e.getKey())) {
          assertThat(e.getValue()).as(e.getKey()).isInstanceOf(String.class);
          assertThat((String) e.getValue()).as(e.getKey()).matches("-?[0-9]{1,9}\\.[0-9]{2}");
        } else {
          assertMoneyWellFormed(e.getValue());
        }
      }
    } else if (json instanceof List<?> l) {
      l.forEach(DossierConsultationTest::assertMoneyWellFormed);
    }
  }

  @Test
  void tab_whenReferenceOfAnotherSession_returns404With37004() {
    String[] tr = demoRef("demo-t1", SOCIAL).split(" ");
    String other = client.login("demo-t1");

    SimClient.Resp r = tab(other, tr[1], "synthese", SOCIAL);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("37004");
  }

  @Test
  void tab_whenFinaliteHeaderMissing_returns400() {
    String[] tr = demoRef("demo-t1", SOCIAL).split(" ");

    SimClient.Resp r = client.get("dossiers/" + tr[1] + "/synthese").bearer(tr[0]).send();

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("00400");
  }

  @Test
  void tab_whenFinaliteOutsideSession_returns403With20003() {
    String[] tr = demoRef("demo-t1", SOCIAL).split(" ");

    SimClient.Resp r = tab(tr[0], tr[1], "synthese", "PROTECTION_MAJEURS");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("20003");
  }

  @Test
  void tab_whenOutsideProfile_returns403With20001NamingProfileAndTab() {
    String[] tr = demoRef("demo-t2", "ACCOMPAGNEMENT_RSA").split(" ");

    SimClient.Resp r = tab(tr[0], tr[1], "courriers", "ACCOMPAGNEMENT_RSA");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("20001");
    assertThat(r.str("errors.0.detail")).contains("T2").contains("courriers");
  }

  // ---------------------------------------------------------------- narrowing

  @Test
  void paiementsDroitsCreances_whenT5_showHousingAidsOnly() {
    String[] tr = demoRef("demo-t5", "GESTION_LOCATIVE").split(" ");

    SimClient.Resp paiements =
        client
            .get("dossiers/" + tr[1] + "/paiements?taille=100")
            .bearer(tr[0])
            .finalite("GESTION_LOCATIVE")
            .send();
    SimClient.Resp droits = tab(tr[0], tr[1], "droits", "GESTION_LOCATIVE");
    SimClient.Resp creances = tab(tr[0], tr[1], "creances", "GESTION_LOCATIVE");

    Set<String> housing = Set.of("APL", "ALF", "ALS");
    assertThat(paiements.str("perimetre")).isEqualTo("AIDES_LOGEMENT");
    assertThat(paiements.list("elements")).isNotEmpty();
    assertThat(paiements.list("elements"))
        .allSatisfy(p -> assertThat(housing).contains((String) p.get("prestation")));
    assertThat(paiements.list("elements"))
        .allSatisfy(
            p ->
                assertThat(p)
                    .containsEntry("beneficiaire", "TIERS")
                    .containsEntry("tiers", "Office Public de l'Habitat Exemple"));
    assertThat(droits.str("perimetre")).isEqualTo("AIDES_LOGEMENT");
    assertThat(droits.list("droits")).extracting(d -> d.get("prestation")).containsOnly("APL");
    assertThat(creances.str("perimetre")).isEqualTo("AIDES_LOGEMENT");
    assertThat(creances.list("creances"))
        .extracting(c -> c.get("prestationOrigine"))
        .containsOnly("APL");
  }

  @Test
  void famille_whenT5_hasNoNir() {
    String[] tr = demoRef("demo-t5", "GESTION_LOCATIVE").split(" ");

    SimClient.Resp r = tab(tr[0], tr[1], "famille", "GESTION_LOCATIVE");

    assertThat(r.str("perimetre")).isEqualTo("SANS_NIR");
    assertThat(r.list("membres"))
        .hasSize(4)
        .allSatisfy(m -> assertThat(m).doesNotContainKey("nir"));
    assertThat(r.body()).doesNotContain("\"nir\"");
  }

  @Test
  void ressources_whenT4_showQuotientFamilialAndN2Only() {
    String[] tr = demoRef("demo-t4", "TARIFICATION_QUOTIENT_FAMILIAL").split(" ");

    SimClient.Resp r = tab(tr[0], tr[1], "ressources", "TARIFICATION_QUOTIENT_FAMILIAL");

    assertThat(r.str("perimetre")).isEqualTo("QUOTIENT_FAMILIAL_ET_N2");
    assertThat(r.map("")).containsKeys("quotientFamilial", "revenusN2");
    assertThat(r.map("")).doesNotContainKey("declarationsTrimestrielles");
  }

  @Test
  void rsa_whenT4_returns403With20001() {
    String[] tr = demoRef("demo-t4", "TARIFICATION_QUOTIENT_FAMILIAL").split(" ");

    SimClient.Resp r = tab(tr[0], tr[1], "rsa", "TARIFICATION_QUOTIENT_FAMILIAL");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("20001");
    assertThat(r.str("errors.0.detail")).contains("T4").contains("rsa");
  }

  @Test
  void rsa_whenNeverHadRsa_returnsEmptyObject() {
    String token = client.login("demo-t1");
    String ref = client.lookup(token, "751", "9900003", SOCIAL);

    SimClient.Resp r = tab(token, ref, "rsa", SOCIAL);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{}");
  }

  @Test
  void logement_whenNoHousingInformation_returnsEmptyObject() {
    String token = client.login("demo-t1");
    String ref = client.lookup(token, "751", "9900004", SOCIAL);

    SimClient.Resp r = tab(token, ref, "logement", SOCIAL);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{}");
  }

  // ---------------------------------------------------------------- paging

  private List<Map<String, Object>> walk(String token, String ref, String tab, String query) {
    List<Map<String, Object>> all = new ArrayList<>();
    int page = 0;
    int pages = 0;
    while (true) {
      SimClient.Resp r =
          client
              .get("dossiers/" + ref + "/" + tab + "?" + query + "&page=" + page)
              .bearer(token)
              .finalite(SOCIAL)
              .send();
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      assertThat(r.at("page.numero")).isEqualTo((double) page);
      all.addAll(r.list("elements"));
      pages++;
      assertThat(pages).as("pages").isLessThan(200);
      Object next = r.at("page.suivante");
      if (next == null) {
        assertThat(r.map("page")).doesNotContainKey("suivante");
        return all;
      }
      assertThat(next).isEqualTo(page + 1.0);
      page++;
    }
  }

  @Test
  void paiements_whenTaille10_walksEveryLineNewestFirst() {
    String token = client.login("demo-t1");
    String ref = client.lookup(token, "131", "9900005", SOCIAL);
    int expected =
        sim.catalogue()
            .find(CafCode.of("131"), NumeroAllocataire.of("9900005"))
            .orElseThrow()
            .paiements()
            .size();

    List<Map<String, Object>> byTen = walk(token, ref, "paiements", "taille=10");
    List<Map<String, Object>> byHundred = walk(token, ref, "paiements", "taille=100");

    assertThat(expected).isGreaterThan(300);
    assertThat(byTen).hasSize(expected).isEqualTo(byHundred);
    List<String> dates = byTen.stream().map(p -> (String) p.get("date")).toList();
    assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void paiements_whenDuAu_keepsThosePeriodsOnly() {
    String token = client.login("demo-t1");
    String ref = client.lookup(token, "131", "9900005", SOCIAL);
    long expected =
        sim
            .catalogue()
            .find(CafCode.of("131"), NumeroAllocataire.of("9900005"))
            .orElseThrow()
            .paiements()
            .stream()
            .filter(p -> p.periode().getYear() == 2024)
            .count();

    List<Map<String, Object>> lines =
        walk(token, ref, "paiements", "du=2024-01&au=2024-12&taille=25");

    assertThat(lines).hasSize((int) expected);
    assertThat(lines).allSatisfy(p -> assertThat((String) p.get("periode")).startsWith("2024-"));
  }

  @Test
  void courriers_whenDuAu_keepsThoseMonthsNewestFirst() {
    String token = client.login("demo-t1");
    String ref = client.lookup(token, "131", "9900005", SOCIAL);

    List<Map<String, Object>> all = walk(token, ref, "courriers", "taille=3");
    List<Map<String, Object>> some =
        walk(token, ref, "courriers", "du=2020-01&au=2022-06&taille=3");

    assertThat(all.stream().map(c -> (String) c.get("date")).toList())
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(some).isNotEmpty().hasSizeLessThan(all.size());
    assertThat(some)
        .allSatisfy(
            c -> {
              YearMonth m = YearMonth.parse(((String) c.get("date")).substring(0, 7));
              assertThat(m).isBetween(YearMonth.of(2020, 1), YearMonth.of(2022, 6));
            });
  }

  @Test
  void paiements_whenPageBeyondTheEnd_returnsNoElementsAndNoSuivante() {
    String[] tr = demoRef("demo-t1", SOCIAL).split(" ");

    SimClient.Resp r =
        client
            .get("dossiers/" + tr[1] + "/paiements?page=999&taille=100")
            .bearer(tr[0])
            .finalite(SOCIAL)
            .send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.list("elements")).isEmpty();
    assertThat(r.map("page")).doesNotContainKey("suivante");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "taille=0",
        "taille=101",
        "taille=abc",
        "taille=",
        "page=-1",
        "page=1.5",
        "du=2024-13",
        "au=2024",
        "du=2025-01&au=2024-12",
        "taille=10&taille=20"
      })
  void paiements_whenBadPagingParameter_returns400With00400(String query) {
    String[] tr = demoRef("demo-t1", SOCIAL).split(" ");

    SimClient.Resp r =
        client
            .get("dossiers/" + tr[1] + "/paiements?" + query)
            .bearer(tr[0])
            .finalite(SOCIAL)
            .send();

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("00400");
  }
}
