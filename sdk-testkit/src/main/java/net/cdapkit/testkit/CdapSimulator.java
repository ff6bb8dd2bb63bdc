package net.cdapkit.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
 * <p>Thread-safe. Built on WireMock: one catch-all stub whose answer is computed by plain Java;
 * WireMock's request journal is off, its admin API refused, its console output silenced.
 */
public final class CdapSimulator implements AutoCloseable {
  /** The password of every demo agent. */
  public static final String DEMO_PASSWORD = DemoAgents.PASSWORD;

  private final int requestedPort;
  private final Catalogue catalogue;
  private final SimulatorState state = new SimulatorState();
  private final SimulatorHandler handler;
  private final Faults faults = new Faults();
  private final SimulatorPipeline pipeline;
  private final Object lifecycle = new Object();
  private WireMockServer server; // guarded by lifecycle

  private CdapSimulator(Builder b) {
    this.requestedPort = b.port;
    this.catalogue = b.catalogue != null ? b.catalogue : Catalogue.standard();
    this.handler = new SimulatorHandler(state, catalogue, b.clock, b.tokenLifetime);
    this.pipeline = new SimulatorPipeline(handler, faults);
  }

  /** A builder with the defaults: dynamic port, system UTC clock, 30-minute tokens. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the server; does nothing if it is running.
   *
   * @return this simulator
   */
  public CdapSimulator start() {
    synchronized (lifecycle) {
      if (server == null) {
        WireMockServer s = new WireMockServer(options());
        s.start();
        s.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        server = s;
      }
      return this;
    }
  }

  private WireMockConfiguration options() {
    return WireMockConfiguration.options()
        .port(requestedPort)
        .bindAddress("127.0.0.1")
        .extensions(new WireMockBridge(pipeline))
        .extensionScanningEnabled(false)
        .templatingEnabled(false)
        .notifier(new QuietNotifier())
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .gzipDisabled(true)
        .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
        .containerThreads(64)
        .jettyStopTimeout(500L)
        .adminAuthenticator(request -> false);
  }

  /**
   * Stops the server; does nothing if it is not running. The state is kept until {@link #reset}.
   */
  public void stop() {
    synchronized (lifecycle) {
      if (server != null) {
        server.stop();
        server = null;
      }
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * The port the server listens on.
   *
   * @throws IllegalStateException if the simulator is not started
   */
  public int port() {
    synchronized (lifecycle) {
      if (server == null) {
        throw new IllegalStateException("The simulator is not started: call start() first");
      }
      return server.port();
    }
  }

  /** The contract's base URL, {@code http://127.0.0.1:<port>/api/v1/}, ending in a slash. */
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
  }

  /**
   * The fault rules of this simulator: delays, broken connections, error statuses, malformed or
   * extended answers, per operation or everywhere. Cleared by {@link #reset()}.
   */
  public Faults faults() {
    return faults;
  }

  /** The catalogue of dossiers served. */
  public Catalogue catalogue() {
    return catalogue;
  }

  /** The Dialogue messages accepted since the last reset, in order; one per Idempotency-Key. */
  public List<RecordedDialogue> dialogues() {
    return state.dialogues();
  }

  /** The postal attestations accepted since the last reset, in order; one per Idempotency-Key. */
  public List<RecordedEnvoiPostal> envoisPostaux() {
    return state.envoisPostaux();
  }

  /** How many tokens were issued since the last reset. */
  public int authentications() {
    return state.authentications();
  }

  @Override
  public String toString() {
    synchronized (lifecycle) {
      return "CdapSimulator[" + (server == null ? "stopped" : "port=" + server.port()) + "]";
    }
  }

  /** Configures a {@link CdapSimulator}. Not thread-safe; each {@link #build()} is independent. */
  public static final class Builder {
    private int port = 0;
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = Duration.ofMinutes(30);
    private Catalogue catalogue;

    private Builder() {}

    /** The port to listen on, on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535");
      }
      this.port = port;
      return this;
    }

    /** The clock that decides token expiry and dates receipts; default system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long a token lives; default 30 minutes, at least one second. */
    public Builder tokenLifetime(Duration tokenLifetime) {
      Objects.requireNonNull(tokenLifetime, "tokenLifetime");
      if (tokenLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("tokenLifetime must be at least one second");
      }
      this.tokenLifetime = tokenLifetime;
      return this;
    }

    /** The dossiers to serve; default {@link Catalogue#standard()}. */
    public Builder catalogue(Catalogue catalogue) {
      this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
      return this;
    }

    /** A simulator, not started yet. */
    public CdapSimulator build() {
      return new CdapSimulator(this);
    }
  }
}
