package net.cdapkit.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Types;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Habilitations;
import net.cdapkit.capability.Profiles;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.CompositionFamille;
import net.cdapkit.model.Droit;
import net.cdapkit.model.EnvoiPostalReceipt;
import net.cdapkit.model.EtatRsa;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Nir;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.PageInfo;
import net.cdapkit.model.PaiementsPage;
import net.cdapkit.model.Perimetre;
import net.cdapkit.model.Prestation;
import net.cdapkit.model.QuotientFamilial;
import net.cdapkit.model.Synthese;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Edge cases of the JSON layer; the happy paths run through the golden files. */
class CdapJsonTest {
  private static final String FAMILLE_WITH_NIR =
      "{\"perimetre\":\"COMPLET\",\"membres\":[{\"role\":\"DEM\",\"nom\":\"FICTIF\","
          + "\"prenom\":\"Dominique\",\"dateNaissance\":\"1983-11-02\",\"nir\":\"%s\","
          + "\"aCharge\":false}]}";

  private static BigDecimal montant(String json) {
    return CdapJson.decode(
            QuotientFamilial.class, "{\"mois\":\"2025-03\",\"montant\":" + json + "}")
        .montant();
  }

  @Test
  void moshi_whenCalledTwice_returnsTheSharedInstance() {
    assertThat(CdapJson.moshi()).isSameAs(CdapJson.moshi());
  }

  // ---- amounts ----

  @Test
  void decode_whenAmountIsString_keepsItsScale() {
    assertThat(montant("\"141.90\"")).isEqualTo(new BigDecimal("141.90"));
    assertThat(montant("\"-3.10\"")).isEqualTo(new BigDecimal("-3.10"));
  }

  @Test
  void decode_whenAmountIsNumber_readsTheSameValueWithoutFloatingPoint() {
    assertThat(montant("141.99")).isEqualTo(new BigDecimal("141.99"));
    assertThat(montant("0.1")).isEqualTo(new BigDecimal("0.1"));
    assertThat(montant("12")).isEqualTo(new BigDecimal("12"));
  }

