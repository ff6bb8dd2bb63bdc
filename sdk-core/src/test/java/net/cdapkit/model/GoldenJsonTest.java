package net.cdapkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Restriction;
import net.cdapkit.capability.Tab;
import net.cdapkit.internal.json.CdapJson;
import net.cdapkit.internal.json.DialogueRequest;
import net.cdapkit.internal.json.DossierLookup;
import net.cdapkit.internal.json.DossierReferencePayload;
import net.cdapkit.internal.json.ErrorBody;
import net.cdapkit.internal.json.TokenResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every payload of the contract, as a golden file: decoded, encoded back, and checked for the
 * tolerance and strictness the contract asks for. Together the files hold every field of the
 * contract at least once; all data is fictional (see {@code DOMAIN.md} §7).
 */
class GoldenJsonTest {

  /** One golden: its type, the contract's required fields as paths, and its tolerant enums. */
  record Golden(
      String file,
      Class<?> type,
      List<String> required,
      Map<String, Function<Object, Object>> enums) {
    @Override
    public String toString() {
      return file;
    }
  }

  /** Keys whose values are personal or secret: none may show in a {@code toString()}. */
  private static final List<String> PERSONAL_KEYS =
      List.of(
          "nom",
          "prenom",
          "ligne1",
          "ligne2",
          "codePostal",
          "commune",
          "nir",
          "dateNaissance",
          "dateSituationFamiliale",
          "montant",
          "montantMensuel",
          "montantInitial",
          "soldeRestant",
          "mensualite",
          "retenue",
          "loyer",
          "charges",
          "activite",
          "autres",
          "tiers",
          "objet",
          "message",
          "motifFin",
          "detail",
          "accessToken",
          "numeroAllocataire");

  /** The partner's name is an organisation's, printed on purpose. */
  private static final List<String> NOT_PERSONAL_UNDER = List.of("partenaire");

