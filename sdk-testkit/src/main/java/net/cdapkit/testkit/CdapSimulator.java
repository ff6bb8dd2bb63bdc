package net.cdapkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.testkit.internal.contract.ConformanceChecker;
import net.cdapkit.testkit.internal.privacy.PersonalData;
import net.cdapkit.testkit.internal.server.DemoAgents;
import net.cdapkit.testkit.internal.server.RequestJournal;
import net.cdapkit.testkit.internal.server.SimulatorHandler;
import net.cdapkit.testkit.internal.server.SimulatorServer;
import net.cdapkit.testkit.internal.server.SimulatorState;

/**
 * A local HTTP server that plays the CDAP contract ({@code openapi.yaml}) with fictional dossiers,
 * to test partner software and the SDK without a real CAF.
 *
 * <pre>{@code
 * try (CdapSimulator sim = CdapSimulator.builder().build().start()) {
 *   String baseUrl = sim.baseUrl(); // http://127.0.0.1:<port>/api/v1/
 *   // log in as "demo-t1" with CdapSimulator.DEMO_PASSWORD, look up
 *   // Catalogue.DEMO_NUMERO in Catalogue.DEMO_CAF, read its tabs...
 *   assertThat(sim.dialogues()).isEmpty();
 * }
 * }</pre>
 *
 * <p><b>Agents.</b> {@code demo-t1} to {@code demo-t5} log in with {@link #DEMO_PASSWORD} and get
 * the profiles T1 to T5 of {@link net.cdapkit.capability.Profiles} for CAFs 751, 131 and 691 (CAF
 * 331 exists in the catalogue but no agent may consult it). {@code demo-suspendu} and {@code
 * demo-renouvellement} are refused with 10002 and 10003.
 *
 * <p><b>Behaviour.</b> Bearer tokens expire after {@link Builder#tokenLifetime(Duration)} by the
 * injected {@link Clock}; dossier references belong to the session that looked them up; tabs are
 * narrowed by the profile's restrictions; postal attestations and Dialogue messages happen once per
 * Idempotency-Key (scoped per agent) and are {@linkplain #envoisPostaux() recorded}. Every error
 * has the contract's body and code; every response carries {@code X-Request-Id}.
 *
 * <p><b>For tests.</b> {@link #faults()} breaks it on purpose; {@link #verify()} tells what the
 * client sent; {@link Builder#conformance(Conformance)} checks every exchange against the contract;
 * {@link #compliance()} looks for personal data where it must not be; {@link #add} serves a
 * fixture; {@link #respond} serves an answer of your own. {@link CdapSimulatorExtension} wires all
 * of it into JUnit 5.
 *
 * <p>Thread-safe. Built on WireMock: one catch-all stub whose answer is computed by plain Java;
 * WireMock's request journal is off, its admin API refused, its console output silenced.
 */
public final class CdapSimulator implements AutoCloseable {
  /** The password of every demo agent. */
  public static final String DEMO_PASSWORD = DemoAgents.PASSWORD;

  private final Catalogue catalogue;
  private final Clock clock;
  private final SimulatorState state = new SimulatorState();
  private final SimulatorHandler handler;
  private final Faults faults = new Faults();
  private final RequestJournal journal;
  private final ConformanceChecker conformance;
  private final SimulatorPipeline pipeline;
  private final SimulatorServer server;

  private CdapSimulator(Builder b) {
    this.catalogue = b.catalogue != null ? b.catalogue : Catalogue.standard();
    this.clock = b.clock;
    this.handler =
        new SimulatorHandler(
            state, catalogue, b.clock, b.tokenLifetime, b.declaredRate, b.enforceRate);
    this.journal = new RequestJournal(b.recordRequests);
    this.conformance = new ConformanceChecker(b.conformance);
    this.pipeline = new SimulatorPipeline(handler, faults, journal, conformance);
    this.server = new SimulatorServer(b.port, pipeline::serve);
  }