  @Test
  void encode_whenAmount_writesAStringWithItsScale() {
    QuotientFamilial qf =
        QuotientFamilial.builder()
            .mois(YearMonth.of(2025, 3))
            .montant(new BigDecimal("12.50"))
            .build();

    assertThat(CdapJson.encode(QuotientFamilial.class, qf))
        .isEqualTo("{\"mois\":\"2025-03\",\"montant\":\"12.50\"}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"abc\"",
        "\"\"",
        "\" 12.00\"",
        "\"12.00 \"",
        "\"1.2.3\"",
        "\"+1.00\"",
        "\"1e5\"",
        "\"12.\"",
        "\".50\"",
        "\"--1\"",
        "\"NaN\"",
        "1e5",
        "true",
        "{}",
        "[\"1.00\"]"
      })
  void decode_whenAmountMalformed_throwsJsonDataExceptionNamingThePath(String json) {
    assertThatThrownBy(() -> montant(json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("montant");
  }

  @Test
  void decode_whenAmountHasFifteenIntegerDigits_accepts() {
    assertThat(montant("\"999999999999999.99\"")).isEqualTo(new BigDecimal("999999999999999.99"));
  }

  @Test
  void decode_whenAmountHasSixteenIntegerDigits_throwsWithoutTheValue() {
    String huge = "1234567890123456.00";

    assertThatThrownBy(() -> montant("\"" + huge + "\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("15 integer digits")
        .message()
        .doesNotContain(huge);
    assertThatThrownBy(() -> montant(huge)).isInstanceOf(JsonDataException.class);
  }

  @Test
  void decode_whenAmountIsAMegabyteOfDigits_rejectsIt() {
    String digits = "9".repeat(1 << 20);

    assertThatThrownBy(() -> montant("\"" + digits + "\"")).isInstanceOf(JsonDataException.class);
  }

  // ---- dates and identifiers ----

  @ParameterizedTest
  @ValueSource(strings = {"2025-02-30", "2025-2-01", "01/02/2025", "2025-02-01T00:00", "demain"})
  void decode_whenDateInvalid_throwsWithoutTheValue(String date) {
    String json =
        "{\"reference\":\"ENV-751-000123\",\"type\":\"PAIEMENT\",\"dateEnvoiPrevue\":\""
            + date
            + "\"}";

    assertThatThrownBy(() -> CdapJson.decode(EnvoiPostalReceipt.class, json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.dateEnvoiPrevue")
        .hasMessageContaining("yyyy-MM-dd")
        .hasNoCause()
        .message()
        .doesNotContain(date);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-13", "2025-1", "2025-03-01", "25-03"})
  void decode_whenMonthInvalid_throws(String month) {
    assertThatThrownBy(
            () ->
                CdapJson.decode(
                    QuotientFamilial.class, "{\"mois\":\"" + month + "\",\"montant\":\"1.00\"}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("yyyy-MM");
  }

  @Test
  void decode_whenDateTimeHasNoOffset_throws() {
    assertThatThrownBy(
            () ->
                CdapJson.moshi().adapter(OffsetDateTime.class).fromJson("\"2025-03-14T10:15:30\""))
        .isInstanceOf(JsonDataException.class);
  }

  @Test
  void decode_whenNirKeyWrongInsideFamille_throwsNamingThePathButNotTheNir() {
    String badNir = "183117599900248";

    assertThatThrownBy(
            () ->
                CdapJson.decode(CompositionFamille.class, String.format(FAMILLE_WITH_NIR, badNir)))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.membres[0].nir")
        .hasNoCause()
        .message()
        .doesNotContain(badNir)
        .doesNotContain("1831175999002");
  }

  @Test
  void decode_whenNirValidInsideFamille_readsIt() {
    CompositionFamille f =
        CdapJson.decode(
            CompositionFamille.class, String.format(FAMILLE_WITH_NIR, "183117599900249"));

    assertThat(f.membres().get(0).nir()).contains(Nir.of("183117599900249"));
  }

  @Test
  void decode_whenCafCodeInvalid_throwsWithoutTheValue() {
    String json =
        "{\"allocataire\":{\"nom\":\"MAQUETTE\",\"prenom\":\"Alix\"},\"caf\":\"7X1\","
            + "\"situationFamiliale\":\"CEL\",\"nombreEnfants\":0,\"prestations\":[]}";

    assertThatThrownBy(() -> CdapJson.decode(Synthese.class, json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.caf")
        .message()
        .doesNotContain("7X1");
  }

  @Test
  void identifiers_whenRoundTripped_useTheirStringForm() throws IOException {
    JsonAdapter<NumeroAllocataire> numero = CdapJson.moshi().adapter(NumeroAllocataire.class);
    JsonAdapter<FinaliteCode> finalite = CdapJson.moshi().adapter(FinaliteCode.class);

    assertThat(numero.fromJson("\"12345\"")).isEqualTo(NumeroAllocataire.of("0012345"));
    assertThat(numero.toJson(NumeroAllocataire.of("9912345"))).isEqualTo("\"9912345\"");
    assertThat(finalite.fromJson("\"GESTION_LOCATIVE\"")).isSameAs(FinaliteCode.GESTION_LOCATIVE);
    assertThat(finalite.toJson(FinaliteCode.INSTRUCTION_RSA)).isEqualTo("\"INSTRUCTION_RSA\"");
    assertThatThrownBy(() -> numero.fromJson("\"12345678\""))
        .isInstanceOf(JsonDataException.class)
        .message()
        .doesNotContain("12345678");
  }

  // ---- enums ----

  @Test
  void encode_whenUnknownConstant_throws() {
    JsonAdapter<Prestation> adapter = CdapJson.moshi().adapter(Prestation.class);

    assertThatThrownBy(() -> adapter.toJson(Prestation.UNKNOWN))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("UNKNOWN");
  }

  @Test
  void enum_whenJsonNameAnnotated_usesItBothWays() throws IOException {
    JsonAdapter<EtatRsa> adapter = CdapJson.moshi().adapter(EtatRsa.class);

    assertThat(adapter.fromJson("\"6\"")).isEqualTo(EtatRsa.CLOS_CREANCES_TRANSFEREES);
    assertThat(adapter.fromJson("\"7\"")).isEqualTo(EtatRsa.UNKNOWN);
    assertThat(adapter.fromJson("\"OUVERT_VERSABLE\"")).isEqualTo(EtatRsa.UNKNOWN);
    assertThat(adapter.toJson(EtatRsa.OUVERT_SUSPENDU)).isEqualTo("\"3\"");
  }

  @Test
  void enum_whenTab_usesTheWireName() throws IOException {
    JsonAdapter<Tab> adapter = CdapJson.moshi().adapter(Tab.class);

    assertThat(adapter.toJson(Tab.FAMILLE)).isEqualTo("\"famille\"");
    assertThat(adapter.fromJson("\"famille\"")).isEqualTo(Tab.FAMILLE);
    assertThat(adapter.fromJson("\"LOGEMENT\"")).isEqualTo(Tab.LOGEMENT);
    assertThatThrownBy(() -> adapter.fromJson("\"onglet_futur\""))
        .isInstanceOf(JsonDataException.class);
  }

  @Test
  void enum_whenNoUnknownConstantAndValueUnknown_throwsWithoutTheValue() {
    String json =
        "{\"reference\":\"ENV-1\",\"type\":\"SECRET_42\",\"dateEnvoiPrevue\":\"2025-03-17\"}";

    assertThatThrownBy(() -> CdapJson.decode(EnvoiPostalReceipt.class, json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("AttestationType")
        .hasMessageContaining("$.type")
        .message()
        .doesNotContain("SECRET_42");
  }

  @Test
  void decode_whenEnumSetHoldsUnknownValuesAndNulls_skipsThem() throws IOException {
    Type setOfActions = Types.newParameterizedType(Set.class, Action.class);
    Type listOfTabs = Types.newParameterizedType(List.class, Tab.class);

    Set<Action> actions =
        CdapJson.moshi()
            .<Set<Action>>adapter(setOfActions)
            .fromJson("[\"DIALOGUE\",\"FUTURE\",null]");
    List<Tab> tabs =
        CdapJson.moshi()
            .<List<Tab>>adapter(listOfTabs)
            .fromJson("[\"rsa\",\"futur\",\"synthese\"]");

    assertThat(actions).containsExactly(Action.DIALOGUE);
    assertThat(tabs).containsExactly(Tab.RSA, Tab.SYNTHESE);
  }

  @Test
  void decode_whenEnumListWithUnknownConstantHoldsUnknownValue_keepsItAsUnknown()
      throws IOException {
    Type listOfPrestations = Types.newParameterizedType(Collection.class, Prestation.class);

    Collection<Prestation> prestations =
        CdapJson.moshi()
            .<Collection<Prestation>>adapter(listOfPrestations)
            .fromJson("[\"AF\",\"NOUVELLE\"]");

    assertThat(prestations).containsExactly(Prestation.AF, Prestation.UNKNOWN);
  }

  // ---- value types ----

  @Test
  void habilitations_whenRoundTripped_useWireTabNamesAndSkipUnknownEntries() throws IOException {
    Habilitations t1 = Profiles.t1(List.of(CafCode.of("751"))).habilitations();
    JsonAdapter<Habilitations> adapter = CdapJson.moshi().adapter(Habilitations.class);

    String json = adapter.toJson(t1);
    Habilitations again =
        adapter.fromJson(
            json.replace("\"famille\"", "\"famille\",\"futur\"")
                .replace("\"DIALOGUE\"", "\"DIALOGUE\",\"FUTURE\""));

    assertThat(json).contains("\"famille\"").doesNotContain("FAMILLE");
    assertThat(again).isEqualTo(t1);
  }

  @Test
  void adapter_whenAnyValueTypeOfTheSdk_canBeMade() {
    List<Class<?>> valueTypes =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("net.cdapkit")
                .stream()
                .filter(c -> c.getSimpleName().startsWith("Immutable") && !c.isNestedClass())
                // Audit records have their own journal format; they never travel in the contract.
                .filter(c -> !c.getPackageName().equals("net.cdapkit.audit"))
                .map(c -> c.getRawSuperclass().orElseThrow().reflect())
                .collect(Collectors.toList());

    assertThat(valueTypes).contains(Synthese.class, Habilitations.class).hasSizeGreaterThan(30);
    assertThat(valueTypes)
        .allSatisfy(
            type ->
                assertThat(CdapJson.moshi().adapter(type))
                    .hasToString("ValueTypeAdapter(" + type.getName() + ").nullSafe()"));
  }

  @Test
  void adapter_whenAskedForTheGeneratedClass_usesTheValueType() {
    PageInfo page = PageInfo.builder().numero(0).taille(5).build();
    @SuppressWarnings("unchecked")
    JsonAdapter<PageInfo> adapter =
        (JsonAdapter<PageInfo>) CdapJson.moshi().adapter(page.getClass());

    assertThat(adapter.toJson(page)).isEqualTo("{\"numero\":0,\"taille\":5}");
  }

  @Test
  void decode_whenSuivanteNullOrAbsent_hasNoNextPage() {
    assertThat(
            CdapJson.decode(PageInfo.class, "{\"numero\":0,\"taille\":5,\"suivante\":null}")
                .suivante())
        .isEmpty();
    assertThat(CdapJson.decode(PageInfo.class, "{\"numero\":0,\"taille\":5}").suivante()).isEmpty();
  }

  @Test
  void decode_whenCheckFails_throwsNamingTypeAndField() {
    assertThatThrownBy(
            () -> CdapJson.decode(PageInfo.class, "{\"numero\":3,\"taille\":5,\"suivante\":3}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("PageInfo")
        .hasMessageContaining("suivante");
  }

  @Test
  void decode_whenDroitEndsBeforeStart_throwsWithoutDates() {
    String json =
        "{\"prestation\":\"AF\",\"etat\":\"FERME\",\"debut\":\"2020-01-01\","
            + "\"fin\":\"2019-12-31\",\"montantMensuel\":\"141.99\"}";

    assertThatThrownBy(() -> CdapJson.decode(Droit.class, json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("Droit.fin")
        .message()
        .doesNotContain("2019-12-31")
        .doesNotContain("141.99");
  }

  @Test
  void decode_whenListHoldsNull_throwsNamingTheList() {
    String json =
        "{\"perimetre\":\"COMPLET\",\"elements\":[null],\"page\":{\"numero\":0,\"taille\":1}}";

    assertThatThrownBy(() -> CdapJson.decode(PaiementsPage.class, json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("PaiementsPage.elements");
  }

  @Test
  void decode_whenPrimitiveHasWrongType_throwsJsonDataException() {
    assertThatThrownBy(() -> CdapJson.decode(PageInfo.class, "{\"numero\":\"zero\",\"taille\":5}"))
        .isInstanceOf(JsonDataException.class);
  }

  @Test
  void decode_whenIntegerOutOfRange_throwsNamingTheFieldButNotTheNumber() {
    String json = "{\"numero\":98765432109876543210,\"taille\":5}";

    assertThatThrownBy(() -> CdapJson.decode(PageInfo.class, json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("PageInfo.numero")
        .message()
        .doesNotContain("98765432109876543210");
  }

  @Test
  void encode_whenValueHasEmptyListAndAbsentOptionals_writesTheListOmitsTheOptionals() {
    PaiementsPage page =
        PaiementsPage.builder()
            .perimetre(Perimetre.AIDES_LOGEMENT)
            .page(PageInfo.builder().numero(0).taille(50).build())
            .build();

    assertThat(CdapJson.encode(PaiementsPage.class, page))
        .isEqualTo(
            "{\"perimetre\":\"AIDES_LOGEMENT\",\"elements\":[],\"page\":{\"numero\":0,\"taille\":50}}");
  }

  // ---- documents ----

  @Test
  void decode_whenMalformedNullOrTrailingContent_throwsJsonDataException() {
    assertThatThrownBy(() -> CdapJson.decode(PageInfo.class, "{\"numero\":0,"))
        .isInstanceOf(JsonDataException.class);
    assertThatThrownBy(() -> CdapJson.decode(PageInfo.class, "null"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("null");
    assertThatThrownBy(() -> CdapJson.decode(PageInfo.class, "{\"numero\":0,\"taille\":5} {}"))
        .isInstanceOf(JsonDataException.class);
  }

  @Test
  void decode_whenFromSource_readsTheDocument() throws IOException {
    PageInfo page =
        CdapJson.decode(PageInfo.class, new Buffer().writeUtf8("{\"numero\":1,\"taille\":5}"));

    assertThat(page.numero()).isEqualTo(1);
  }

  // ---- wire records ----

  @Test
  void decode_whenSessionLacksProfil_throwsNamingItAndThePath() {
    String json =
        "{\"accessToken\":\"tok_EXEMPLE_0123456789\",\"tokenType\":\"Bearer\",\"expiresIn\":60,"
            + "\"session\":{\"partenaire\":{\"id\":\"P\",\"nom\":\"N\"},\"agent\":{\"id\":\"A\"},"
            + "\"habilitations\":{\"cafs\":[],\"onglets\":[],\"actions\":[],"
            + "\"typesAttestation\":[],\"finalites\":[]}}}";

    assertThatThrownBy(() -> CdapJson.decode(TokenResponse.class, json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("Session.profil")
        .hasMessageContaining("$.session");
  }

  @Test
  void decode_whenTokenExpiresInZero_throws() {
    String json = Goldens.TOKEN.replace("\"expiresIn\": 1800", "\"expiresIn\": 0");

    assertThatThrownBy(() -> CdapJson.decode(TokenResponse.class, json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("expiresIn");
  }

  @Test
  void toHabilitations_whenOptionalRestrictionsAbsent_hasNone() {
    HabilitationsPayload payload =
        new HabilitationsPayload(
            List.of("751", "bad"), List.of("rsa"), List.of(), List.of("DROITS"), List.of(), null);

    Habilitations h = payload.toHabilitations();

    assertThat(h.cafs()).containsExactly(CafCode.of("751"));
    assertThat(h.tabs()).containsExactly(Tab.RSA);
    assertThat(h.attestationTypes()).containsExactly(AttestationType.DROITS);
    assertThat(h.restrictions()).isEmpty();
  }

  @Test
  void habilitationsPayload_whenMadeFromHabilitations_convertsBack() {
    Habilitations t5 = Profiles.t5(List.of(CafCode.of("931"), CafCode.of("751"))).habilitations();

    HabilitationsPayload payload = HabilitationsPayload.of(t5);

    assertThat(payload.onglets()).contains("logement").doesNotContain("LOGEMENT");
    assertThat(payload.toHabilitations()).isEqualTo(t5);
  }

  @Test
  void encode_whenDialogueRequestWithoutDossier_omitsTheReference() {
    String json =
        CdapJson.encode(DialogueRequest.class, new DialogueRequest("Objet", "Message", null));

    assertThat(json).isEqualTo("{\"objet\":\"Objet\",\"message\":\"Message\"}");
  }

  @Test
  void toString_whenRecordsHoldSecretsOrPersonalData_masksThem() {
    TokenResponse token =
        new TokenResponse(
            "tok_SECRET_0123456789",
            "Bearer",
            60,
            new SessionPayload(
                new PartenairePayload("P1", "CCAS de démonstration"),
                new AgentPayload("A1", "SPECIMEN"),
                "T1",
                HabilitationsPayload.of(Habilitations.builder().build()),
                null));

    assertThat(token.toString())
        .doesNotContain("tok_SECRET")
        .doesNotContain("SPECIMEN")
        .contains("CCAS de démonstration");
    assertThat(new DossierLookup("751", "9912345").toString()).doesNotContain("9912345");
    assertThat(new DialogueRequest("Famille FICTIF", "Texte MAQUETTE", "dos_X").toString())
        .doesNotContain("FICTIF")
        .doesNotContain("MAQUETTE");
    assertThat(new ErrorItem("37003", "Entité non trouvée", "Dossier 9912345", Map.of()).toString())
        .doesNotContain("9912345");
  }

  @Test
  void records_whenBuiltWithLists_holdUnmodifiableCopies() {
    List<String> cafs = new java.util.ArrayList<>(List.of("751"));
    HabilitationsPayload payload =
        new HabilitationsPayload(cafs, List.of(), List.of(), List.of(), List.of(), List.of());

    cafs.add("931");

    assertThat(payload.cafs()).containsExactly("751");
    assertThatThrownBy(() -> payload.cafs().add("131"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void decode_whenDateWellFormed_readsIt() throws IOException {
    assertThat(CdapJson.moshi().adapter(LocalDate.class).fromJson("\"2024-02-29\""))
        .isEqualTo(LocalDate.of(2024, 2, 29));
  }

  /** Only what these tests need from the golden files, which live with the model tests. */
  private static final class Goldens {
    static final String TOKEN = read("/net/cdapkit/model/golden/token.json");

    private static String read(String resource) {
      try (var in = CdapJsonTest.class.getResourceAsStream(resource)) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