  static Stream<Golden> goldens() {
    return Stream.of(
        new Golden(
            "synthese.json",
            Synthese.class,
            List.of(
                "perimetre",
                "allocataire",
                "allocataire.nom",
                "allocataire.prenom",
                "caf",
                "situationFamiliale",
                "nombreEnfants",
                "prestations",
                "quotientFamilial.mois",
                "quotientFamilial.montant",
                "prestations[0].prestation",
                "prestations[0].mois",
                "prestations[0].montant"),
            enums(
                "situationFamiliale", v -> ((Synthese) v).situationFamiliale(),
                "prestations[0].prestation",
                    v -> ((Synthese) v).prestations().get(0).prestation())),
        new Golden(
            "resume.json",
            ResumeDossier.class,
            List.of(
                "adresse",
                "adresse.ligne1",
                "adresse.codePostal",
                "adresse.commune",
                "dateAffiliation",
                "regime",
                "situationFamiliale",
                "statut",
                "derniereModification"),
            enums(
                "regime", v -> ((ResumeDossier) v).regime(),
                "situationFamiliale", v -> ((ResumeDossier) v).situationFamiliale(),
                "statut", v -> ((ResumeDossier) v).statut())),
        new Golden(
            "paiements-page.json",
            PaiementsPage.class,
            List.of(
                "perimetre",
                "elements",
                "page",
                "elements[0].date",
                "elements[0].prestation",
                "elements[0].periode",
                "elements[0].montant",
                "elements[0].beneficiaire",
                "page.numero",
                "page.taille"),
            enums(
                "perimetre", v -> ((PaiementsPage) v).perimetre(),
                "elements[1].prestation", v -> ((PaiementsPage) v).elements().get(1).prestation(),
                "elements[1].beneficiaire",
                    v -> ((PaiementsPage) v).elements().get(1).beneficiaire())),
        new Golden(
            "droits.json",
            Droits.class,
            List.of(
                "perimetre",
                "droits",
                "droits[0].prestation",
                "droits[0].etat",
                "droits[0].debut",
                "droits[0].montantMensuel"),
            enums(
                "perimetre", v -> ((Droits) v).perimetre(),
                "droits[1].etat", v -> ((Droits) v).droits().get(1).etat(),
                "droits[1].prestation", v -> ((Droits) v).droits().get(1).prestation())),
        new Golden(
            "famille.json",
            CompositionFamille.class,
            List.of(
                "perimetre",
                "membres",
                "membres[0].role",
                "membres[0].nom",
                "membres[0].prenom",
                "membres[0].dateNaissance",
                "membres[0].aCharge"),
            enums(
                "perimetre", v -> ((CompositionFamille) v).perimetre(),
                "membres[1].role", v -> ((CompositionFamille) v).membres().get(1).role())),
        new Golden(
            "ressources.json",
            Ressources.class,
            List.of(
                "perimetre",
                "quotientFamilial.mois",
                "quotientFamilial.montant",
                "revenusN2.annee",
                "revenusN2.montant",
                "declarationsTrimestrielles[0].debut",
                "declarationsTrimestrielles[0].activite",
                "declarationsTrimestrielles[0].autres"),
            enums("perimetre", v -> ((Ressources) v).perimetre())),
        new Golden(
            "rsa.json",
            Rsa.class,
            List.of("dossierRsa.etat", "dossierRsa.referent.organisme"),
            enums(
                "dossierRsa.etat", v -> ((Rsa) v).dossierRsa().orElseThrow().etat(),
                "dossierRsa.nature",
                    v -> ((Rsa) v).dossierRsa().orElseThrow().nature().orElseThrow(),
                "dossierRsa.orientation",
                    v -> ((Rsa) v).dossierRsa().orElseThrow().orientation().orElseThrow())),
        new Golden("rsa-absent.json", Rsa.class, List.of(), Map.of()),
        new Golden(
            "courriers-page.json",
            CourriersPage.class,
            List.of(
                "elements",
                "page",
                "elements[0].date",
                "elements[0].objet",
                "elements[0].canal",
                "page.numero",
                "page.taille"),
            enums("elements[0].canal", v -> ((CourriersPage) v).elements().get(0).canal())),
        new Golden(
            "logement.json",
            InformationsLogement.class,
            List.of("logement.type", "logement.tiersPayant", "logement.bailleur.nom"),
            enums(
                "logement.type", v -> logement(v).type(),
                "logement.bailleur.type",
                    v -> logement(v).bailleur().orElseThrow().type().orElseThrow(),
                "logement.aide", v -> logement(v).aide().orElseThrow())),
        new Golden(
            "creances.json",
            Creances.class,
            List.of(
                "perimetre",
                "creances",
                "creances[0].id",
                "creances[0].prestationOrigine",
                "creances[0].dateNotification",
                "creances[0].montantInitial",
                "creances[0].soldeRestant",
                "creances[0].etat",
                "creances[0].planRemboursement.mensualite",
                "creances[0].planRemboursement.modalite",
                "creances[0].planRemboursement.debut"),
            enums(
                "perimetre", v -> ((Creances) v).perimetre(),
                "creances[0].prestationOrigine",
                    v -> ((Creances) v).creances().get(0).prestationOrigine(),
                "creances[0].etat", v -> ((Creances) v).creances().get(0).etat(),
                "creances[0].planRemboursement.modalite",
                    v ->
                        ((Creances) v)
                            .creances()
                            .get(0)
                            .planRemboursement()
                            .orElseThrow()
                            .modalite())),
        new Golden(
            "envoi-postal-receipt.json",
            EnvoiPostalReceipt.class,
            List.of("reference", "type", "dateEnvoiPrevue"),
            Map.of()),
        new Golden(
            "dialogue-receipt.json",
            DialogueReceipt.class,
            List.of("reference", "recuLe"),
            Map.of()),
        new Golden(
            "aide.json",
            AideEnLigne.class,
            List.of("fiches", "fiches[0].id", "fiches[0].titre", "fiches[0].categorie"),
            Map.of()),
        new Golden(
            "token.json",
            TokenResponse.class,
            List.of(
                "accessToken",
                "tokenType",
                "expiresIn",
                "session",
                "session.partenaire",
                "session.agent",
                "session.profil",
                "session.habilitations",
                "session.partenaire.id",
                "session.partenaire.nom",
                "session.agent.id",
                "session.habilitations.cafs",
                "session.habilitations.onglets",
                "session.habilitations.actions",
                "session.habilitations.typesAttestation",
                "session.habilitations.finalites"),
            Map.of()),
        new Golden(
            "error.json",
            ErrorBody.class,
            List.of("errors", "errors[0].code", "errors[0].title"),
            Map.of()),
        new Golden(
            "dossier-reference.json",
            DossierReferencePayload.class,
            List.of("reference", "caf"),
            Map.of()),
        new Golden(
            "dossier-lookup.json",
            DossierLookup.class,
            List.of("caf", "numeroAllocataire"),
            Map.of()),
        new Golden(
            "dialogue-message.json", DialogueRequest.class, List.of("objet", "message"), Map.of()));
  }

