package net.cdapkit;

import static net.cdapkit.ClientPipelineTest.json;
import static net.cdapkit.ClientPipelineTest.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import net.cdapkit.capability.Action;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Nir;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Synthese;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public entry point, given null, blank and malformed values: each fails with a clear {@link
 * InvalidInputException} — or, where documented, another typed SDK exception — never a {@code
 * NullPointerException} or the like, never quoting a personal value, and never sending a request
 * (counted on the server).
 */
class BadInputIntegrationTest {
  private static final String T1_TABS =
      "\"synthese\",\"resume\",\"paiements\",\"droits\",\"famille\",\"ressources\",\"rsa\","
          + "\"courriers\",\"logement\",\"creances\"";

  private static MockWebServer server;
  private static CdapClient client;
  private static CdapSession session;
  private static CdapSession otherSession;
  private static CdapSession closedSession;
  private static Dossier dossier;
  private static Dossier otherDossier;
  private static Dossier closedDossier;
  private static final AtomicInteger CASES = new AtomicInteger();
  private static final AtomicInteger REQUESTS_SENT = new AtomicInteger();

  @TempDir static Path temp;

  /** One bad call, what it must throw, and values its message must not quote. */
  record Case(
      String name, Runnable call, Class<? extends CdapException> expected, String[] secrets) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void setUp() throws Exception {
    server = new MockWebServer();
    server.start();
    client =
        CdapClient.builder()
            .baseUrl(server.url("/api/v1/").toString())
            .credentials(CredentialsProvider.of("agent-test", "pw-test-123"))
            .retryPolicy(RetryPolicy.none())
            .build();
    session = authenticate();
    otherSession = authenticate();
    closedSession = authenticate();
    dossier = consult(session);
    otherDossier = consult(otherSession);
    closedDossier = consult(closedSession);
    server.enqueue(new MockResponse.Builder().code(204).build());
    closedSession.close();
  }

  private static CdapSession authenticate() {
    server.enqueue(
        json(
            200,
            token(
                "T1",
                T1_TABS,
                "\"ATTESTATION_PDF\",\"ATTESTATION_POSTALE\",\"DIALOGUE\"",
                "\"ACCOMPAGNEMENT_SOCIAL\"")));
    return client.authenticate();
  }

