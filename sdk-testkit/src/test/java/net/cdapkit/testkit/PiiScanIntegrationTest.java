package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.cdapkit.AsyncDossier;
import net.cdapkit.CafContext;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.DialogueMessage;
import net.cdapkit.Dossier;
import net.cdapkit.History;
import net.cdapkit.Periode;
import net.cdapkit.RateLimit;
import net.cdapkit.RetryPolicy;
import net.cdapkit.audit.AuditJournalVerifier;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.capability.Profiles;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Nir;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.testkit.internal.server.DemoAgents;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PII scan: the whole operation set — every operation, every profile T1 to T5, every fault kind
 * the simulator injects, plus a server whose error bodies quote personal data — with the SDK's
 * logging at TRACE, then a search of everything the SDK produced for any fixture's numéro, name,
 * NIR or address, the password and the bearer tokens: log lines, exception messages (causes and
 * suppressed included), the {@code toString} of everything returned or thrown, every URL sent, and
 * the audit journal.
 *
 * <p>Runs in its own JVM (a failsafe execution of its own, see this module's pom) so that the
 * {@code net.cdapkit} loggers are created at TRACE; slf4j-simple writes to {@code System.err},
 * which the test captures.
 */
class PiiScanIntegrationTest {
  private static final String LEVEL = "org.slf4j.simpleLogger.log.net.cdapkit";

  static {
    // When run alone (an IDE), before any logger exists; the pom sets it for the build.
    if (System.getProperty(LEVEL) == null) {
      System.setProperty(LEVEL, "trace");
    }
  }

  private static final List<Fault> FAULTS =
      List.of(
          Fault.http(500),
          Fault.http(502),
          Fault.http(503),
          Fault.http(504),
          Fault.http(504).afterEffect(),
          Fault.tooManyRequests(0),
          Fault.tokenExpired(),
          Fault.connectionReset(),
          Fault.connectionReset().afterEffect(),
          Fault.emptyResponse(),
          Fault.malformedChunk(),
          Fault.randomDataThenClose(),
          Fault.malformedJson(),
          Fault.unknownFields(),
          Fault.unknownEnumValues());

  @TempDir static Path dir;
  private static PrintStream originalErr;
  private static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
  private static CdapSimulator simulator;
  private static final RecordingNetworkInterceptor SENT = new RecordingNetworkInterceptor();
  private static final HostileErrorBodies HOSTILE = new HostileErrorBodies();
  private static AuditKey key;
  private static Path journalFile;
  private static JsonLinesAuditJournal journal;

  /** What the SDK said: "where → text", for exception messages and toString of values. */
  private final Map<String, String> produced = new LinkedHashMap<>();

  private int operations;

  @BeforeAll
  static void start() {
    originalErr = System.err;
    System.setErr(new PrintStream(LOGS, true, StandardCharsets.UTF_8));
    simulator = CdapSimulator.builder().build().start();
    simulator.faults().seed(20260930L);
    key = AuditKey.generate();
    journalFile = dir.resolve("audit.jsonl");
    journal = JsonLinesAuditJournal.open(journalFile, key);
  }

  @AfterAll
  static void stop() {
    System.setErr(originalErr);
    journal.close();
    simulator.stop();
  }

  private static CdapClient client(Duration callTimeout) {
    return CdapClient.builder()
        .baseUrl(simulator.baseUrl())
        .okHttpClient(
            new OkHttpClient.Builder().addInterceptor(HOSTILE).addNetworkInterceptor(SENT).build())
        .retryPolicy(
            RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(10)))
        .callTimeout(callTimeout)
        // Thousands of requests: the simulator's declared 20 per second would pace them for
        // minutes.
        .rateLimit(RateLimit.none())
        .auditSink(journal)
        .build();
  }

  @Test
  void wholeOperationSet_leavesNoPersonalDataInLogsMessagesToStringsUrlsOrJournal()
      throws IOException {
    long t0 = System.nanoTime();
    CdapClient client = client(Duration.ofSeconds(10));
    for (int p = 1; p <= 5; p++) {
      everyOperation(client, "demo-t" + p);
    }
    long t1 = System.nanoTime();
    HOSTILE.enabled = true;
    for (int p = 1; p <= 5; p++) {
      for (Fault fault : FAULTS) {
        underFault(client, "demo-t" + p, fault);
      }
    }
    long t2 = System.nanoTime();
    authenticationFailures(client);
    timeouts();
    HOSTILE.enabled = false;
    long t3 = System.nanoTime();

    String logs = LOGS.toString(StandardCharsets.UTF_8);
    // Kept for review: what a partner's logs would hold (synthetic data only).
    Files.writeString(Path.of("target", "pii-scan.log"), logs, StandardCharsets.UTF_8);
    String journalText = Files.readString(journalFile, StandardCharsets.UTF_8);
    List<String> urls = SENT.requests().stream().map(r -> r.url().toString()).toList();
    printFigures(logs, urls, journalText);

    // The scan is only meaningful if the SDK did log at TRACE, and did fail in many ways.
    assertThat(logs).contains("TRACE net.cdapkit.http").contains("DEBUG net.cdapkit.http");
    assertThat(produced.keySet())
        .anyMatch(k -> k.contains("ProtocolException"))
        .anyMatch(k -> k.contains("TransportException"))
        .anyMatch(k -> k.contains("OutcomeUnknownException"))
        .anyMatch(k -> k.contains("CapabilityDeniedException"))
        .anyMatch(k -> k.contains("NotFoundException"))
        .anyMatch(k -> k.contains("AuthenticationException"));
    assertThat(simulator.faults().injected()).isGreaterThan(100);

    Needles needles = needles();
    List<String> probe = new ArrayList<>();
    scan(
        "self-check",
        List.of(
            "id 9900001.",
            "a4f-9900001b",
            "Mme EXEMPLE,",
            "EXEMPLES",
            "tok " + DemoAgents.PASSWORD),
        needles,
        probe);
    assertThat(probe).as("the scanner itself").hasSize(3);
    List<String> found = new ArrayList<>();
    scan("log", List.of(logs.split("\n")), needles, found);
    scan("url", urls, needles, found);
    scan("journal", List.of(journalText.split("\n")), needles, found);
    for (Map.Entry<String, String> e : produced.entrySet()) {
      scan(e.getKey(), List.of(e.getValue()), needles, found);
    }
    long t4 = System.nanoTime();
    originalErr.printf(
        "PII scan timings: operations %d ms, faults %d ms, auth and timeouts %d ms, scan %d ms%n",
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
    assertThat(found).as("personal data or secrets found").isEmpty();

    AuditJournalVerifier.Result verified = AuditJournalVerifier.verify(journalFile, key);
    assertThat(verified.intact()).as(verified.toString()).isTrue();
  }

  // ---- the operation set ----

  private void everyOperation(CdapClient client, String login) {
    CdapSession session = client.authenticate(CredentialsProvider.of(login, DemoAgents.PASSWORD));
    keep("session", session);
    keep("agent", session.agent());
    keep("partenaire", session.partenaire());
    keep("habilitations", session.habilitations());
    keep("profile", Profiles.forCode(session.profile(), session.habilitations().cafs()));
    keep("help", call("help", session::help));
    FinaliteCode allowed = session.habilitations().finalites().iterator().next();
    FinaliteCode forbidden =
        FinaliteCode.known().stream()
            .filter(f -> !session.habilitations().allowsFinalite(f))
            .findFirst()
            .orElseThrow();
    for (SyntheticDossier fixture : simulator.catalogue().dossiers()) {
      CafContext caf = call("selectCaf", () -> session.selectCaf(fixture.caf()));
      if (caf == null) {
        continue;
      }
      keep("caf", caf);
      call(
          "consult-forbidden-finalite",
          () -> caf.consultDossier(fixture.numeroAllocataire(), finalite(forbidden, fixture)));
      Dossier dossier =
          call(
              "consult",
              () -> caf.consultDossier(fixture.numeroAllocataire(), finalite(allowed, fixture)));
      if (dossier == null) {
        continue;
      }
      keep("dossier", dossier);
      readEverything(session, caf, dossier, fixture);
    }
    CafContext paris = session.selectCaf("751");
    call(
        "consult-unknown",
        () -> paris.consultDossier(NumeroAllocataire.of("9999998"), Finalite.of(allowed)));
    call("logout", () -> close(session));
  }

  private void readEverything(
      CdapSession session, CafContext caf, Dossier d, SyntheticDossier fixture) {
    keep("synthese", call("synthese", d::synthese));
    keep("resume", call("resume", d::resume));
    keep("droits", call("droits", d::droits));
    keep("famille", call("famille", d::compositionFamille));
    keep("ressources", call("ressources", d::ressources));
    keep("rsa", call("rsa", d::rsa));
    keep("logement", call("logement", d::logement));
    keep("creances", call("creances", d::creances));
    History<?> paiements = call("paiements", d::paiements);
    if (paiements != null) {
      keep("paiements", paiements);
      keep("paiements-lines", call("paiements-lines", paiements::toList));
    }
    keep("async-synthese", call("async-synthese", () -> AsyncDossier.join(d.async().synthese())));
    keep(
        "async-paiements",
        call("async-paiements", () -> AsyncDossier.join(d.async().paiements(Periode.all()))));
    History<?> courriers = call("courriers", d::courriers);
    if (courriers != null) {
      keep("courriers-lines", call("courriers-lines", courriers::toList));
    }
    for (AttestationType type : AttestationType.values()) {
      keep("attestation", call("attestation-" + type, () -> d.requestAttestation(type)));
    }
    keep(
        "envoi-postal",
        call("envoi-postal", () -> d.requestAttestationByPost(AttestationType.PAIEMENT)));
    DialogueMessage message =
        DialogueMessage.builder()
            .objet("Concerne " + fullName(fixture))
            .message(
                "Dossier "
                    + fixture.numeroAllocataire().value()
                    + ", "
                    + fixture.resume().adresse().ligne1()
                    + ". Merci.")
            .dossier(d)
            .build();
    keep("dialogue-message", message);
    keep("dialogue", call("dialogue", () -> caf.sendDialogue(message)));
  }

  /** Every operation of the contract once, each under one fault. */
  private void underFault(CdapClient client, String login, Fault fault) {
    SyntheticDossier demo =
        simulator.catalogue().find(Catalogue.DEMO_CAF, Catalogue.DEMO_NUMERO).orElseThrow();
    CredentialsProvider credentials = CredentialsProvider.of(login, DemoAgents.PASSWORD);
    CdapSession session = client.authenticate(credentials);
    CafContext caf = session.selectCaf(Catalogue.DEMO_CAF);
    FinaliteCode allowed = session.habilitations().finalites().iterator().next();
    Dossier dossier = caf.consultDossier(demo.numeroAllocataire(), finalite(allowed, demo));
    for (Operation op : Operation.values()) {
      if (op == Operation.AUTHENTICATE || op == Operation.LOGOUT) {
        continue;
      }
      simulator.faults().on(op).next(2).inject(fault);
      String where = op + " under " + fault;
      switch (op) {
        case LOOKUP_DOSSIER ->
            keep(
                where,
                call(
                    where,
                    () -> caf.consultDossier(demo.numeroAllocataire(), finalite(allowed, demo))));
        case ATTESTATION_PDF ->
            keep(where, call(where, () -> dossier.requestAttestation(AttestationType.PAIEMENT)));
        case ATTESTATION_POSTALE ->
            keep(
                where,
                call(where, () -> dossier.requestAttestationByPost(AttestationType.PAIEMENT)));
        case SEND_DIALOGUE ->
            keep(
                where,
                call(
                    where,
                    () ->
                        caf.sendDialogue(
                            DialogueMessage.builder()
                                .objet("Concerne " + fullName(demo))
                                .message("Numéro " + demo.numeroAllocataire().value())
                                .dossier(dossier)
                                .build())));
        case HELP -> keep(where, call(where, session::help));
        default -> keep(where, call(where, () -> readTab(dossier, op.tab().orElseThrow())));
      }
      simulator.faults().clear();
    }
    simulator.faults().on(Operation.LOGOUT).next(2).inject(fault);
    call("logout under " + fault, () -> close(session));
    simulator.faults().clear();
    simulator.faults().on(Operation.AUTHENTICATE).next(2).inject(fault);
    call("authenticate under " + fault, () -> close(client.authenticate(credentials)));
    simulator.faults().clear();
  }

  private static Object readTab(Dossier d, Tab tab) {
    return switch (tab) {
      case SYNTHESE -> d.synthese();
      case RESUME -> d.resume();
      case PAIEMENTS -> d.paiements().toList();
      case DROITS -> d.droits();
      case FAMILLE -> d.compositionFamille();
      case RESSOURCES -> d.ressources();
      case RSA -> d.rsa();
      case COURRIERS -> d.courriers().toList();
      case LOGEMENT -> d.logement();
      case CREANCES -> d.creances();
    };
  }

  private void authenticationFailures(CdapClient client) {
    call("bad-password", () -> client.authenticate(CredentialsProvider.of("demo-t1", "wrong-pw")));
    call(
        "unknown-agent",
        () -> client.authenticate(CredentialsProvider.of("EXEMPLE", DemoAgents.PASSWORD)));
    call(
        "suspended",
        () -> client.authenticate(CredentialsProvider.of("demo-suspendu", DemoAgents.PASSWORD)));
    call(
        "renewal",
        () ->
            client.authenticate(
                CredentialsProvider.of("demo-renouvellement", DemoAgents.PASSWORD)));
  }

  /** Answers slower than the client waits, on a few operations (each costs the delay). */
  private void timeouts() {
    CdapClient impatient = client(Duration.ofMillis(150));
    CdapSession session =
        impatient.authenticate(CredentialsProvider.of("demo-t1", DemoAgents.PASSWORD));
    SyntheticDossier demo =
        simulator.catalogue().find(Catalogue.DEMO_CAF, Catalogue.DEMO_NUMERO).orElseThrow();
    CafContext caf = session.selectCaf(Catalogue.DEMO_CAF);
    Dossier d =
        caf.consultDossier(
            demo.numeroAllocataire(), finalite(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, demo));
    simulator.faults().always().inject(Fault.delay(Duration.ofMillis(400)));
    call(
        "timeout-lookup",
        () ->
            caf.consultDossier(
                demo.numeroAllocataire(), finalite(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, demo)));
    call("timeout-synthese", d::synthese);
    call("timeout-postal", () -> d.requestAttestationByPost(AttestationType.PAIEMENT));
    simulator.faults().clear();
    call("logout", () -> close(session));
  }

  // ---- collecting what the SDK produced ----

  private static Finalite finalite(FinaliteCode code, SyntheticDossier fixture) {
    // A detail that names the household: it must reach neither logs nor the journal.
    return Finalite.of(
        code, "Suivi de " + fullName(fixture) + " (" + fixture.numeroAllocataire().value() + ")");
  }

  private static String fullName(SyntheticDossier fixture) {
    return fixture.synthese().allocataire().prenom() + " " + fixture.synthese().allocataire().nom();
  }

  private static Void close(CdapSession session) {
    session.close();
    return null;
  }

  private <T> T call(String where, java.util.function.Supplier<T> action) {
    operations++;
    try {
      return action.get();
    } catch (RuntimeException e) {
      int i = 0;
      for (Throwable t = e; t != null && i < 10; t = t.getCause(), i++) {
        produced.put(
            where + " threw " + t.getClass().getSimpleName() + " #" + operations + "." + i,
            t + " | " + t.getMessage());
        for (Throwable s : t.getSuppressed()) {
          produced.put(
              where + " suppressed " + s.getClass().getSimpleName() + " #" + operations,
              s.toString());
        }
      }
      return null;
    }
  }

  private void keep(String where, Object value) {
    if (value != null) {
      produced.put(where + " returned #" + produced.size(), String.valueOf(value));
    }
  }

  // ---- the scan ----

  /**
   * What must not appear: numbers (numéros, NIRs, postal codes) and single words (names, communes)
   * compared as whole tokens, so that a request id's hex digits never match by chance; phrases
   * (address lines, the finalité detail, the password, tokens) as substrings.
   */
  private record Needles(Set<String> numbers, Set<String> words, Set<String> phrases) {}

  private static final Pattern NUMBER_TOKEN = Pattern.compile("[0-9A-Za-z]+");
  private static final Pattern WORD_TOKEN = Pattern.compile("[\\p{L}0-9]+");

  private static Needles needles() {
    Set<String> numbers = new LinkedHashSet<>();
    Set<String> words = new LinkedHashSet<>();
    Set<String> phrases = new LinkedHashSet<>();
    for (SyntheticDossier d : simulator.catalogue().dossiers()) {
      numbers.add(d.numeroAllocataire().value());
      words.add(d.synthese().allocataire().nom());
      words.add(d.synthese().allocataire().prenom());
      for (SyntheticDossier.Membre m : d.membres()) {
        words.add(m.nom());
        words.add(m.prenom());
        m.nir().map(Nir::value).ifPresent(numbers::add);
      }
      SyntheticDossier.Adresse a = d.resume().adresse();
      phrases.add(a.ligne1());
      a.ligne2().ifPresent(phrases::add);
      numbers.add(a.codePostal());
      words.add(a.commune());
      d.rsa()
          .flatMap(SyntheticDossier.DossierRsa::referent)
          .flatMap(r -> r.nom())
          .ifPresent(phrases::add);
      phrases.add("Suivi de " + fullName(d));
    }
    phrases.add(DemoAgents.PASSWORD);
    phrases.add("wrong-pw");
    for (Request r : SENT.requests()) {
      String auth = r.header("Authorization");
      if (auth != null && auth.startsWith("Bearer ")) {
        phrases.add(auth.substring("Bearer ".length()));
      }
    }
    phrases.addAll(HOSTILE.planted());
    return new Needles(numbers, words, phrases);
  }

  private static void scan(String where, List<String> texts, Needles needles, List<String> found) {
    for (String text : texts) {
      String hit = null;
      Matcher n = NUMBER_TOKEN.matcher(text);
      while (hit == null && n.find()) {
        hit = needles.numbers().contains(n.group()) ? n.group() : null;
      }
      Matcher w = WORD_TOKEN.matcher(text);
      while (hit == null && w.find()) {
        hit = needles.words().contains(w.group()) ? w.group() : null;
      }
      for (String phrase : needles.phrases()) {
        if (hit == null && text.contains(phrase)) {
          hit = phrase;
        }
      }
      if (hit != null && found.size() < 30) {
        int at = text.indexOf(hit);
        found.add(
            where
                + ": …"
                + text.substring(
                    Math.max(0, at - 60), Math.min(text.length(), at + hit.length() + 30))
                + "…");
      }
    }
  }

  private void printFigures(String logs, List<String> urls, String journalText) {
    originalErr.printf(
        "PII scan: %d operations, %d requests, %d faults injected, %d log lines, %d journal"
            + " records, %d messages and toStrings%n",
        operations,
        urls.size(),
        simulator.faults().injected(),
        logs.split("\n").length,
        journalText.split("\n").length,
        produced.size());
  }

  /**
   * Rewrites every error answer's title, detail and meta to quote a fixture's personal data, as a
   * careless server might: the SDK must keep only the code.
   */
  static final class HostileErrorBodies implements Interceptor {
    volatile boolean enabled;
    private final String planted;

    HostileErrorBodies() {
      SyntheticDossier demo =
          Catalogue.standard().find(Catalogue.DEMO_CAF, Catalogue.DEMO_NUMERO).orElseThrow();
      this.planted =
          "Dossier "
              + demo.numeroAllocataire().value()
              + " de "
              + fullName(demo)
              + ", "
              + demo.resume().adresse().ligne1();
    }

    List<String> planted() {
      return List.of(planted);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      if (!enabled || response.code() < 400 || response.body() == null) {
        return response;
      }
      String body = response.body().string();
      Matcher code = Pattern.compile("\"code\"\\s*:\\s*\"([0-9]+)\"").matcher(body);
      String c = code.find() ? code.group(1) : "50000";
      String hostile =
          "{\"errors\":[{\"code\":\""
              + c
              + "\",\"title\":\""
              + planted
              + "\",\"detail\":\""
              + planted
              + "\",\"meta\":{\"allocataire\":\""
              + planted
              + "\"}}]}";
      return response
          .newBuilder()
          .body(ResponseBody.create(hostile, MediaType.get("application/json")))
          .build();
    }
  }
}