  private static Map<String, Function<Object, Object>> enums(
      String path, Function<Object, Object> probe) {
    Map<String, Function<Object, Object>> map = new LinkedHashMap<>();
    map.put(path, probe);
    return map;
  }

  private static Map<String, Function<Object, Object>> enums(
      String path1,
      Function<Object, Object> probe1,
      String path2,
      Function<Object, Object> probe2) {
    Map<String, Function<Object, Object>> map = enums(path1, probe1);
    map.put(path2, probe2);
    return map;
  }

  private static Map<String, Function<Object, Object>> enums(
      String path1,
      Function<Object, Object> probe1,
      String path2,
      Function<Object, Object> probe2,
      String path3,
      Function<Object, Object> probe3) {
    Map<String, Function<Object, Object>> map = enums(path1, probe1, path2, probe2);
    map.put(path3, probe3);
    return map;
  }

  private static Map<String, Function<Object, Object>> enums(
      String path1,
      Function<Object, Object> probe1,
      String path2,
      Function<Object, Object> probe2,
      String path3,
      Function<Object, Object> probe3,
      String path4,
      Function<Object, Object> probe4) {
    Map<String, Function<Object, Object>> map = enums(path1, probe1, path2, probe2, path3, probe3);
    map.put(path4, probe4);
    return map;
  }

  private static Logement logement(Object v) {
    return ((InformationsLogement) v).logement().orElseThrow();
  }

  static Stream<Arguments> requiredFields() {
    return goldens().flatMap(g -> g.required().stream().map(path -> Arguments.of(g, path)));
  }

  static Stream<Arguments> tolerantEnums() {
    return goldens().flatMap(g -> g.enums().keySet().stream().map(path -> Arguments.of(g, path)));
  }

  private static Object decode(Golden golden, String json) {
    return CdapJson.decode(golden.type(), json);
  }

  private static Object decode(Golden golden) {
    return decode(golden, Goldens.read(golden.file()));
  }

  private static <T> String encode(Class<T> type, Object value) {
    return CdapJson.encode(type, type.cast(value));
  }

  // ---- generic properties, for every golden ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void encode_whenGoldenDecoded_writesTheGoldenBack(Golden golden) {
    String encoded = encode(golden.type(), decode(golden));