  private static Dossier consult(CdapSession s) {
    server.enqueue(json(200, "{\"reference\":\"dos_abcdefgh12345678\",\"caf\":\"751\"}"));
    return s.selectCaf("751")
        .consultDossier("9900001", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL));
  }

  @AfterAll
  static void tearDown() {
    System.out.println("bad-input: cases=" + CASES.get() + " requests_sent=" + REQUESTS_SENT.get());
    server.close();
  }

  @TestFactory
  List<DynamicTest> everyEntryPoint_refusesBadValuesClearlyAndSendsNothing() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases()) {
      tests.add(DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }
    return tests;
  }

  private static void run(Case c) {
    CASES.incrementAndGet();
    int before = server.getRequestCount();
    Throwable thrown = null;
    try {
      c.call().run();
    } catch (Throwable t) {
      thrown = t;
    }
    int sent = server.getRequestCount() - before;
    REQUESTS_SENT.addAndGet(sent);
    assertThat(sent).as(c.name() + ": requests sent").isZero();
    if (c.expected() == null) {
      assertThat(thrown).as(c.name()).isNull();
      return;
    }
    assertThat(thrown).as(c.name()).isInstanceOf(c.expected());
    assertThat(thrown.getMessage()).as(c.name()).isNotBlank();
    for (String secret : c.secrets()) {
      assertThat(thrown.getMessage()).as(c.name()).doesNotContain(secret);
    }
  }

  private static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    Finalite social = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL);
    DialogueMessage message = DialogueMessage.builder().objet("Objet").message("Corps").build();
    String[] blanks = {null, "", "   ", "\t\n"};

    // ---- the client's builder and the client
    for (String url :
        new String[] {
          null,
          "",
          "  ",
          "not a url",
          "ftp://cdap.example.org/",
          "http://cdap.example.org/api/v1/",
          "https://user:pw-secret@cdap.example.org/",
          "https://"
        }) {
      cases.add(
          invalid(
              "CdapClient.builder().baseUrl(" + quoted(url) + ").build()",
              () -> CdapClient.builder().baseUrl(url).build(),
              "pw-secret"));
    }
    cases.add(
        invalid(
            "baseUrl((URI) null).build()", () -> CdapClient.builder().baseUrl((URI) null).build()));
    for (Duration d : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1)}) {
      cases.add(invalid("connectTimeout(" + d + ")", () -> CdapClient.builder().connectTimeout(d)));
      cases.add(invalid("readTimeout(" + d + ")", () -> CdapClient.builder().readTimeout(d)));
      cases.add(invalid("writeTimeout(" + d + ")", () -> CdapClient.builder().writeTimeout(d)));
      cases.add(invalid("callTimeout(" + d + ")", () -> CdapClient.builder().callTimeout(d)));
    }
    cases.add(
        invalid("tokenRefreshMargin(null)", () -> CdapClient.builder().tokenRefreshMargin(null)));
    cases.add(
        invalid(
            "tokenRefreshMargin(-1 s)",
            () -> CdapClient.builder().tokenRefreshMargin(Duration.ofSeconds(-1))));
    cases.add(invalid("retryPolicy(null)", () -> CdapClient.builder().retryPolicy(null)));
    cases.add(invalid("rateLimit(null)", () -> CdapClient.builder().rateLimit(null)));
    for (long bytes : new long[] {-1, 0, 1023}) {
      cases.add(
          invalid(
              "maxResponseBytes(" + bytes + ")",
              () -> CdapClient.builder().maxResponseBytes(bytes)));
    }
    cases.add(invalid("authenticate(null)", () -> client.authenticate(null)));
    cases.add(
        invalid(
            "authenticate() without credentials",
            () -> client.newBuilder().credentials(null).build().authenticate()));
    cases.add(invalid("authenticate(provider giving null)", () -> client.authenticate(() -> null)));
    cases.add(
        invalid(
            "authenticate(fromSystemProperties()) when unset",
            () -> client.authenticate(CredentialsProvider.fromSystemProperties())));
    cases.add(
        invalid("CredentialsProvider.fromFile(null)", () -> CredentialsProvider.fromFile(null)));
    Path missing = temp.resolve("absent.properties");
    cases.add(
        invalid(
            "authenticate(fromFile(absent))",
            () -> client.authenticate(CredentialsProvider.fromFile(missing))));
    Path oneLine = temp.resolve("one-line.properties");
    Files.writeString(oneLine, "login=agent-test\n");
    cases.add(
        invalid(
            "authenticate(fromFile(no password line))",
            () -> client.authenticate(CredentialsProvider.fromFile(oneLine))));
    Path blankPassword = temp.resolve("blank.properties");
    Files.writeString(blankPassword, "login=agent-test\npassword=\n");
    cases.add(
        invalid(
            "authenticate(fromFile(blank password))",
            () -> client.authenticate(CredentialsProvider.fromFile(blankPassword))));

    // ---- credentials
    for (String blank : blanks) {
      cases.add(
          invalid(
              "Credentials.of(" + quoted(blank) + ", pw)",
              () -> Credentials.of(blank, "pw-secret-1"),
              "pw-secret-1"));
      cases.add(
          invalid(
              "CredentialsProvider.of(" + quoted(blank) + ", pw)",
              () -> CredentialsProvider.of(blank, "pw-secret-1"),
              "pw-secret-1"));
    }
    cases.add(
        invalid(
            "Credentials.of(login, null)", () -> Credentials.of("agent-test", null), "agent-test"));
    cases.add(
        invalid(
            "Credentials.of(login, \"\")", () -> Credentials.of("agent-test", ""), "agent-test"));
    cases.add(
        invalid(
            "Credentials.of(long login)",
            () -> Credentials.of("a".repeat(129), "pw-secret-1"),
            "pw-secret-1"));
    cases.add(
        invalid(
            "Credentials.of(long password)",
            () -> Credentials.of("agent-test", "p".repeat(257)),
            "ppppp"));

    // ---- retry policy, rate limit, request options
    cases.add(
        invalid(
            "RetryPolicy.of(0 attempts)",
            () -> RetryPolicy.of(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1))));
    cases.add(
        invalid(
            "RetryPolicy.of(11 attempts)",
            () -> RetryPolicy.of(11, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1))));
    cases.add(
        invalid(
            "RetryPolicy.of(null backoff)",
            () -> RetryPolicy.of(3, null, Duration.ZERO, Duration.ofSeconds(1))));
    cases.add(
        invalid(
            "RetryPolicy.of(negative backoff)",
            () -> RetryPolicy.of(3, Duration.ofMillis(-1), Duration.ZERO, Duration.ofSeconds(1))));
    cases.add(
        invalid(
            "RetryPolicy.of(null cap)",
            () -> RetryPolicy.of(3, Duration.ZERO, null, Duration.ofSeconds(1))));
    cases.add(
        invalid(
            "RetryPolicy.of(cap below base)",
            () ->
                RetryPolicy.of(
                    3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(10))));
    cases.add(
        invalid(
            "RetryPolicy.of(null budget)",
            () -> RetryPolicy.of(3, Duration.ZERO, Duration.ZERO, null)));
    cases.add(
        invalid(
            "RetryPolicy.of(zero budget)",
            () -> RetryPolicy.of(3, Duration.ZERO, Duration.ZERO, Duration.ZERO)));
    for (double rate : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      cases.add(invalid("RateLimit.perSecond(" + rate + ")", () -> RateLimit.perSecond(rate)));
    }
    cases.add(invalid("RateLimit.perSecond(5, burst 0)", () -> RateLimit.perSecond(5, 0)));
    for (String key :
        new String[] {
          null,
          "",
          "   ",
          "short",
          "with space key",
          "k".repeat(65),
          "clé-accentuée",
          "key/with/slash",
          "key\nnewline"
        }) {
      cases.add(
          invalid(
              "RequestOptions.withIdempotencyKey(" + quoted(key) + ")",
              () -> RequestOptions.defaults().withIdempotencyKey(key)));
    }
    for (Duration d : new Duration[] {null, Duration.ZERO, Duration.ofMillis(-1)}) {
      cases.add(
          invalid(
              "RequestOptions.withTimeout(" + d + ")",
              () -> RequestOptions.defaults().withTimeout(d)));
    }

    // ---- periods
    YearMonth jan = YearMonth.of(2026, 1);
    cases.add(invalid("Periode.between(null, jan)", () -> Periode.between(null, jan)));
    cases.add(invalid("Periode.between(jan, null)", () -> Periode.between(jan, null)));
    cases.add(
        invalid(
            "Periode.between(jan, dec 2025)", () -> Periode.between(jan, YearMonth.of(2025, 12))));
    cases.add(invalid("Periode.from(null)", () -> Periode.from(null)));
    cases.add(invalid("Periode.until(null)", () -> Periode.until(null)));
    cases.add(invalid("Periode.month(null)", () -> Periode.month(null)));

    // ---- identifiers and finalités
    for (String v : new String[] {null, "", "  ", "75", "7510", "abc", "75a", "７５１", "-75"}) {
      cases.add(invalid("CafCode.of(" + quoted(v) + ")", () -> CafCode.of(v)));
    }
    for (String v :
        new String[] {
          null, "", "  ", "99000012", "abc", "-990001", "99 0001", "９９０００１", "+990001"
        }) {
      cases.add(
          invalid(
              "NumeroAllocataire.of(" + quoted(v) + ")", () -> NumeroAllocataire.of(v), secret(v)));
    }
    for (String v :
        new String[] {
          null, "", "  ", "1850799999123", "185079999912345", "18507999991234X", "285079999912399"
        }) {
      cases.add(invalid("Nir.of(" + quoted(v) + ")", () -> Nir.of(v), secret(v)));
    }
    for (String v :
        new String[] {
          null, "", "  ", "accompagnement", "AB", "1ABC", "A".repeat(65), "ACCOMPAGNEMENT SOCIAL"
        }) {
      cases.add(invalid("FinaliteCode.of(" + quoted(v) + ")", () -> FinaliteCode.of(v)));
    }
    cases.add(invalid("Finalite.of(null)", () -> Finalite.of(null)));
    cases.add(invalid("Finalite.of(null, detail)", () -> Finalite.of(null, "Suivi FSL")));
    cases.add(
        invalid(
            "Finalite.of(code, blank)",
            () -> Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "  ")));
    cases.add(
        invalid(
            "Finalite.of(code, too long)",
            () -> Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "EXEMPLE ".repeat(80)),
            "EXEMPLE"));

    // ---- Dialogue messages
    for (String blank : blanks) {
      cases.add(
          invalid(
              "DialogueMessage objet " + quoted(blank),
              () -> DialogueMessage.builder().objet(blank).message("Corps").build()));
      cases.add(
          invalid(
              "DialogueMessage message " + quoted(blank),
              () -> DialogueMessage.builder().objet("Objet").message(blank).build()));
    }
    cases.add(
        invalid(
            "DialogueMessage objet too long",
            () -> DialogueMessage.builder().objet("EXEMPLE ".repeat(20)).message("Corps").build(),
            "EXEMPLE"));
    cases.add(
        invalid(
            "DialogueMessage message too long",
            () -> DialogueMessage.builder().objet("Objet").message("EXEMPLE ".repeat(600)).build(),
            "EXEMPLE"));
    cases.add(
        invalid(
            "DialogueMessage objet with newline",
            () -> DialogueMessage.builder().objet("EXEMPLE\nCamille").message("Corps").build(),
            "EXEMPLE"));
    cases.add(
        invalid(
            "DialogueMessage message with NUL",
            () -> DialogueMessage.builder().objet("Objet").message("EXEMPLE\u0000").build(),
            "EXEMPLE"));

    // ---- the session, a CAF, a dossier
    cases.add(invalid("selectCaf((CafCode) null)", () -> session.selectCaf((CafCode) null)));
    for (String v : new String[] {null, "", "  ", "75", "abc"}) {
      cases.add(invalid("selectCaf(" + quoted(v) + ")", () -> session.selectCaf(v)));
    }
    // Questions about nothing answer no.
    cases.add(answersNo("canRead(null)", () -> session.canRead(null)));
    cases.add(answersNo("can(null)", () -> session.can(null)));
    cases.add(
        answersNo(
            "canRequestAttestation(null, POSTALE)",
            () -> session.canRequestAttestation(null, Action.ATTESTATION_POSTALE)));
    cases.add(
        answersNo(
            "canRequestAttestation(PAIEMENT, null)",
            () -> session.canRequestAttestation(AttestationType.PAIEMENT, null)));
    cases.add(
        answersNo(
            "habilitations().allowsCaf(null)", () -> session.habilitations().allowsCaf(null)));
    cases.add(
        answersNo(
            "habilitations().allowsFinalite(null)",
            () -> session.habilitations().allowsFinalite(null)));
    CafContext caf = session.selectCaf("751");
    cases.add(
        invalid(
            "consultDossier((NumeroAllocataire) null, f)",
            () -> caf.consultDossier((NumeroAllocataire) null, social)));
    for (String v : new String[] {null, "", "  ", "99000012", "abc"}) {
      cases.add(
          invalid(
              "consultDossier(" + quoted(v) + ", f)",
              () -> caf.consultDossier(v, social),
              secret(v)));
    }
    cases.add(
        invalid(
            "consultDossier(numero, null)", () -> caf.consultDossier("9900001", null), "9900001"));
    cases.add(invalid("sendDialogue(null)", () -> caf.sendDialogue(null)));
    cases.add(
        invalid(
            "sendDialogue(null, options)",
            () -> caf.sendDialogue(null, RequestOptions.defaults())));
    cases.add(invalid("sendDialogue(message, null)", () -> caf.sendDialogue(message, null)));
    DialogueMessage aboutOtherDossier =
        DialogueMessage.builder().objet("Objet").message("Corps").dossier(otherDossier).build();
    cases.add(
        invalid(
            "sendDialogue(message about another session's dossier)",
            () -> caf.sendDialogue(aboutOtherDossier)));
    cases.add(invalid("paiements(null)", () -> dossier.paiements(null)));
    cases.add(invalid("courriers(null)", () -> dossier.courriers(null)));
    cases.add(invalid("requestAttestation(null)", () -> dossier.requestAttestation(null)));
    cases.add(
        invalid("requestAttestationByPost(null)", () -> dossier.requestAttestationByPost(null)));
    cases.add(
        invalid(
            "requestAttestationByPost(null, options)",
            () -> dossier.requestAttestationByPost(null, RequestOptions.defaults())));
    cases.add(
        invalid(
            "requestAttestationByPost(type, null)",
            () -> dossier.requestAttestationByPost(AttestationType.PAIEMENT, null)));

    // ---- a closed session: a documented AuthenticationException, nothing sent
    cases.add(
        typed(
            "closed session: selectCaf",
            () -> closedSession.selectCaf("751"),
            AuthenticationException.class));
    cases.add(typed("closed session: help", closedSession::help, AuthenticationException.class));
    cases.add(
        typed(
            "closed session: dossier.synthese",
            closedDossier::synthese,
            AuthenticationException.class));
    cases.add(
        typed(
            "closed session: attestation by post",
            () -> closedDossier.requestAttestationByPost(AttestationType.PAIEMENT),
            AuthenticationException.class));

    // ---- JSON conversion
    cases.add(invalid("ModelJson.toJson(null)", () -> ModelJson.toJson(null, false)));
    cases.add(
        invalid("ModelJson.fromJson(null, type)", () -> ModelJson.fromJson(null, Synthese.class)));
    cases.add(invalid("ModelJson.fromJson(json, null)", () -> ModelJson.fromJson("{}", null)));
    for (String json : new String[] {"", "  ", "{", "null", "{\"allocataire\":\"EXEMPLE\"}"}) {
      cases.add(
          typed(
              "ModelJson.fromJson(" + quoted(json) + ")",
              () -> ModelJson.fromJson(json, Synthese.class),
              ProtocolException.class,
              "EXEMPLE"));
    }
    return cases;
  }

  private static Case invalid(String name, Runnable call, String... secrets) {
    return new Case(name, call, InvalidInputException.class, secrets);
  }

  /** A yes/no question given null: answers no, throws nothing. */
  private static Case answersNo(String name, java.util.function.BooleanSupplier question) {
    return new Case(
        name,
        () -> {
          if (question.getAsBoolean()) {
            throw new AssertionError(name + " answered yes");
          }
        },
        null,
        new String[0]);
  }

  private static Case typed(
      String name, Runnable call, Class<? extends CdapException> expected, String... secrets) {
    return new Case(name, call, expected, secrets);
  }

  /** A value that must not be quoted back, when it is long enough to be recognised. */
  private static String[] secret(String value) {
    return value == null || value.strip().length() < 4
        ? new String[0]
        : new String[] {value.strip()};
  }

  private static String quoted(String v) {
    return v == null ? "null" : "\"" + v.replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }
}
