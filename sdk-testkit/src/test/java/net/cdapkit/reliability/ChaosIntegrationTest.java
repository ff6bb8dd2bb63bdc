package net.cdapkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.cdapkit.CafContext;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.DialogueMessage;
import net.cdapkit.Dossier;
import net.cdapkit.RateLimit;
import net.cdapkit.RequestOptions;
import net.cdapkit.RetryPolicy;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.OutcomeUnknownException;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.testkit.Catalogue;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.Fault;
import net.cdapkit.testkit.Faults;
import net.cdapkit.testkit.Operation;
import net.cdapkit.testkit.RecordedDialogue;
import net.cdapkit.testkit.RecordedEnvoiPostal;
import net.cdapkit.testkit.SyntheticDossier;
import net.cdapkit.testkit.TestClock;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand operations — reads, Dialogue messages, postal attestations — from several threads
 * against a simulator that breaks about one request in ten in a dozen ways, and expires the tokens
 * half way through. Every operation must end in a value or a typed SDK exception, within its time
 * budget; and every message and letter the simulator recorded must match exactly one logical send
 * the caller was told succeeded — or one whose "outcome unknown" was resolved by resending it with
 * its idempotency key once the faults stopped.
 *
 * <p>Seeded ({@code -Dcdapkit.chaos.seed}); the fault rules draw from the simulator's seeded
 * source, the operations from one seed per operation. Thread scheduling still varies from run to
 * run, so a failure prints the seed and the operations involved rather than promising a replay.
 */
class ChaosIntegrationTest {
  private static final int CALLS = Integer.getInteger("cdapkit.chaos.calls", 10_000);
  private static final long SEED = Long.getLong("cdapkit.chaos.seed", 20_261_126L);
  private static final int THREADS = 8;
  private static final Duration CALL_TIMEOUT = Duration.ofMillis(400);
  private static final Duration BUDGET = Duration.ofSeconds(2);

  /** Scheduling, decoding and lock waits of a loaded two-core machine, on top of the budget. */
  private static final Duration SLACK = Duration.ofSeconds(1);

  private static final Duration LIFETIME = Duration.ofHours(1);
  private static final List<CafCode> CAFS =
      List.of(CafCode.of("751"), CafCode.of("131"), CafCode.of("691"));

  private static TestClock clock;
  private static CdapSimulator simulator;

  @BeforeAll
  static void start() {
    clock = TestClock.at(Instant.parse("2026-11-26T08:00:00Z"));
    simulator =
        CdapSimulator.builder()
            .clock(clock)
            .tokenLifetime(LIFETIME)
            .recordRequests(false)
            .build()
            .start();
    warmUp();
  }