  /**
   * A builder with the defaults: dynamic port, system UTC clock, 30-minute tokens.
   *
   * @return a new builder; {@link Builder#build()} makes the simulator
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the server; does nothing if it is running.
   *
   * @return this simulator
   */
  public CdapSimulator start() {
    server.start();
    return this;
  }

  /**
   * Stops the server; does nothing if it is not running. The state is kept until {@link #reset}.
   */
  public void stop() {
    server.stop();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * The port the server listens on.
   *
   * @return the local TCP port on 127.0.0.1, chosen at start when the builder asked for 0
   * @throws IllegalStateException if the simulator is not started
   */
  public int port() {
    return server.port();
  }

  /**
   * The contract's base URL, {@code http://127.0.0.1:<port>/api/v1/}, ending in a slash.
   *
   * @return the URL to give the client under test
   * @throws IllegalStateException if the simulator is not started
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + SimulatorHandler.PREFIX;
  }

  /**
   * Forgets every session, dossier reference, idempotency key, recorded send and fault rule, and
   * resets the receipt numbers and the counts. The server keeps running.
   */
  public void reset() {
    state.reset();
    faults.reset();
    journal.reset();
    conformance.reset();
    pipeline.reset();
    handler.resetRateLimit();
  }

  /**
   * The contract violations seen since the last reset, at the {@link Conformance} level chosen at
   * build time (none when it is {@code OFF}).
   *
   * @return the violations in order of arrival; empty if the traffic followed the contract
   */
  public List<ContractViolation> contractViolations() {
    return conformance.violations();
  }

  /**
   * Fails with a readable report (operation, status, location in the body, rule) if a request or
   * answer broke the contract since the last reset.
   *
   * @throws AssertionError listing the violations, never the offending values
   */
  public void assertConformance() {
    conformance.assertNone();
  }

  /**
   * Answers every request of this operation with this status and JSON body instead of the
   * simulator's own answer, until the next {@link #reset()}: for a case the catalogue cannot
   * express. The answer is checked against the contract like any other, and faults still apply.
   *
   * @param operation the operation whose answer to replace
   * @param status the HTTP status to answer, 200 to 599
   * @param json the response body, sent as {@code application/json} in UTF-8
   * @return this simulator
   * @throws IllegalArgumentException if {@code status} is outside 200 to 599
   * @throws NullPointerException if {@code operation} or {@code json} is null
   */
  public CdapSimulator respond(Operation operation, int status, String json) {
    pipeline.stub(operation, status, json);
    return this;
  }

  /**
   * What the client sent since the last reset: requests per operation, their headers, attempts per
   * idempotency key, and assertions such as {@link Verification#assertNoSecretsInUrls()}.
   *
   * @return a snapshot of the requests received so far
   * @throws IllegalStateException if the simulator was built with {@code recordRequests(false)}
   */
  public Verification verify() {
    return new Verification(journal.snapshot(), personalData());
  }

  /**
   * Runs a block and fails if any request reached this simulator meanwhile: proves that a check
   * made before any network call (bad input, a tab the profile cannot read) sent nothing. The
   * failure names the operations received, never their values. Requests from other threads during
   * the block count too.
   *
   * <pre>{@code
   * sim.assertNoRequests(
   *     () -> assertThatThrownBy(dossier::rsa).isInstanceOf(CapabilityDeniedException.class));
   * }</pre>
   *
   * @param block the code under test, run once on the calling thread
   * @throws AssertionError if at least one request arrived while the block ran
   * @throws NullPointerException if {@code block} is null
   */
  public void assertNoRequests(Runnable block) {
    journal.assertNoneDuring(Objects.requireNonNull(block, "block"));
  }

  /**
   * Serves these dossiers, besides the catalogue's, until the next {@link #reset()}: the fixtures
   * of one test. A dossier with the CAF and numéro of a catalogue dossier hides it.
   *
   * @param dossiers the synthetic dossiers to serve
   * @return this simulator
   * @throws IllegalArgumentException if a numéro is outside the reserved fictional range
   */
  public CdapSimulator add(SyntheticDossier... dossiers) {
    List.of(dossiers).forEach(state::add);
    return this;
  }

  /**
   * Checks that an application's output, exceptions and {@code toString} never carry the personal
   * data of the dossiers it consulted or that were added, since the last reset.
   *
   * @return the checks, bound to this simulator's state at the time each one runs
   */
  public Compliance compliance() {
    return new Compliance(this);
  }

  /** The personal data of the dossiers consulted or added since the reset, and the secrets seen. */
  PersonalData personalData() {
    return handler.personalData();
  }

  /**
   * The fault rules of this simulator: delays, broken connections, error statuses, malformed or
   * extended answers, per operation or everywhere. Cleared by {@link #reset()}.
   *
   * @return the fault rules of this simulator, to add rules to
   */
  public Faults faults() {
    return faults;
  }

  /**
   * The clock that decides token expiry and dates receipts.
   *
   * @return the clock given to the builder, or the system UTC clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The catalogue of dossiers served.
   *
   * @return the catalogue given to the builder, or {@link Catalogue#standard()}
   */
  public Catalogue catalogue() {
    return catalogue;
  }

  /**
   * The Dialogue messages accepted since the last reset, in order; one per Idempotency-Key.
   *
   * @return the messages; empty if none
   */
  public List<RecordedDialogue> dialogues() {
    return state.dialogues();
  }

  /**
   * The postal attestations accepted since the last reset, in order; one per Idempotency-Key.
   *
   * @return the dispatches; empty if none
   */
  public List<RecordedEnvoiPostal> envoisPostaux() {
    return state.envoisPostaux();
  }

  /**
   * The Dialogue messages accepted for this CAF since the last reset, in order.
   *
   * @param caf the CAF the messages were sent to
   * @return the messages; empty if none
   */
  public List<RecordedDialogue> dialogues(CafCode caf) {
    return state.dialogues(caf);
  }

  /**
   * The Dialogue message accepted with this Idempotency-Key, if any.
   *
   * @param idempotencyKey the key the client sent
   * @return the message, or empty if no message was accepted with that key since the last reset
   */
  public Optional<RecordedDialogue> dialogue(String idempotencyKey) {
    return state.dialogue(idempotencyKey);
  }

  /**
   * The postal attestations accepted for dossiers of this CAF since the last reset, in order.
   *
   * @param caf the CAF of the dossiers
   * @return the dispatches; empty if none
   */
  public List<RecordedEnvoiPostal> envoisPostaux(CafCode caf) {
    return state.envoisPostaux(caf);
  }

  /**
   * The postal attestations accepted for this dossier since the last reset, in order.
   *
   * @param caf the CAF of the dossier
   * @param numero the numéro allocataire of the dossier
   * @return the dispatches; empty if none
   */
  public List<RecordedEnvoiPostal> envoisPostaux(CafCode caf, NumeroAllocataire numero) {
    return state.envoisPostaux(caf, numero);
  }

  /**
   * The postal attestation accepted with this Idempotency-Key, if any.
   *
   * @param idempotencyKey the key the client sent
   * @return the dispatch, or empty if none was accepted with that key since the last reset
   */
  public Optional<RecordedEnvoiPostal> envoiPostal(String idempotencyKey) {
    return state.envoiPostal(idempotencyKey);
  }

  /**
   * How many requests repeated an Idempotency-Key already used and got the first receipt back, with
   * no second effect, since the last reset.
   *
   * @return the number of replays; 0 if every key was used once
   */
  public int idempotentReplays() {
    return state.replays();
  }

  /**
   * The dossier lookups of habilitated agents since the last reset, found or not, in order.
   *
   * @return the lookups; empty if none
   */
  public List<RecordedConsultation> consultations() {
    return state.consultations();
  }

  /**
   * How many tokens were issued since the last reset.
   *
   * @return the number of successful authentications
   */
  public int authentications() {
    return state.authentications();
  }

  @Override
  public String toString() {
    return "CdapSimulator[" + server.status() + "]";
  }

  /** Configures a {@link CdapSimulator}. Not thread-safe; each {@link #build()} is independent. */
  public static final class Builder {
    private int port = 0;
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = Duration.ofMinutes(30);
    private Catalogue catalogue;
    private boolean recordRequests = true;
    private Conformance conformance = Conformance.OFF;
    private int declaredRate = SimulatorHandler.DEFAULT_DEBIT_MAX_PAR_SECONDE;
    private boolean enforceRate;

    private Builder() {}

    /**
     * Declares {@code requestsPerSecond} as each session's {@code debitMaxParSeconde} and enforces
     * it as the contract counts it: per partner account, across all its sessions and tokens, as a
     * bucket holding up to {@code requestsPerSecond} requests, refilled at {@code
     * requestsPerSecond} per second by the simulator's {@link Clock}; a request that finds it empty
     * gets 429 ({@code 00429}) with {@code Retry-After} and is not counted. So several client
     * processes of one partner that each keep to the rate, but together overshoot it, are caught.
     * (All demo agents belong to one partner account.) By default the simulator declares 20 per
     * second and enforces nothing, so that a test's unpaced client is never refused.
     *
     * @param requestsPerSecond the partner account's rate, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code requestsPerSecond} is less than 1
     */
    public Builder enforceRateLimit(int requestsPerSecond) {
      if (requestsPerSecond < 1) {
        throw new IllegalArgumentException("requestsPerSecond must be at least 1");
      }
      this.declaredRate = requestsPerSecond;
      this.enforceRate = true;
      return this;
    }

    /**
     * Whether to keep what each request carried for {@link CdapSimulator#verify()} (default true;
     * at most 100,000 requests between resets). A long-running standalone simulator turns it off.
     *
     * @param recordRequests {@code false} to keep nothing, so that {@code verify()} throws
     * @return this builder
     */
    public Builder recordRequests(boolean recordRequests) {
      this.recordRequests = recordRequests;
      return this;
    }

    /**
     * The port to listen on, on 127.0.0.1; 0 (the default) picks a free one.
     *
     * @param port 0 to 65535
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is outside 0 to 65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535");
      }
      this.port = port;
      return this;
    }

    /**
     * The clock that decides token expiry and dates receipts; default system UTC.
     *
     * @param clock the clock, e.g. a {@link TestClock} to expire tokens on purpose
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a token lives; default 30 minutes, at least one second.
     *
     * @param tokenLifetime the lifetime of each token issued, measured on the simulator's clock
     * @return this builder
     * @throws IllegalArgumentException if {@code tokenLifetime} is under one second
     * @throws NullPointerException if {@code tokenLifetime} is null
     */
    public Builder tokenLifetime(Duration tokenLifetime) {
      Objects.requireNonNull(tokenLifetime, "tokenLifetime");
      if (tokenLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("tokenLifetime must be at least one second");
      }
      this.tokenLifetime = tokenLifetime;
      return this;
    }

    /**
     * The dossiers to serve; default {@link Catalogue#standard()}.
     *
     * @param catalogue the catalogue
     * @return this builder
     * @throws NullPointerException if {@code catalogue} is null
     */
    public Builder catalogue(Catalogue catalogue) {
      this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
      return this;
    }

    /**
     * How much traffic to check against the contract (default {@link Conformance#OFF}; the JUnit
     * extension turns it on). See {@link CdapSimulator#assertConformance()}.
     *
     * @param conformance the level of checking
     * @return this builder
     * @throws NullPointerException if {@code conformance} is null
     */
    public Builder conformance(Conformance conformance) {
      this.conformance = Objects.requireNonNull(conformance, "conformance");
      return this;
    }

    /**
     * A simulator, not started yet.
     *
     * @return a new simulator with this builder's settings; call {@link CdapSimulator#start()}
     */
    public CdapSimulator build() {
      return new CdapSimulator(this);
    }
  }
}