    assertThat(Goldens.tree(encoded)).isEqualTo(Goldens.tree(Goldens.read(golden.file())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void decode_whenEncodedValueDecodedAgain_equalsFirstDecode(Golden golden) {
    Object first = decode(golden);

    Object again = decode(golden, encode(golden.type(), first));

    assertThat(again).isEqualTo(first);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void decode_whenUnknownFieldInEveryObject_ignoresThem(Golden golden) {
    String json =
        Goldens.edited(
            golden.file(),
            tree ->
                Goldens.addEverywhere(
                    tree,
                    "champAjouteParUnServeurFutur",
                    Goldens.object("liste", new ArrayList<>(List.of(1.0, "a")), "vide", null)));

    assertThat(decode(golden, json)).isEqualTo(decode(golden));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("tolerantEnums")
  void decode_whenEnumValueUnknown_decodesToUnknown(Golden golden, String path) {
    String json =
        Goldens.edited(
            golden.file(),
            tree -> Goldens.parentOf(tree, path).put(Goldens.lastKey(path), "VALEUR_FUTURE"));

    Object probed = golden.enums().get(path).apply(decode(golden, json));

    assertThat(((Enum<?>) probed).name()).isEqualTo("UNKNOWN");
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("requiredFields")
  void decode_whenRequiredFieldAbsent_throwsJsonDataExceptionNamingIt(Golden golden, String path) {
    String json =
        Goldens.edited(
            golden.file(), tree -> Goldens.parentOf(tree, path).remove(Goldens.lastKey(path)));

    assertThatThrownBy(() -> decode(golden, json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining(Goldens.lastKey(path));
  }

  @ParameterizedTest(name = "{0} with null {1}")
  @MethodSource("requiredFields")
  void decode_whenRequiredFieldNull_throwsJsonDataException(Golden golden, String path) {
    String json =
        Goldens.edited(
            golden.file(), tree -> Goldens.parentOf(tree, path).put(Goldens.lastKey(path), null));

    assertThatThrownBy(() -> decode(golden, json)).isInstanceOf(JsonDataException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void toString_whenGoldenDecoded_showsNoPersonalValue(Golden golden) {
    List<String> personal =
        Goldens.valuesOf(
            Goldens.tree(Goldens.read(golden.file())), PERSONAL_KEYS, NOT_PERSONAL_UNDER);

    String printed = decode(golden).toString();

    assertThat(personal).allSatisfy(value -> assertThat(printed).doesNotContain(value));
  }

  @Test
  void goldens_whenListed_coverEveryFileOfTheGoldenFolder() {
    assertThat(goldens().map(Golden::file))
        .containsExactlyInAnyOrder(
            "synthese.json",
            "resume.json",
            "paiements-page.json",
            "droits.json",
            "famille.json",
            "ressources.json",
            "rsa.json",
            "rsa-absent.json",
            "courriers-page.json",
            "logement.json",
            "creances.json",
            "envoi-postal-receipt.json",
            "dialogue-receipt.json",
            "aide.json",
            "token.json",
            "error.json",
            "dossier-reference.json",
            "dossier-lookup.json",
            "dialogue-message.json");
  }

  // ---- what each golden says ----

  @Test
  void decode_whenSynthese_readsAllocataireHouseholdAndPrestations() {
    Synthese s = CdapJson.decode(Synthese.class, Goldens.read("synthese.json"));

    assertThat(s.allocataire().nom()).isEqualTo("EXEMPLE");
    assertThat(s.allocataire().prenom()).isEqualTo("Camille");
    assertThat(s.caf()).isEqualTo(CafCode.of("751"));
    assertThat(s.situationFamiliale()).isEqualTo(SituationFamiliale.MAR);
    assertThat(s.nombreEnfants()).isEqualTo(2);
    assertThat(s.quotientFamilial().orElseThrow().mois()).isEqualTo(YearMonth.of(2025, 3));
    assertThat(s.quotientFamilial().orElseThrow().montant()).isEqualByComparingTo("687.41");
    assertThat(s.prestations())
        .extracting(PrestationVersee::prestation)
        .containsExactly(Prestation.AF, Prestation.APL);
    assertThat(s.prestations().get(0).montant()).isEqualTo(new BigDecimal("141.99"));
  }

  @Test
  void decode_whenResume_readsAddressAndStatus() {
    ResumeDossier r = CdapJson.decode(ResumeDossier.class, Goldens.read("resume.json"));

    assertThat(r.adresse().ligne1()).isEqualTo("12 rue de l'Exemple");
    assertThat(r.adresse().ligne2()).contains("Bâtiment B, appartement 34");
    assertThat(r.adresse().codePostal()).isEqualTo("75999");
    assertThat(r.dateAffiliation()).isEqualTo(LocalDate.of(2009, 9, 1));
    assertThat(r.regime()).isEqualTo(Regime.GENERAL);
    assertThat(r.dateSituationFamiliale()).contains(LocalDate.of(2011, 6, 18));
    assertThat(r.statut()).isEqualTo(StatutDossier.ACTIF);
    assertThat(r.derniereModification()).isEqualTo(LocalDate.of(2025, 2, 27));
  }

  @Test
  void decode_whenPaiementsPage_readsTiersPayantRetenueAndNextPage() {
    PaiementsPage p = CdapJson.decode(PaiementsPage.class, Goldens.read("paiements-page.json"));

    assertThat(p.perimetre()).isEqualTo(Perimetre.COMPLET);
    assertThat(p.elements()).hasSize(3);
    Paiement apl = p.elements().get(1);
    assertThat(apl.beneficiaire()).isEqualTo(Beneficiaire.TIERS);
    assertThat(apl.tiers()).contains("OFFICE PUBLIC DE L'HABITAT EXEMPLE");
    assertThat(apl.retenue()).contains(new BigDecimal("13.61"));
    assertThat(apl.periode()).isEqualTo(YearMonth.of(2025, 2));
    assertThat(p.elements().get(0).retenue()).isEmpty();
    assertThat(p.page().suivante()).contains(1);
  }

  @Test
  void decode_whenDroits_readsEndDateAndReason() {
    Droits d = CdapJson.decode(Droits.class, Goldens.read("droits.json"));

    Droit ferme = d.droits().get(1);
    assertThat(ferme.etat()).isEqualTo(EtatDroit.FERME);
    assertThat(ferme.fin()).contains(LocalDate.of(2019, 12, 31));
    assertThat(ferme.motifFin()).isPresent();
    assertThat(d.droits().get(0).fin()).isEmpty();
    assertThat(d.droits().get(2).etat()).isEqualTo(EtatDroit.SUSPENDU);
  }

  @Test
  void decode_whenFamille_readsRolesNirsAndDependants() {
    CompositionFamille f = CdapJson.decode(CompositionFamille.class, Goldens.read("famille.json"));

    assertThat(f.membres())
        .extracting(Membre::role)
        .containsExactly(
            RoleFamille.DEM, RoleFamille.CJT, RoleFamille.ENF, RoleFamille.ENF, RoleFamille.AUT);
    assertThat(f.membres().get(0).nir()).contains(Nir.of("285037599900165"));
    assertThat(f.membres().get(3).nir()).isEmpty();
    assertThat(f.membres()).filteredOn(Membre::aCharge).hasSize(2);
    assertThat(f.membres().get(2).dateNaissance()).isEqualTo(LocalDate.of(2012, 5, 17));
  }

  @Test
  void decode_whenRessources_readsQuotientN2AndQuarters() {
    Ressources r = CdapJson.decode(Ressources.class, Goldens.read("ressources.json"));

    assertThat(r.revenusN2().orElseThrow().annee()).isEqualTo(2023);
    assertThat(r.revenusN2().orElseThrow().montant()).isEqualTo(new BigDecimal("31847.52"));
    assertThat(r.declarationsTrimestrielles())
        .extracting(DeclarationTrimestrielle::debut)
        .containsExactly(YearMonth.of(2024, 10), YearMonth.of(2025, 1));
  }

  @Test
  void decode_whenRessourcesWithoutDeclarations_readsThemAsEmpty() {
    String json =
        Goldens.edited(
            "ressources.json",
            tree ->
                Goldens.parentOf(tree, "declarationsTrimestrielles")
                    .remove("declarationsTrimestrielles"));

    Ressources r = CdapJson.decode(Ressources.class, json);

    assertThat(r.declarationsTrimestrielles()).isEmpty();
  }

  @Test
  void decode_whenRsa_readsStateCodeAndReferent() {
    DossierRsa d = CdapJson.decode(Rsa.class, Goldens.read("rsa.json")).dossierRsa().orElseThrow();

    assertThat(d.etat()).isEqualTo(EtatRsa.OUVERT_VERSABLE);
    assertThat(d.etat().code()).isEqualTo("2");
    assertThat(d.nature()).contains(NatureRsa.MAJORE);
    assertThat(d.orientation()).contains(OrientationRsa.SOCIO_PROFESSIONNELLE);
    assertThat(d.referent().orElseThrow().nom()).contains("MAQUETTE");
    assertThat(d.dateOuverture()).contains(LocalDate.of(2024, 6, 1));
  }

  @Test
  void decode_whenRsaAbsent_readsNoDossier() {
    assertThat(CdapJson.decode(Rsa.class, Goldens.read("rsa-absent.json")).dossierRsa()).isEmpty();
  }

  @Test
  void decode_whenCourriersLastPage_readsNoNextPage() {
    CourriersPage c = CdapJson.decode(CourriersPage.class, Goldens.read("courriers-page.json"));

    assertThat(c.elements())
        .extracting(Courrier::canal)
        .containsExactly(
            CanalCourrier.COURRIER, CanalCourrier.EMAIL, CanalCourrier.ESPACE_PERSONNEL);
    assertThat(c.page().numero()).isEqualTo(1);
    assertThat(c.page().hasSuivante()).isFalse();
  }

  @Test
  void decode_whenLogement_readsRentLandlordAndTiersPayant() {
    Logement l =
        CdapJson.decode(InformationsLogement.class, Goldens.read("logement.json"))
            .logement()
            .orElseThrow();

    assertThat(l.type()).isEqualTo(TypeLogement.LOCATAIRE_PARC_SOCIAL);
    assertThat(l.loyer()).contains(new BigDecimal("512.36"));
    assertThat(l.bailleur().orElseThrow().type()).contains(TypeBailleur.SOCIAL);
    assertThat(l.aide()).contains(Prestation.APL);
    assertThat(l.tiersPayant()).isTrue();
  }

  @Test
  void decode_whenCreances_readsBalanceAndPlan() {
    Creances c = CdapJson.decode(Creances.class, Goldens.read("creances.json"));

    Creance enCours = c.creances().get(0);
    assertThat(enCours.soldeRestant()).isEqualTo(new BigDecimal("308.62"));
    PlanRemboursement plan = enCours.planRemboursement().orElseThrow();
    assertThat(plan.modalite()).isEqualTo(ModaliteRemboursement.RETENUE_SUR_PRESTATIONS);
    assertThat(plan.finPrevue()).contains(LocalDate.of(2025, 7, 31));
    assertThat(c.creances().get(1).etat()).isEqualTo(EtatCreance.SOLDEE);
    assertThat(c.creances().get(1).soldeRestant()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void decode_whenReceipts_readReferences() {
    EnvoiPostalReceipt envoi =
        CdapJson.decode(EnvoiPostalReceipt.class, Goldens.read("envoi-postal-receipt.json"));
    DialogueReceipt dialogue =
        CdapJson.decode(DialogueReceipt.class, Goldens.read("dialogue-receipt.json"));

    assertThat(envoi.reference()).isEqualTo("ENV-751-000123");
    assertThat(envoi.type()).isEqualTo(AttestationType.QUOTIENT_FAMILIAL);
    assertThat(envoi.dateEnvoiPrevue()).isEqualTo(LocalDate.of(2025, 3, 17));
    assertThat(dialogue.reference()).isEqualTo("DLG-751-000042");
    assertThat(dialogue.recuLe())
        .isEqualTo(OffsetDateTime.of(2025, 3, 14, 10, 15, 30, 0, ZoneOffset.ofHours(1)));
  }

  @Test
  void decode_whenAide_readsFiches() {
    AideEnLigne a = CdapJson.decode(AideEnLigne.class, Goldens.read("aide.json"));

    assertThat(a.fiches()).extracting(FichePratique::id).containsExactly("FP-001", "FP-002");
    assertThat(a.fiches().get(0).miseAJour()).contains(LocalDate.of(2024, 9, 2));
    assertThat(a.fiches().get(1).resume()).isEmpty();
  }

  @Test
  void decode_whenToken_readsSessionAndHabilitations() {
    TokenResponse t = CdapJson.decode(TokenResponse.class, Goldens.read("token.json"));

    assertThat(t.expiresIn()).isEqualTo(1800);
    assertThat(t.session().profil()).isEqualTo("T1");
    assertThat(t.session().debitMaxParSeconde()).isEqualTo(20);
    var h = t.session().habilitations().toHabilitations();
    assertThat(h.cafs()).containsExactly(CafCode.of("751"), CafCode.of("931"));
    assertThat(h.tabs()).containsExactlyInAnyOrder(Tab.values());
    assertThat(h.actions()).containsExactlyInAnyOrder(Action.values());
    assertThat(h.finalites())
        .containsExactly(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, FinaliteCode.PREVENTION_EXPULSIONS);
    assertThat(h.restrictions()).containsExactly(Restriction.SANS_NIR);
  }

  @Test
  void decode_whenTokenHasUnknownHabilitations_skipsThem() {
    String json =
        Goldens.edited(
            "token.json",
            tree -> {
              @SuppressWarnings("unchecked")
              Map<String, List<Object>> h =
                  (Map<String, List<Object>>)
                      (Object) Goldens.parentOf(tree, "session.habilitations.cafs");
              h.get("cafs").add("75X");
              h.get("onglets").add("onglet_futur");
              h.get("actions").add("ACTION_FUTURE");
              h.get("typesAttestation").add("ATTESTATION_FUTURE");
              h.get("finalites").add("finalité invalide");
              h.get("restrictions").add("RESTRICTION_FUTURE");
            });

    var h = CdapJson.decode(TokenResponse.class, json).session().habilitations().toHabilitations();

    assertThat(h.cafs()).hasSize(2);
    assertThat(h.tabs()).hasSize(Tab.values().length);
    assertThat(h.actions()).hasSize(Action.values().length);
    assertThat(h.attestationTypes()).hasSize(AttestationType.values().length);
    assertThat(h.finalites()).hasSize(2);
    assertThat(h.restrictions()).containsExactly(Restriction.SANS_NIR);
  }

  @Test
  void decode_whenError_readsCodeAndMeta() {
    ErrorBody e = CdapJson.decode(ErrorBody.class, Goldens.read("error.json"));

    assertThat(e.first().code()).isEqualTo("37003");
    assertThat(e.first().title()).isEqualTo("Entité non trouvée");
    assertThat(e.first().meta()).containsEntry("provider", "CNAF");
  }

  @Test
  void decode_whenRequests_readFieldsAsSent() {
    DossierLookup lookup =
        CdapJson.decode(DossierLookup.class, Goldens.read("dossier-lookup.json"));
    DialogueRequest dialogue =
        CdapJson.decode(DialogueRequest.class, Goldens.read("dialogue-message.json"));
    DossierReferencePayload reference =
        CdapJson.decode(DossierReferencePayload.class, Goldens.read("dossier-reference.json"));

    assertThat(NumeroAllocataire.of(lookup.numeroAllocataire()).value()).isEqualTo("9912345");
    assertThat(dialogue.dossierReference()).isEqualTo(reference.reference());
    assertThat(reference.caf()).isEqualTo("751");
  }
}
