package net.cdapkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditOutcome;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.audit.AuditSink;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.audit.UsageGuard;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.ConfigurationException;
import net.cdapkit.error.OutcomeUnknownException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.hostile.Contract;
import net.cdapkit.hostile.HostileServer;
import net.cdapkit.hostile.HostileServer.Reply;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The SDK against a hostile server (a raw socket that answers anything) and a careless caller:
 * every scenario, in its blocking and its asynchronous form, must end within its budget (a
 * watchdog, not a timing assertion, tells a hang) with a value or the typed exception expected;
 * nothing is sent twice and no batch item is lost. Scenarios are data: add one to {@link
 * #scenarios()}. Prints one line:
 *
 * <pre>hostile: scenarios=N typed=N untyped=0 hangs=0 duplicates=0 lost=0</pre>
 */
class HostileServerIntegrationTest {
  private static final Finalite SOCIAL = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL);
  private static final Duration BUDGET = Duration.ofSeconds(2);

  /** What a loaded two-core machine may add to a budget before the watchdog calls it a hang. */
  private static final Duration SLACK = Duration.ofSeconds(3);

  private static final AtomicInteger SCENARIOS = new AtomicInteger();
  private static final AtomicInteger TYPED = new AtomicInteger();
  private static final AtomicInteger UNTYPED = new AtomicInteger();
  private static final AtomicInteger HANGS = new AtomicInteger();
  private static final AtomicInteger DUPLICATES = new AtomicInteger();
  private static final AtomicInteger LOST = new AtomicInteger();

  /** What a scenario does with a client; {@code async} selects the CompletableFuture forms. */
  interface Action {
    Object run(Fixture f, boolean async) throws Exception;
  }

  /**
   * One hostile situation.
   *
   * @param expected the exception type the caller must get, or null for a value
   */
  record Scenario(
      String name,
      HostileServer.Handler handler,
      UnaryOperator<CdapClient.Builder> config,
      Action action,
      Class<? extends CdapException> expected,
      boolean asyncForm) {}

  /** A client on a fresh hostile server. */
  static final class Fixture {
    final HostileServer server;
    final CdapClient client;

    Fixture(HostileServer server, CdapClient client) {
      this.server = server;
      this.client = client;
    }

    CdapSession session(boolean async) {
      CredentialsProvider creds = CredentialsProvider.of("agent-test", "pw-test-123");
      return async
          ? AsyncDossier.join(client.authenticateAsync(creds))
          : client.authenticate(creds);
    }

    Dossier dossier(boolean async) {
      CafContext caf = session(async).selectCaf("751");
      return async
          ? AsyncDossier.join(caf.consultDossierAsync(NumeroAllocataire.of("9900001"), SOCIAL))
          : caf.consultDossier("9900001", SOCIAL);
    }
  }

  static Object synthese(Fixture f, boolean async) {
    Dossier d = f.dossier(async);
    return async ? AsyncDossier.join(d.async().synthese()) : d.synthese();
  }

  static Object paiements(Fixture f, boolean async) {
    Dossier d = f.dossier(async);
    return async
        ? AsyncDossier.join(d.async().paiements(Periode.all())).toList()
        : d.paiements().toList();
  }

  static Object dialogue(Fixture f, boolean async, RequestOptions options) {
    CafContext caf = f.session(async).selectCaf("751");
    DialogueMessage m = DialogueMessage.builder().objet("Objet").message("Bonjour").build();
    return async
        ? AsyncDossier.join(caf.sendDialogueAsync(m, options))
        : caf.sendDialogue(m, options);
  }

  static Object postal(Fixture f, boolean async) {
    Dossier d = f.dossier(async);
    return async
        ? AsyncDossier.join(
            d.async().requestAttestationByPost(AttestationType.PAIEMENT, RequestOptions.defaults()))
        : d.requestAttestationByPost(AttestationType.PAIEMENT);
  }

  /**
   * Answers {@code hostile} to requests whose path contains {@code part}, the contract otherwise.
   */
  static HostileServer.Handler on(String part, Reply hostile) {
    return (r, n) -> r.path().contains(part) ? hostile : Contract.answer(r);
  }

  static HostileServer.Handler token(String accessTokenJson, String expiresIn) {
    return (r, n) ->
        r.path().endsWith("/auth/token")
            ? Reply.json(200, Contract.token(accessTokenJson, expiresIn))
            : Contract.answer(r);
  }

  static HostileServer.Handler paging(java.util.function.IntFunction<String> pageInfo) {
    return (r, n) -> {
      if (!r.path().contains("/paiements")) {
        return Contract.answer(r);
      }
      int page = Integer.parseInt(r.path().replaceAll(".*[?&]page=(\\d+).*", "$1"));
      return Reply.json(
          200, "{\"perimetre\":\"COMPLET\",\"elements\":[],\"page\":" + pageInfo.apply(page) + "}");
    };
  }

  private static final Map<String, Set<String>> KEYS = new ConcurrentHashMap<>();

  static List<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>();
    UnaryOperator<CdapClient.Builder> plain = b -> b;
    for (boolean async : new boolean[] {false, true}) {
      String form = async ? " [async]" : " [blocking]";
      // Retry-After past every budget: saturating arithmetic, a typed failure in time.
      all.add(
          new Scenario(
              "retry-after year 9999" + form,
              on(
                  "/synthese",
                  Reply.error(429, "42900", "Retry-After: Fri, 31 Dec 9999 23:59:59 GMT")),
              plain,
              HostileServerIntegrationTest::synthese,
              net.cdapkit.error.RateLimitedException.class,
              async));
      all.add(
          new Scenario(
              "retry-after huge seconds" + form,
              on("/synthese", Reply.error(503, "50003", "Retry-After: 99999999999999999999999")),
              plain,
              HostileServerIntegrationTest::synthese,
              net.cdapkit.error.ServerException.class,
              async));
      all.add(
          new Scenario(
              "retry-after Long.MAX_VALUE seconds" + form,
              on("/synthese", Reply.error(429, "42900", "Retry-After: 9223372036854775807")),
              plain,
              HostileServerIntegrationTest::synthese,
              net.cdapkit.error.RateLimitedException.class,
              async));
      all.add(
          new Scenario(
              "retry-after negative and garbage" + form,
              on("/synthese", Reply.error(503, "50003", "Retry-After: -5, soon")),
              plain,
              HostileServerIntegrationTest::synthese,
              net.cdapkit.error.ServerException.class,
              async));
      // Server values that must not escape as anything but CdapException.
      all.add(
          new Scenario(
              "expiresIn Long.MAX_VALUE" + form,
              token("\"" + Contract.TOKEN + "\"", "9223372036854775807"),
              plain,
              HostileServerIntegrationTest::synthese,
              null,
              async));
      all.add(
          new Scenario(
              "expiresIn beyond a long" + form,
              token("\"" + Contract.TOKEN + "\"", "1e400"),
              plain,
              HostileServerIntegrationTest::synthese,
              ProtocolException.class,
              async));
      all.add(
          new Scenario(
              "expiresIn zero" + form,
              token("\"" + Contract.TOKEN + "\"", "0"),
              plain,
              HostileServerIntegrationTest::synthese,
              ProtocolException.class,
              async));
      all.add(
          new Scenario(
              "token with CR/LF" + form,
              token("\"tok_EXEMPLE\\r\\nX-Injected: 1\"", "1800"),
              plain,
              HostileServerIntegrationTest::synthese,
              ProtocolException.class,
              async));
      all.add(
          new Scenario(
              "token with non-ASCII" + form,
              token("\"tok_EXEMPLE_é\"", "1800"),
              plain,
              HostileServerIntegrationTest::synthese,
              ProtocolException.class,
              async));
      all.add(
          new Scenario(
              "unknown attestation type in a receipt" + form,
              on(
                  "/envois-postaux",
                  Reply.json(
                      201,
                      "{\"reference\":\"ENV-751-000123\",\"type\":\"NOUVEAU_TYPE\",\"dateEnvoiPrevue\":\"2025-03-17\"}")),
              plain,
              HostileServerIntegrationTest::postal,
              null,
              async));
      all.add(
          new Scenario(
              "duplicate JSON keys" + form,
              on(
                  "/synthese",
                  Reply.json(
                      200,
                      Contract.golden("synthese.json")
                          .replaceFirst(
                              "\\{", "{\"perimetre\":\"COMPLET\",\"perimetre\":\"SANS_NIR\","))),
              plain,
              HostileServerIntegrationTest::synthese,
              ProtocolException.class,
              async));
      // Sends whose outcome is unknown: always OutcomeUnknownException with the key.
      all.add(
          new Scenario(
              "send with no answer" + form,
              on("/dialogues", Reply.close()),
              plain,
              (f, a) -> dialogue(f, a, RequestOptions.defaults()),
              OutcomeUnknownException.class,
              async));
      all.add(
          new Scenario(
              "send answered but outcome not journaled" + form,
              (r, n) -> Contract.answer(r),
              b -> b.auditSink(new FailingOnSuccess()),
              (f, a) -> dialogue(f, a, RequestOptions.defaults()),
              OutcomeUnknownException.class,
              async));
      all.add(
          new Scenario(
              "postal send answered 502 then refused 429" + form,
              seq("/envois-postaux", Reply.error(502, "50002"), Reply.error(429, "42900")),
              plain,
              HostileServerIntegrationTest::postal,
              OutcomeUnknownException.class,
              async));
      // Paging bounded whatever the server says.
      all.add(
          new Scenario(
              "paging that does not advance" + form,
              paging(p -> "{\"numero\":" + p + ",\"taille\":100,\"suivante\":" + p + "}"),
              plain,
              HostileServerIntegrationTest::paiements,
              ProtocolException.class,
              async));
      all.add(
          new Scenario(
              "paging that answers page 0 again" + form,
              paging(p -> "{\"numero\":0,\"taille\":100,\"suivante\":1}"),
              plain,
              HostileServerIntegrationTest::paiements,
              ProtocolException.class,
              async));
      all.add(
          new Scenario(
              "paging without end" + form,
              paging(p -> "{\"numero\":" + p + ",\"taille\":100,\"suivante\":" + (p + 1) + "}"),
              b ->
                  b.retryPolicy(
                      RetryPolicy.of(
                          3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(30))),
              HostileServerIntegrationTest::paiements,
              ProtocolException.class,
              async));
      // Token lifetime and renewal.
      all.add(
          new Scenario(
              "expiresIn shorter than the refresh margin" + form,
              token("\"" + Contract.TOKEN + "\"", "10"),
              plain,
              (f, a) -> {
                Dossier d = f.dossier(a);
                for (int i = 0; i < 3; i++) {
                  Object v = a ? AsyncDossier.join(d.async().synthese()) : d.synthese();
                }
                long auths = f.server.count("POST", "/auth/token");
                if (auths != 1) {
                  throw new AssertionError("authentications: " + auths);
                }
                return d;
              },
              null,
              async));
      all.add(
          new Scenario(
              "renewal hangs; a waiter keeps its own budget" + form,
              renewalHangs(),
              plain,
              HostileServerIntegrationTest::waiterBehindHangingRenewal,
              net.cdapkit.error.TransportException.class,
              async));
      all.add(
          new Scenario(
              "references survive two renewals" + form,
              tokenBoundReferences(),
              plain,
              HostileServerIntegrationTest::readsAcrossRenewals,
              null,
              async));
      all.add(
          new Scenario(
              "token always expired" + form,
              (r, n) ->
                  r.path().contains("/synthese") ? Reply.error(401, "10004") : Contract.answer(r),
              plain,
              HostileServerIntegrationTest::synthese,
              net.cdapkit.error.AuthenticationException.class,
              async));
      all.add(
          new Scenario(
              "reference always unknown" + form,
              on("/synthese", Reply.error(404, "37004")),
              plain,
              HostileServerIntegrationTest::synthese,
              net.cdapkit.error.NotFoundException.class,
              async));
      // A wrong base URL says so.
      all.add(
          new Scenario(
              "404 without error body on authentication" + form,
              (r, n) -> Reply.of(404, "text/html", "<html>Not Found</html>".getBytes()),
              plain,
              (f, a) -> f.session(a),
              ConfigurationException.class,
              async));
      all.add(
          new Scenario(
              "404 with error body on authentication" + form,
              (r, n) -> Reply.error(404, "99999"),
              plain,
              (f, a) -> f.session(a),
              ConfigurationException.class,
              async));
      all.add(
          new Scenario(
              "404 without error body on a tab" + form,
              on("/synthese", Reply.of(404, null, new byte[0])),
              plain,
              HostileServerIntegrationTest::synthese,
              ConfigurationException.class,
              async));
      // Malformed transport.
      all.add(
          new Scenario(
              "garbage instead of HTTP" + form,
              on("/synthese", Reply.raw("HELLO\r\n\r\n")),
              plain,
              HostileServerIntegrationTest::synthese,
              net.cdapkit.error.TransportException.class,
              async));
      all.add(
          new Scenario(
              "status 999" + form,
              on("/synthese", Reply.json(999, "{}")),
              plain,
              HostileServerIntegrationTest::synthese,
              CdapException.class,
              async));
      all.add(
          new Scenario(
              "redirect not followed" + form,
              on("/synthese", Reply.json(302, "{}", "Location: http://127.0.0.1:1/elsewhere")),
              plain,
              HostileServerIntegrationTest::synthese,
              net.cdapkit.error.ServerException.class,
              async));
      all.add(
          new Scenario(
              "declared body past the size limit" + form,
              on(
                  "/synthese",
                  Reply.raw(
                      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          + "Content-Length: 999999999999\r\n\r\n{")),
              plain,
              HostileServerIntegrationTest::synthese,
              ProtocolException.class,
              async));
      all.add(
          new Scenario(
              "body cut short" + form,
              on(
                  "/synthese",
                  Reply.raw(
                      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          + "Content-Length: 500\r\n\r\n{\"perim")),
              plain,
              HostileServerIntegrationTest::synthese,
              CdapException.class,
              async));
      all.add(
          new Scenario(
              "server never answers" + form,
              on("/synthese", Reply.hang()),
              plain,
              HostileServerIntegrationTest::synthese,
              net.cdapkit.error.TransportException.class,
              async));
      // Batch: every item once, nothing after run() ends.
      all.add(
          new Scenario(
              "batch worker meets an unexpected exception" + form,
              (r, n) -> Contract.answer(r),
              b ->
                  b.usageGuard(
                      UsageGuard.builder()
                          .maxPerHour(2)
                          .noNightHours()
                          .listener(
                              use -> {
                                throw new IllegalStateException("listener of the partner");
                              })
                          .build()),
              (f, a) -> batch(f, a, false),
              null,
              async));
      all.add(
          new Scenario(
              "batch interrupted, then the next consultation is journaled" + form,
              (r, n) ->
                  r.path().contains("/logement") && n % 3 == 0 ? Reply.hang() : Contract.answer(r),
              b -> b.auditSink(temporaryJournal()),
              HostileServerIntegrationTest::consultAfterInterruptedBatch,
              null,
              async));
      all.add(
          new Scenario(
              "batch interrupted" + form,
              (r, n) ->
                  r.path().contains("/logement") && n % 3 == 0 ? Reply.hang() : Contract.answer(r),
              plain,
              (f, a) -> batch(f, a, true),
              CdapException.class,
              async));
    }
    return all;
  }

  /** Answers {@code replies} in turn to requests on {@code part}, the last one ever after. */
  static HostileServer.Handler seq(String part, Reply... replies) {
    AtomicInteger i = new AtomicInteger();
    return (r, n) ->
        r.path().contains(part)
            ? replies[Math.min(i.getAndIncrement(), replies.length - 1)]
            : Contract.answer(r);
  }

  /** Tabs answer "expired"; the renewal's authentication never answers. */
  static HostileServer.Handler renewalHangs() {
    AtomicInteger auths = new AtomicInteger();
    return (r, n) -> {
      if (r.path().endsWith("/auth/token")) {
        return auths.incrementAndGet() == 1 ? Contract.token() : Reply.hang();
      }
      return r.path().contains("/synthese") ? Reply.error(401, "10004") : Contract.answer(r);
    };
  }

  static Object waiterBehindHangingRenewal(Fixture f, boolean async) throws Exception {
    Dossier d = f.dossier(async);
    Dossier patient = d.withOptions(RequestOptions.defaults().withBudget(Duration.ofSeconds(3)));
    Dossier hurried = d.withOptions(RequestOptions.defaults().withBudget(Duration.ofMillis(700)));
    // The first call starts the renewal, which hangs for its whole budget: once the server has
    // the renewal's authentication, the hurried call can only find it under way.
    java.util.concurrent.CompletableFuture<?> first = patient.async().synthese();
    Await.until(
        "the renewal's authentication", BUDGET, () -> f.server.count("POST", "/auth/token") == 2);
    long start = System.nanoTime();
    try {
      return async ? AsyncDossier.join(hurried.async().synthese()) : hurried.synthese();
    } finally {
      long ms = (System.nanoTime() - start) / 1_000_000;
      first.cancel(true);
      if (ms > 700 + SLACK.toMillis()) {
        throw new AssertionError("waited " + ms + " ms behind another call's renewal");
      }
    }
  }

  /**
   * Each authentication gives a new token; a reference is known only with the token it was looked
   * up under; the second request of each token answers "expired".
   */
  static HostileServer.Handler tokenBoundReferences() {
    AtomicInteger tokens = new AtomicInteger();
    Map<String, Integer> uses = new ConcurrentHashMap<>();
    return (r, n) -> {
      if (r.path().endsWith("/auth/token")) {
        int t = tokens.incrementAndGet();
        return Reply.json(200, Contract.token("\"tok_EXEMPLE_" + t + "\"", "1800"));
      }
      String auth = r.header("Authorization");
      String t = auth == null ? "0" : auth.replaceAll(".*_", "");
      if (r.path().endsWith("/dossiers/recherche")) {
        return Contract.reference(Integer.parseInt(t));
      }
      if (r.path().contains("/dossiers/dos_EXEMPLE")) {
        int ref = Integer.parseInt(r.path().replaceAll(".*dos_EXEMPLE(\\d{8}).*", "$1"));
        if (ref != Integer.parseInt(t)) {
          return Reply.error(404, "37004");
        }
        if (uses.merge(t, 1, Integer::sum) == 2) {
          return Reply.error(401, "10004");
        }
      }
      return Contract.answer(r);
    };
  }

  static Object readsAcrossRenewals(Fixture f, boolean async) {
    Dossier d = f.dossier(async);
    for (int i = 0; i < 5; i++) {
      Object v = async ? AsyncDossier.join(d.async().synthese()) : d.synthese();
    }
    if (f.server.count("POST", "/auth/token") < 3) {
      throw new AssertionError("expected at least two renewals");
    }
    return d;
  }

  /**
   * The workers of an interrupted batch write their outcome records while interrupted; the journal
   * they share with the rest of the application must take the next consultation all the same.
   */
  static Object consultAfterInterruptedBatch(Fixture f, boolean async) throws Exception {
    try {
      batch(f, false, true);
    } catch (CdapException interrupted) {
      // the batch's own end: what matters is the consultation after it
    }
    return synthese(f, async);
  }

  static JsonLinesAuditJournal temporaryJournal() {
    try {
      Path dir = Files.createTempDirectory("cdapkit-hostile-audit");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve("audit.jsonl");
      file.toFile().deleteOnExit();
      return JsonLinesAuditJournal.open(file, AuditKey.generate());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A batch of 12; counts what is delivered, and anything delivered after run() ended. */
  static Object batch(Fixture f, boolean listInput, boolean interrupt) throws Exception {
    CafContext caf = f.session(false).selectCaf("751");
    List<NumeroAllocataire> numeros =
        IntStream.range(0, 12).mapToObj(i -> NumeroAllocataire.of("99000" + (10 + i))).toList();
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger delivered = new AtomicInteger();
    CountDownLatch firstDelivered = new CountDownLatch(1);
    AtomicBoolean ended = new AtomicBoolean();
    AtomicInteger late = new AtomicInteger();
    BatchConsultation batch = caf.batch().finalite(SOCIAL).tabs(Tab.LOGEMENT).concurrency(3);
    java.util.function.Consumer<BatchItem> sink =
        item -> {
          if (ended.get()) {
            late.incrementAndGet();
          }
          if (!seen.add(item.index())) {
            DUPLICATES.incrementAndGet();
          }
          delivered.incrementAndGet();
          firstDelivered.countDown();
        };
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Thread runner = Thread.currentThread();
    Thread interrupter = null;
    if (interrupt) {
      // Interrupts the batch in flight: after its first item, while a third of the requests hang.
      interrupter =
          new Thread(
              () -> {
                try {
                  firstDelivered.await();
                } catch (InterruptedException e) {
                  return;
                }
                runner.interrupt();
              });
      interrupter.start();
    }
    try {
      return listInput ? batch.run(numeros, sink) : batch.run(numeros.stream(), sink);
    } finally {
      ended.set(true);
      Thread.interrupted();
      if (interrupter != null) {
        interrupter.interrupt();
        while (interrupter.isAlive()) {
          try {
            interrupter.join();
          } catch (InterruptedException e) {
            // its interrupt, arriving after run() returned
          }
        }
        Thread.interrupted();
      }
      // Nothing may be delivered after run(): proven once every worker the batch started has
      // ended, each having finished or abandoned the consultation it was in.
      boolean workerHangs = false;
      for (Thread worker : Thread.getAllStackTraces().keySet()) {
        if (worker.getName().startsWith("cdapkit-batch-") && !before.contains(worker)) {
          worker.join(BUDGET.plus(SLACK).toMillis());
          workerHangs |= worker.isAlive();
        }
      }
      if (workerHangs) {
        HANGS.incrementAndGet();
        throw new AssertionError("a batch worker outlived its consultation's budget");
      }
      LOST.addAndGet(late.get());
      if (!interrupt) {
        LOST.addAndGet(numeros.size() - delivered.get());
      }
    }
  }

  /** A journal that keeps every record but the outcome of a success. */
  static final class FailingOnSuccess implements AuditSink {
    @Override
    public void append(AuditRecord record) {
      if (record.outcome() == AuditOutcome.SUCCESS) {
        throw new IllegalStateException("disk full");
      }
    }

    @Override
    public String pseudonym(CafCode caf, NumeroAllocataire numero) {
      return "0".repeat(64);
    }
  }

  @TestFactory
  List<DynamicTest> hostileServer() {
    ExecutorService runner =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "hostile-scenario");
              t.setDaemon(true);
              return t;
            });
    List<DynamicTest> tests = new ArrayList<>();
    for (Scenario s : scenarios()) {
      tests.add(DynamicTest.dynamicTest(s.name(), () -> run(s, runner)));
    }
    return tests;
  }

  private static void run(Scenario s, ExecutorService runner) throws Exception {
    SCENARIOS.incrementAndGet();
    try (HostileServer server = HostileServer.start(s.handler())) {
      CdapClient client =
          s.config()
              .apply(HostileClients.builder(server, BUDGET).readTimeout(Duration.ofSeconds(1)))
              .build();
      Fixture f = new Fixture(server, client);
      Future<Object> result = runner.submit(() -> s.action().run(f, s.asyncForm()));
      Throwable failure = null;
      try {
        result.get(30_000 + SLACK.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        HANGS.incrementAndGet();
        result.cancel(true);
        throw new AssertionError(s.name() + ": no end within its budget");
      } catch (java.util.concurrent.ExecutionException e) {
        failure = e.getCause();
      }
      if (failure instanceof AssertionError a) {
        throw a;
      }
      if (failure != null && !(failure instanceof CdapException)) {
        UNTYPED.incrementAndGet();
        throw new AssertionError(s.name() + ": untyped " + failure, failure);
      }
      if (failure instanceof OutcomeUnknownException unknown) {
        assertThat(unknown.idempotencyKey()).as(s.name()).isNotBlank();
        // The caller's natural resend with the key: the server acts at most once per key.
        Set<String> keys =
            KEYS.computeIfAbsent(
                s.name(), k -> Collections.synchronizedSet(new java.util.HashSet<>()));
        server.requests().stream()
            .filter(r -> r.header("Idempotency-Key") != null)
            .forEach(r -> keys.add(r.header("Idempotency-Key")));
        if (keys.size() > 1) {
          DUPLICATES.incrementAndGet();
        }
      }
      if (s.expected() == null) {
        assertThat(failure).as(s.name()).isNull();
      } else {
        assertThat(failure).as(s.name()).isInstanceOf(s.expected());
      }
      TYPED.incrementAndGet();
    }
  }

  @AfterAll
  static void report() {
    System.out.println(
        "hostile: scenarios="
            + SCENARIOS.get()
            + " typed="
            + TYPED.get()
            + " untyped="
            + UNTYPED.get()
            + " hangs="
            + HANGS.get()
            + " duplicates="
            + DUPLICATES.get()
            + " lost="
            + LOST.get());
  }
}