  /**
   * The first requests of a fresh JVM load classes on both sides (client and simulator); on a busy
   * machine they can outlast the run's 400 ms call timeout before any fault is injected. A few
   * reads with the client's default timeouts first, so that the run measures faults, not class
   * loading. Reads only: no send is recorded, and authentications are counted after this.
   */
  private static void warmUp() {
    CdapClient client =
        CdapClient.builder().baseUrl(simulator.baseUrl()).rateLimit(RateLimit.none()).build();
    try (CdapSession session =
        client.authenticate(CredentialsProvider.of("demo-t1", CdapSimulator.DEMO_PASSWORD))) {
      for (int i = 0; i < 3; i++) {
        Dossier dossier =
            session
                .selectCaf(CafCode.of("751"))
                .consultDossier(
                    NumeroAllocataire.of("9900001"),
                    Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "warm-up"));
        dossier.synthese();
        dossier.paiements().toList();
      }
      session.help();
    }
  }

  @AfterAll
  static void stop() {
    simulator.stop();
  }

  enum Kind {
    READ,
    CONSULT,
    PDF,
    HELP,
    DIALOGUE,
    POSTAL
  }

  /** One agent's session and what it may declare. */
  record Agent(String login, CdapSession session, Finalite finalite) {}

  /** A thread's own dossiers, opened before the faults start. */
  record Worker(Agent agent, List<Dossier> dossiers) {}

  /** A logical send with effect, and how it ended. */
  static final class Send {
    final int op;
    final Kind kind;
    final Agent agent;
    final Dossier dossier; // for postal, and for a dialogue about a dossier
    final CafCode caf;
    final DialogueMessage message;
    final AttestationType type;
    final String callerKey; // null when the SDK makes the key
    String receipt; // set on success
    String unknownKey; // set on OutcomeUnknownException
    boolean resolved; // an unknown outcome resent with its key, then confirmed
    CdapException definiteFailure;

    Send(
        int op,
        Kind kind,
        Agent agent,
        Dossier dossier,
        CafCode caf,
        DialogueMessage message,
        AttestationType type,
        String callerKey) {
      this.op = op;
      this.kind = kind;
      this.agent = agent;
      this.dossier = dossier;
      this.caf = caf;
      this.message = message;
      this.type = type;
      this.callerKey = callerKey;
    }

    boolean confirmed() {
      return receipt != null;
    }

    String key() {
      return callerKey != null ? callerKey : unknownKey;
    }
  }

  private final AtomicInteger success = new AtomicInteger();
  private final AtomicInteger typedFailures = new AtomicInteger();
  private final AtomicInteger untyped = new AtomicInteger();
  private final AtomicInteger hangs = new AtomicInteger();
  private final AtomicLong slowestNanos = new AtomicLong();
  private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Send> sends = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> failuresByType =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Test
  void tenThousandOperations_underFaults_endTypedInTimeWithNoDuplicateAndNothingLost()
      throws Exception {
    CdapClient client =
        CdapClient.builder()
            .baseUrl(simulator.baseUrl())
            .okHttpClient(
                new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(2 * THREADS, 1, TimeUnit.MINUTES))
                    .build())
            .connectTimeout(CALL_TIMEOUT)
            .readTimeout(CALL_TIMEOUT)
            .writeTimeout(CALL_TIMEOUT)
            .callTimeout(CALL_TIMEOUT)
            .retryPolicy(RetryPolicy.of(4, Duration.ofMillis(5), Duration.ofMillis(40), BUDGET))
            .rateLimit(
                RateLimit.none()) // the simulator declares 20/s: 10,000 calls would take 8 min
            .build();
    List<Agent> agents =
        List.of(
            agent(client, "demo-t1", FinaliteCode.ACCOMPAGNEMENT_SOCIAL),
            agent(client, "demo-t3", FinaliteCode.PROTECTION_MAJEURS));
    List<SyntheticDossier> catalogue =
        Catalogue.standard().dossiers().stream().filter(d -> CAFS.contains(d.caf())).toList();
    List<Worker> workers = new ArrayList<>();
    Random setup = new Random(SEED);
    for (int t = 0; t < THREADS; t++) {
      Agent agent = agents.get(t % agents.size());
      List<Dossier> dossiers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        SyntheticDossier sd = catalogue.get(setup.nextInt(catalogue.size()));
        dossiers.add(
            agent
                .session()
                .selectCaf(sd.caf())
                .consultDossier(sd.numeroAllocataire(), agent.finalite()));
      }
      workers.add(new Worker(agent, dossiers));
    }
    int authenticationsBefore = simulator.authentications();

    Faults faults = injectFaults();
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (Worker worker : workers) {
      futures.add(
          pool.submit(
              () -> {
                for (int op = next.getAndIncrement(); op < CALLS; op = next.getAndIncrement()) {
                  if (op == CALLS / 2) {
                    clock.advance(LIFETIME.plusSeconds(1)); // every token expires mid-run
                  }
                  run(op, worker, catalogue);
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    long runMillis = (System.nanoTime() - started) / 1_000_000;
    int injected = faults.injected();
    List<String> kindsFired = new ArrayList<>();
    for (Faults.Rule rule : faults.rules()) {
      if (rule.injected() > 0) {
        kindsFired.add(rule.fault().toString());
      }
    }
    faults.clear();

    // Every unknown outcome, resent with its key now that the faults stopped.
    int unknowns = 0;
    for (Send s : sends) {
      if (s.unknownKey != null) {
        unknowns++;
        try {
          s.receipt = send(s, s.unknownKey);
          s.resolved = true;
        } catch (CdapException e) {
          problems.add("op " + s.op + ": resending an unknown outcome failed: " + e);
        }
      }
    }

    Reconciliation r = reconcile();
    System.out.println(
        "chaos: calls="
            + CALLS
            + " faults="
            + injected
            + " success="
            + success.get()
            + " typed_failures="
            + typedFailures.get()
            + " untyped="
            + untyped.get()
            + " hangs="
            + hangs.get()
            + " duplicates="
            + r.duplicates
            + " lost="
            + r.lost);
    System.out.println(
        "chaos-detail: seed="
            + SEED
            + " threads="
            + THREADS
            + " run_ms="
            + runMillis
            + " slowest_ms="
            + slowestNanos.get() / 1_000_000
            + " bound_ms="
            + BUDGET.plus(SLACK).toMillis()
            + " sends="
            + sends.size()
            + " outcome_unknown="
            + unknowns
            + " resolved="
            + sends.stream().filter(s -> s.resolved).count()
            + " phantoms="
            + r.phantoms
            + " authentications="
            + (simulator.authentications() - authenticationsBefore)
            + " idempotent_replays="
            + simulator.idempotentReplays()
            + " failures="
            + new java.util.TreeMap<>(failuresByType)
            + " fault_kinds="
            + kindsFired.size());
    problems.stream().limit(20).forEach(p -> System.out.println("chaos-problem: " + p));

    assertThat(success.get() + typedFailures.get() + untyped.get()).isEqualTo(CALLS);
    assertThat(untyped.get()).as("untyped failures (seed %d)", SEED).isZero();
    assertThat(hangs.get()).as("operations past their bound (seed %d)", SEED).isZero();
    assertThat(r.duplicates).as("duplicates (seed %d)", SEED).isZero();
    assertThat(r.lost).as("lost (seed %d)", SEED).isZero();
    assertThat(r.phantoms).as("effects reported as failed (seed %d)", SEED).isZero();
    assertThat(problems).as("seed %d", SEED).isEmpty();
    assertThat(kindsFired).as("fault kinds that fired").hasSizeGreaterThanOrEqualTo(6);
    assertThat(injected).isGreaterThan(CALLS / 20);
    assertThat(simulator.authentications() - authenticationsBefore)
        .as("renewals, the mid-run expiry included")
        .isGreaterThanOrEqualTo(agents.size());
  }

  private static Agent agent(CdapClient client, String login, FinaliteCode finalite) {
    CdapSession session =
        client.authenticate(CredentialsProvider.of(login, CdapSimulator.DEMO_PASSWORD));
    return new Agent(login, session, Finalite.of(finalite, "chaos"));
  }

  /** About one request in ten goes wrong, in thirteen ways. */
  private static Faults injectFaults() {
    Faults faults = simulator.faults().seed(SEED);
    Operation[] withToken =
        java.util.Arrays.stream(Operation.values())
            .filter(o -> o != Operation.AUTHENTICATE && o != Operation.LOGOUT)
            .toArray(Operation[]::new);
    faults.everywhere().rate(0.012).inject(Fault.connectionReset());
    faults.everywhere().rate(0.010).inject(Fault.emptyResponse().afterEffect());
    faults.everywhere().rate(0.012).inject(Fault.http(503));
    faults.everywhere().rate(0.008).inject(Fault.http(502).afterEffect());
    faults.everywhere().rate(0.006).inject(Fault.http(504));
    faults.everywhere().rate(0.010).inject(Fault.tooManyRequests(0));
    faults.everywhere().rate(0.004).inject(Fault.http(500).afterEffect());
    faults
        .on(withToken[0], java.util.Arrays.copyOfRange(withToken, 1, withToken.length))
        .rate(0.008)
        .inject(Fault.tokenExpired());
    faults.everywhere().rate(0.005).inject(Fault.malformedJson());
    faults.everywhere().rate(0.005).inject(Fault.malformedChunk());
    faults.everywhere().rate(0.003).inject(Fault.randomDataThenClose());
    faults.everywhere().rate(0.004).inject(Fault.unknownFields());
    faults.everywhere().rate(0.003).inject(Fault.unknownEnumValues());
    // Answers that come after the call timeout: the attempt is abandoned (after the effect).
    faults.everywhere().rate(0.005).inject(Fault.delay(CALL_TIMEOUT.plusMillis(300)));
    return faults;
  }

  private void run(int op, Worker worker, List<SyntheticDossier> catalogue) {
    Random random = new Random(SEED * 1_000_003L + op);
    Agent agent = worker.agent();
    Dossier dossier = worker.dossiers().get(random.nextInt(worker.dossiers().size()));
    int pick = random.nextInt(100);
    Kind kind =
        pick < 40
            ? Kind.READ
            : pick < 48
                ? Kind.CONSULT
                : pick < 54
                    ? Kind.PDF
                    : pick < 60 ? Kind.HELP : pick < 80 ? Kind.DIALOGUE : Kind.POSTAL;
    Send send = null;
    if (kind == Kind.DIALOGUE) {
      boolean about = random.nextBoolean();
      CafCode caf = about ? dossier.caf() : CAFS.get(random.nextInt(CAFS.size()));
      DialogueMessage.Builder m =
          DialogueMessage.builder()
              .objet("Chaos " + op)
              .message("Message de test " + op + " (données fictives)");
      if (about) {
        m.dossier(dossier);
      }
      send =
          new Send(
              op,
              kind,
              agent,
              about ? dossier : null,
              caf,
              m.build(),
              null,
              random.nextBoolean() ? "chaos-dlg-" + op : null);
    } else if (kind == Kind.POSTAL) {
      AttestationType[] types = AttestationType.values();
      send =
          new Send(
              op,
              kind,
              agent,
              dossier,
              dossier.caf(),
              null,
              types[random.nextInt(types.length)],
              random.nextBoolean() ? "chaos-env-" + op : null);
    }
    long start = System.nanoTime();
    try {
      if (send != null) {
        sends.add(send);
        try {
          send.receipt = send(send, send.callerKey);
        } catch (OutcomeUnknownException e) {
          send.unknownKey = e.idempotencyKey();
          if (send.callerKey != null && !send.callerKey.equals(e.idempotencyKey())) {
            problems.add("op " + op + ": the unknown outcome names another key than the caller's");
          }
          throw e;
        } catch (CdapException e) {
          send.definiteFailure = e;
          throw e;
        }
      } else {
        read(kind, agent, dossier, random, catalogue);
      }
      success.incrementAndGet();
    } catch (CdapException e) {
      typedFailures.incrementAndGet();
      failuresByType
          .computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger())
          .incrementAndGet();
    } catch (Throwable e) {
      untyped.incrementAndGet();
      problems.add("op " + op + " (" + kind + "): untyped " + e);
    } finally {
      long took = System.nanoTime() - start;
      slowestNanos.accumulateAndGet(took, Math::max);
      if (took > BUDGET.plus(SLACK).toNanos()) {
        hangs.incrementAndGet();
        problems.add("op " + op + " (" + kind + ") took " + took / 1_000_000 + " ms");
      }
    }
  }

  private static void read(
      Kind kind, Agent agent, Dossier dossier, Random random, List<SyntheticDossier> catalogue) {
    switch (kind) {
      case CONSULT -> {
        SyntheticDossier sd = catalogue.get(random.nextInt(catalogue.size()));
        agent
            .session()
            .selectCaf(sd.caf())
            .consultDossier(sd.numeroAllocataire(), agent.finalite());
      }
      case PDF -> dossier.requestAttestation(AttestationType.PAIEMENT);
      case HELP -> agent.session().help();
      default -> {
        Tab tab = Tab.values()[random.nextInt(Tab.values().length)];
        switch (tab) {
          case SYNTHESE -> dossier.synthese();
          case RESUME -> dossier.resume();
          case PAIEMENTS -> dossier.paiements().iterator().hasNext(); // the first page only
          case DROITS -> dossier.droits();
          case FAMILLE -> dossier.compositionFamille();
          case RESSOURCES -> dossier.ressources();
          case RSA -> dossier.rsa();
          case COURRIERS -> dossier.courriers().iterator().hasNext();
          case LOGEMENT -> dossier.logement();
          case CREANCES -> dossier.creances();
        }
      }
    }
  }

  /** Sends it, with this key or (null) one the SDK makes; returns the receipt's reference. */
  private static String send(Send s, String key) {
    RequestOptions options = RequestOptions.defaults();
    if (key != null) {
      options = options.withIdempotencyKey(key);
    }
    if ((s.op & 3) == 0) {
      options = options.withTimeout(CALL_TIMEOUT.minusMillis(100)); // a per-call timeout too
    }
    if (s.kind == Kind.DIALOGUE) {
      CafContext caf = s.agent.session().selectCaf(s.caf);
      return caf.sendDialogue(s.message, options).reference();
    }
    return s.dossier.requestAttestationByPost(s.type, options).reference();
  }

  private static final class Reconciliation {
    int duplicates;
    int lost;
    int phantoms;
  }

  /**
   * Matches what the simulator recorded with the logical sends: a Dialogue message by its subject
   * (one per operation), a postal attestation by its key or, when the SDK made the key and the
   * caller never saw it, by the receipt the caller got.
   */
  private Reconciliation reconcile() {
    Reconciliation r = new Reconciliation();
    Map<String, List<RecordedDialogue>> dialoguesByObjet = new HashMap<>();
    for (RecordedDialogue d : simulator.dialogues()) {
      dialoguesByObjet.computeIfAbsent(d.objet(), k -> new ArrayList<>()).add(d);
    }
    Map<String, List<RecordedEnvoiPostal>> envoisByKey = new HashMap<>();
    Map<String, RecordedEnvoiPostal> envoisByReference = new HashMap<>();
    for (RecordedEnvoiPostal e : simulator.envoisPostaux()) {
      envoisByKey
          .computeIfAbsent(e.agent() + " " + e.idempotencyKey(), k -> new ArrayList<>())
          .add(e);
      envoisByReference.put(e.reference(), e);
    }
    int matchedEnvois = 0;
    for (Send s : sends) {
      int records;
      String recordedReference = null;
      if (s.kind == Kind.DIALOGUE) {
        List<RecordedDialogue> found = dialoguesByObjet.remove(s.message.objet());
        records = found == null ? 0 : found.size();
        recordedReference = records == 1 ? found.get(0).reference() : null;
      } else if (s.key() != null) {
        List<RecordedEnvoiPostal> found = envoisByKey.remove(s.agent.login() + " " + s.key());
        records = found == null ? 0 : found.size();
        recordedReference = records == 1 ? found.get(0).reference() : null;
        matchedEnvois += records;
      } else if (s.receipt != null) {
        RecordedEnvoiPostal found = envoisByReference.get(s.receipt);
        records = found == null ? 0 : 1;
        recordedReference = s.receipt;
        matchedEnvois += records;
      } else {
        continue; // a definite failure with a key the caller never saw: counted below
      }
      if (s.confirmed()) {
        if (records == 0) {
          r.lost++;
          problems.add("op " + s.op + " (" + s.kind + "): confirmed but not recorded");
        } else if (records > 1) {
          r.duplicates += records - 1;
          problems.add("op " + s.op + " (" + s.kind + "): recorded " + records + " times");
        } else if (!s.receipt.equals(recordedReference)) {
          r.lost++;
          problems.add("op " + s.op + ": the caller's receipt is not the recorded one");
        }
      } else if (records > 0) {
        r.phantoms += records;
        problems.add(
            "op "
                + s.op
                + " ("
                + s.kind
                + "): reported as failed ("
                + s.definiteFailure
                + ") but recorded");
      }
    }
    // Whatever is left matches no logical send the caller knows to have succeeded.
    for (List<RecordedDialogue> left : dialoguesByObjet.values()) {
      r.duplicates += left.size();
      problems.add("unmatched Dialogue message " + left.get(0).objet());
    }
    int unmatchedEnvois = simulator.envoisPostaux().size() - matchedEnvois;
    if (unmatchedEnvois > 0) {
      r.duplicates += unmatchedEnvois;
      problems.add(unmatchedEnvois + " postal attestation(s) match no confirmed send");
    }
    return r;
  }
}
