package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.testkit.internal.server.AttestationPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttestationsAndSendsTest {
  private static final String SOCIAL = "ACCOMPAGNEMENT_SOCIAL";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T10:15:30Z"), ZoneOffset.UTC);
  private static CdapSimulator sim;
  private static SimClient client;

  private String token;
  private String ref;

  @BeforeAll
  static void start() {
    sim = CdapSimulator.builder().clock(CLOCK).conformance(Conformance.RESPONSES).build().start();
    client = new SimClient(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void loginAndLookUpTheDemoDossier() {
    sim.reset();
    token = client.login("demo-t1");
    ref = client.lookup(token, "751", "9900001", SOCIAL);
  }

  /** Some requests here are malformed on purpose; the simulator's answers must still conform. */
  @AfterEach
  void answersConform() {
    sim.assertConformance();
  }

  private SimClient.Resp pdf(String token, String ref, String type, String finalite) {
    return client
        .get("dossiers/" + ref + "/attestations/" + type)
        .bearer(token)
        .finalite(finalite)
        .send();
  }

  private SimClient.Resp envoi(String token, String ref, String type, String key) {
    SimClient.Req req =
        client
            .post("dossiers/" + ref + "/attestations/" + type + "/envois-postaux")
            .bearer(token)
            .finalite(SOCIAL);
    if (key != null) {
      req.key(key);
    }
    return req.send();
  }

  private SimClient.Resp dialogue(String token, String caf, String key, String body) {
    SimClient.Req req = client.post("cafs/" + caf + "/dialogues").bearer(token).json(body);
    if (key != null) {
      req.key(key);
    }
    return req.send();
  }

  // ---------------------------------------------------------------- PDF

  @ParameterizedTest
  @EnumSource(AttestationType.class)
  void attestationPdf_whenAllowed_returnsAValidOnePagePdf(AttestationType type) {
    SimClient.Resp r = pdf(token, ref, type.name(), SOCIAL);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/pdf");
    byte[] pdf = r.bytes();
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    assertThat(text).startsWith("%PDF-1.4").endsWith("%%EOF\n").contains("/Count 1");

    Matcher startxref = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(text);
    assertThat(startxref.find()).isTrue();
    int xref = Integer.parseInt(startxref.group(1));
    assertThat(text.substring(xref)).startsWith("xref\n0 8\n0000000000 65535 f \n");
    Matcher entry = Pattern.compile("(\\d{10}) 00000 n \n").matcher(text.substring(xref));
    int object = 1;
    while (entry.find()) {
      int offset = Integer.parseInt(entry.group(1));
      assertThat(text.substring(offset)).startsWith(object + " 0 obj\n");
      object++;
    }
    assertThat(object - 1).isEqualTo(7);

    String winAnsi = new String(pdf, Charset.forName("windows-1252"));
    assertThat(winAnsi).contains(AttestationPdf.MENTION).contains("CAF 751").contains("26/11/2026");
  }

  /** The attestation opened as a reader opens it: PDFBox, not the bytes. */
  @ParameterizedTest
  @EnumSource(AttestationType.class)
  void attestationPdf_whenOpenedWithPdfBox_isOnePageWithItsFieldsAsText(AttestationType type)
      throws IOException {
    byte[] pdf = pdf(token, ref, type.name(), SOCIAL).bytes();

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo(AttestationPdf.titre(type) + " - document fictif");
      String text = new PDFTextStripper().getText(document);
      SyntheticDossier demo =
          Catalogue.standard().find(CafCode.of("751"), Catalogue.DEMO_NUMERO).orElseThrow();
      assertThat(text)
          .contains(AttestationPdf.titre(type))
          .contains("CAF 751")
          .contains(AttestationPdf.MENTION)
          .contains("Allocataire : " + demo.synthese().allocataire().prenom())
          .contains(demo.synthese().allocataire().nom())
          .contains("Généré le 26/11/2026");
      switch (type) {
        case PAIEMENT -> assertThat(text).contains("Paiements au titre de");
        case QUOTIENT_FAMILIAL -> assertThat(text).containsIgnoringCase("quotient familial");
        case DROITS -> assertThat(text).containsIgnoringCase("droit");
      }
    }
  }

  @Test
  void attestationPdf_whenTypeOutsideProfile_returns403With20001() {
    String t5 = client.login("demo-t5");
    String ref5 = client.lookup(t5, "751", "9900001", "GESTION_LOCATIVE");

    SimClient.Resp r = pdf(t5, ref5, "QUOTIENT_FAMILIAL", "GESTION_LOCATIVE");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("20001");
  }

  @Test
  void attestationPdf_whenUnknownType_returns400() {
    SimClient.Resp r = pdf(token, ref, "IMPOTS", SOCIAL);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("00400");
  }

  // ---------------------------------------------------------------- postal dispatch

  @Test
  void envoiPostal_whenSameKeyTwice_sendsOnceAndReplaysTheReceipt() {
    SimClient.Resp first = envoi(token, ref, "PAIEMENT", "envoi-0001");
    SimClient.Resp second = envoi(token, ref, "PAIEMENT", "envoi-0001");

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.str("reference")).matches("ENV-751-\\d{6}");
    assertThat(first.str("type")).isEqualTo("PAIEMENT");
    assertThat(first.str("dateEnvoiPrevue")).isEqualTo("2026-11-28");
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(sim.envoisPostaux())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reference()).isEqualTo(first.str("reference"));
              assertThat(e.caf()).isEqualTo(CafCode.of("751"));
              assertThat(e.numeroAllocataire().value()).isEqualTo("9900001");
              assertThat(e.type()).isEqualTo(AttestationType.PAIEMENT);
              assertThat(e.dateEnvoiPrevue()).isEqualTo(LocalDate.of(2026, 11, 28));
              assertThat(e.agent()).isEqualTo("demo-t1");
              assertThat(e.toString()).doesNotContain("9900001");
            });
  }

  @Test
  void envoiPostal_whenRetriedAfterANewLookup_isStillTheSameRequest() {
    SimClient.Resp first = envoi(token, ref, "DROITS", "envoi-0002");
    String again = client.lookup(token, "751", "9900001", SOCIAL);

    SimClient.Resp second = envoi(token, again, "DROITS", "envoi-0002");

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.str("reference")).isEqualTo(first.str("reference"));
    assertThat(sim.envoisPostaux()).hasSize(1);
  }

  @Test
  void envoiPostal_whenSameKeyForAnotherRequest_returns409With40901() {
    envoi(token, ref, "PAIEMENT", "envoi-0003");

    SimClient.Resp r = envoi(token, ref, "DROITS", "envoi-0003");

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorCode()).isEqualTo("40901");
    assertThat(sim.envoisPostaux()).hasSize(1);
  }

  @Test
  void envoiPostal_whenSameKeyFromAnotherAgent_isAnotherRequest() {
    String t3 = client.login("demo-t3");
    String ref3 = client.lookup(t3, "751", "9900001", "PROTECTION_MAJEURS");

    SimClient.Resp first = envoi(token, ref, "PAIEMENT", "shared-key-01");
    SimClient.Resp second =
        client
            .post("dossiers/" + ref3 + "/attestations/PAIEMENT/envois-postaux")
            .bearer(t3)
            .finalite("PROTECTION_MAJEURS")
            .key("shared-key-01")
            .send();

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.str("reference")).isNotEqualTo(first.str("reference"));
    assertThat(sim.envoisPostaux()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "short",
        "has space in it",
        "x123456789x123456789x123456789x123456789x123456789x123456789x1234"
      })
  void envoiPostal_whenIdempotencyKeyMissingOrMalformed_returns400(String key) {
    SimClient.Resp r = envoi(token, ref, "PAIEMENT", key.isEmpty() ? null : key);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("00400");
    assertThat(sim.envoisPostaux()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo-t4", "demo-t5"})
  void envoiPostal_whenProfileWithoutPostalAction_returns403With20001(String login) {
    String t = client.login(login);
    String finalite =
        login.equals("demo-t4") ? "TARIFICATION_QUOTIENT_FAMILIAL" : "GESTION_LOCATIVE";
    String r0 = client.lookup(t, "751", "9900001", finalite);

    SimClient.Resp r =
        client
            .post("dossiers/" + r0 + "/attestations/QUOTIENT_FAMILIAL/envois-postaux")
            .bearer(t)
            .finalite(finalite)
            .key("envoi-0004")
            .send();

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("20001");
  }

  // ---------------------------------------------------------------- dialogue

  @Test
  void dialogue_whenSameKeyTwice_sendsOnceAndReplaysTheReceipt() {
    String body =
        "{\"objet\":\"Situation du foyer\",\"message\":\"Merci de rappeler l'agent.\","
            + "\"dossierReference\":\""
            + ref
            + "\"}";

    SimClient.Resp first = dialogue(token, "751", "dlg-key-0001", body);
    SimClient.Resp second = dialogue(token, "751", "dlg-key-0001", body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.str("reference")).matches("DLG-751-\\d{6}");
    assertThat(first.str("recuLe")).isEqualTo("2026-11-26T10:15:30Z");
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(sim.dialogues())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.objet()).isEqualTo("Situation du foyer");
              assertThat(d.numeroAllocataire()).isPresent();
              assertThat(d.dossierReference()).contains(ref);
              assertThat(d.toString())
                  .doesNotContain("Situation du foyer")
                  .doesNotContain("rappeler")
                  .doesNotContain("9900001");
            });
  }

  @Test
  void dialogue_whenSameKeyWithAnotherBody_returns409With40901() {
    dialogue(token, "751", "dlg-key-0002", "{\"objet\":\"A\",\"message\":\"premier\"}");

    SimClient.Resp r =
        dialogue(token, "751", "dlg-key-0002", "{\"objet\":\"A\",\"message\":\"second\"}");

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorCode()).isEqualTo("40901");
    assertThat(sim.dialogues()).hasSize(1);
  }

  @Test
  void dialogue_whenSameKeySentConcurrently_recordsExactlyOnce() {
    String body = "{\"objet\":\"Concurrence\",\"message\":\"Un seul envoi attendu.\"}";
    List<CompletableFuture<SimClient.Resp>> calls =
        IntStream.range(0, 16)
            .mapToObj(
                i ->
                    client
                        .post("cafs/751/dialogues")
                        .bearer(token)
                        .key("dlg-concurrent-1")
                        .json(body)
                        .sendAsync())
            .toList();

    List<SimClient.Resp> responses = calls.stream().map(CompletableFuture::join).toList();

    assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
    assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(15);
    assertThat(responses.stream().map(r -> r.str("reference")).distinct()).hasSize(1);
    assertThat(sim.dialogues()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"objet\":\"\",\"message\":\"m\"}",
        "{\"message\":\"m\"}",
        "{\"objet\":\"o\"}",
        "{\"objet\":\"o\",\"message\":\"\"}",
        "{\"objet\":\"o\",\"message\":\"m\",\"dossierReference\":\"9900001\"}",
        "{\"objet\":\"o\",\"message\":\"m\",\"dossierReference\":42}",
        "[\"o\",\"m\"]"
      })
  void dialogue_whenBodyInvalid_returns400(String body) {
    SimClient.Resp r = dialogue(token, "751", "dlg-key-0003", body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("00400");
  }

  @Test
  void dialogue_whenSubjectOrMessageTooLong_returns400() {
    SimClient.Resp objet =
        dialogue(
            token,
            "751",
            "dlg-key-0004",
            "{\"objet\":\"" + "o".repeat(121) + "\",\"message\":\"m\"}");
    SimClient.Resp message =
        dialogue(
            token,
            "751",
            "dlg-key-0005",
            "{\"objet\":\"o\",\"message\":\"" + "m".repeat(4001) + "\"}");
    SimClient.Resp longest =
        dialogue(
            token,
            "751",
            "dlg-key-0006",
            "{\"objet\":\"" + "é".repeat(120) + "\",\"message\":\"" + "m".repeat(4000) + "\"}");

    assertThat(objet.status()).isEqualTo(400);
    assertThat(message.status()).isEqualTo(400);
    assertThat(longest.status()).isEqualTo(201);
  }

  @Test
  void dialogue_whenIdempotencyKeyMissing_returns400() {
    SimClient.Resp r = dialogue(token, "751", null, "{\"objet\":\"o\",\"message\":\"m\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(sim.dialogues()).isEmpty();
  }

  @Test
  void dialogue_whenProfileWithoutDialogue_returns403With20001() {
    String t4 = client.login("demo-t4");

    SimClient.Resp r = dialogue(t4, "751", "dlg-key-0007", "{\"objet\":\"o\",\"message\":\"m\"}");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("20001");
  }

  @Test
  void dialogue_whenCafNotHabilitated_returns403With20002() {
    SimClient.Resp r =
        dialogue(token, "331", "dlg-key-0008", "{\"objet\":\"o\",\"message\":\"m\"}");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("20002");
  }

  @Test
  void dialogue_whenDossierOfAnotherCaf_returns400() {
    String body = "{\"objet\":\"o\",\"message\":\"m\",\"dossierReference\":\"" + ref + "\"}";

    SimClient.Resp r = dialogue(token, "131", "dlg-key-0009", body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(sim.dialogues()).isEmpty();
  }

  @Test
  void reset_forgetsRecordsKeysAndReceiptNumbers() {
    SimClient.Resp before = envoi(token, ref, "PAIEMENT", "envoi-0005");
    sim.reset();
    String t = client.login("demo-t1");
    String r = client.lookup(t, "751", "9900001", SOCIAL);

    SimClient.Resp after = envoi(t, r, "DROITS", "envoi-0005");

    assertThat(after.status()).isEqualTo(201);
    assertThat(after.str("reference")).isEqualTo(before.str("reference"));
    assertThat(sim.envoisPostaux()).hasSize(1);
    assertThat(sim.authentications()).isEqualTo(1);
  }
}
