package net.cdapkit.testkit;

import java.lang.reflect.Parameter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.RetryPolicy;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension that runs a test class against one {@link CdapSimulator}, on a free port:
 * started before the first test, reset before each, stopped after the last, with what a test needs
 * injected as parameters, and each test checked afterwards.
 *
 * <p>Declaratively, with {@link CdapSimulatorTest @CdapSimulatorTest} (or
 * {@code @ExtendWith(CdapSimulatorExtension.class)} for the defaults):
 *
 * <pre>{@code
 * @CdapSimulatorTest
 * class MyPartnerServiceTest {
 *   @Test
 *   void consult_whenDemoDossier_showsPayments(CdapSession session, CdapSimulator sim) { ... }
 * }
 * }</pre>
 *
 * <p>Programmatically, to configure it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CdapSimulatorExtension SIM = CdapSimulatorExtension.builder()
 *     .profile("T5")
 *     .failOnUnmatchedRequests(true)
 *     .tokenLifetime(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * <p><b>Parameters</b> of test methods (and constructors, except the session): {@link
 * CdapSimulator}; {@link CdapClient} on the simulator's base URL with the demo agent of the chosen
 * profile ({@code demo-t1} by default) and quick retries; {@link CdapSession}, authenticated for
 * the test and closed after it; {@link TestClock}, the simulator's clock, set back to its start
 * before each test; {@link Faults}; {@link Compliance}. A {@link CdapSession} or {@link CdapClient}
 * parameter annotated {@link DemoProfile @DemoProfile("T5")} is of that demo profile instead, so
 * one test class can hold sessions of several profiles.
 *
 * <p><b>After each test</b>, it fails the test with a readable report if the traffic broke the
 * contract (see {@link Conformance}, default: requests and answers), if a request hit an undefined
 * route (opt-in), or, with compliance on (default), if a consultation went out without a finalité
 * or the test's standard output and error (where slf4j-simple logs) carry personal data of a
 * dossier it consulted. An exception that fails a test and carries such data gets a suppressed
 * {@link AssertionError} saying so. Then it resets the simulator, so no data outlives the test.
 *
 * <p>The simulator lives in the {@link ExtensionContext.Store} of the test class under {@link
 * #NAMESPACE}; nested test classes share their outer class's simulator. Compliance captures the
 * global standard streams: do not run such test classes in parallel.
 */
public class CdapSimulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver,
        TestExecutionExceptionHandler {

  /** The store namespace holding the simulator. */
  protected static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CdapSimulatorExtension.class);

  private static final String SIMULATOR = "simulator";
  private static final String SETTINGS = "settings";
  private static final String CLIENT = "client";
  private static final String CLOCK_START = "clockStart";
  private static final String SESSION = "session";

  /**
   * The store keys of the sessions a test may hold: its class's profile's, then one per profile.
   */
  private static final List<String> SESSION_KEYS =
      List.of(
          SESSION,
          SESSION + ":T1",
          SESSION + ":T2",
          SESSION + ":T3",
          SESSION + ":T4",
          SESSION + ":T5");

  private static final String CAPTURE = "capture";

  /** Retries for tests: the same count as in production, without the waits. */
  static final RetryPolicy TEST_RETRIES =
      RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(20), Duration.ofSeconds(10));

  private final ExtensionSettings settings;

  /** The defaults, or those of the test class's {@link CdapSimulatorTest} annotation. */
  public CdapSimulatorExtension() {
    this.settings = null;
  }

  /**
   * A simulator configured by the builder the supplier returns, once per test class, with the
   * extension's defaults otherwise.
   *
   * @param configuration called once per test class for a fresh simulator builder
   */
  public CdapSimulatorExtension(Supplier<CdapSimulator.Builder> configuration) {
    this.settings = new Builder().simulator(configuration).settings();
  }

  private CdapSimulatorExtension(ExtensionSettings settings) {
    this.settings = settings;
  }

  /**
   * A builder for {@code @RegisterExtension}.
   *
   * @return a builder with the extension's defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    simulator(context, true);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // Only the class that started the simulator stops it; a nested class leaves it running.
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get(ownerKey(context)) != null) {
      store.remove(ownerKey(context));
      store.remove(CLIENT);
      store.remove(SETTINGS);
      store.remove(CLOCK_START);
      CdapSimulator simulator = store.remove(SIMULATOR, CdapSimulator.class);
      if (simulator != null) {
        simulator.close();
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    CdapSimulator sim = simulator(context, true);
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Instant start = store.get(CLOCK_START, Instant.class);
    if (start != null) {
      ((TestClock) sim.clock()).set(start);
    }
    sim.reset();
    if (settings(context).compliance()) {
      context.getStore(methodNamespace(context)).put(CAPTURE, Compliance.captureStandardStreams());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store method = context.getStore(methodNamespace(context));
    for (String key : SESSION_KEYS) {
      CdapSession session = method.remove(key, CdapSession.class);
      if (session != null) {
        session.close();
      }
    }
    Compliance.Capture capture = method.remove(CAPTURE, Compliance.Capture.class);
    String output = "";
    if (capture != null) {
      capture.close();
      output = capture.text();
    }
    ExtensionChecks.afterTest(simulator(context), settings(context), output);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    if (!(throwable instanceof AssertionError) && settings(context).compliance()) {
      try {
        simulator(context).compliance().assertNoPersonalData(throwable);
      } catch (AssertionError e) {
        throwable.addSuppressed(e);
      }
    }
    throw throwable;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == CdapSimulator.class
        || type == CdapClient.class
        || type == CdapSession.class
        || type == TestClock.class
        || type == Faults.class
        || type == Compliance.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Parameter p = parameter.getParameter();
    Class<?> type = p.getType();
    CdapSimulator sim = simulator(context, true);
    if (type == CdapSimulator.class) {
      return sim;
    }
    Optional<String> profile =
        AnnotationSupport.findAnnotation(p, DemoProfile.class).map(a -> demoProfile(a.value()));
    if (type == CdapClient.class) {
      return profile.map(code -> client(context, code)).orElseGet(() -> client(context));
    }
    if (type == TestClock.class) {
      if (sim.clock() instanceof TestClock clock) {
        return clock;
      }
      throw new ParameterResolutionException(
          "The simulator runs on a clock that is not a TestClock: give builder().clock(...) a"
              + " TestClock to inject it");
    }
    if (type == Faults.class) {
      return sim.faults();
    }
    if (type == Compliance.class) {
      return sim.compliance();
    }
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(
          "A CdapSession is opened per test: declare it on a test method, not a constructor");
    }
    ExtensionContext.Store method = context.getStore(methodNamespace(context));
    String key = profile.map(code -> SESSION + ":" + code).orElse(SESSION);
    CdapSession session = method.get(key, CdapSession.class);
    if (session == null) {
      session =
          profile
              .map(code -> client(context, code))
              .orElseGet(() -> client(context))
              .authenticate();
      method.put(key, session);
    }
    return session;
  }

  private static String demoProfile(String value) {
    String code = value.toUpperCase(Locale.ROOT);
    if (!SESSION_KEYS.contains(SESSION + ":" + code)) {
      throw new ParameterResolutionException(
          "@DemoProfile takes a demo profile from T1 to T5, not " + value);
    }
    return code;
  }

  /** A client of another demo profile, made once per test class. */
  private CdapClient client(ExtensionContext context, String profile) {
    ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
    return store.getOrComputeIfAbsent(
        CLIENT + ":" + profile,
        k ->
            CdapClient.builder()
                .baseUrl(simulator(context, true).baseUrl())
                .credentials(
                    CredentialsProvider.of(
                        "demo-" + profile.toLowerCase(Locale.ROOT), CdapSimulator.DEMO_PASSWORD))
                .retryPolicy(settings(context).retryPolicy())
                .build(),
        CdapClient.class);
  }

  /**
   * The running simulator of the current test class.
   *
   * @param context the JUnit context of a test or of its class
   * @return the simulator started for this test class
   * @throws IllegalStateException if this extension is not registered on the test class
   */
  public static CdapSimulator simulator(ExtensionContext context) {
    CdapSimulator simulator = context.getStore(NAMESPACE).get(SIMULATOR, CdapSimulator.class);
    if (simulator == null) {
      throw new IllegalStateException(
          "No CdapSimulator: register CdapSimulatorExtension on the test class");
    }
    return simulator;
  }

  /**
   * The simulator, started on first use in the test class's store: {@code beforeAll} normally, or
   * constructor injection with a per-class test instance, which comes first.
   */
  private CdapSimulator simulator(ExtensionContext context, boolean create) {
    CdapSimulator existing = context.getStore(NAMESPACE).get(SIMULATOR, CdapSimulator.class);
    if (existing != null || !create) {
      return existing;
    }
    ExtensionContext classContext = classContext(context);
    ExtensionContext.Store store = classContext.getStore(NAMESPACE);
    synchronized (this) {
      CdapSimulator simulator = store.get(SIMULATOR, CdapSimulator.class);
      if (simulator == null) {
        ExtensionSettings s =
            settings != null
                ? settings
                : ExtensionSettings.of(classContext.getTestClass().orElse(null));
        Clock clock = s.clock() != null ? s.clock() : TestClock.startingNow();
        CdapSimulator.Builder b =
            s.simulator() != null ? s.simulator().get() : CdapSimulator.builder().clock(clock);
        if (s.simulator() == null && s.tokenLifetime() != null) {
          b.tokenLifetime(s.tokenLifetime());
        }
        if (s.simulator() == null && s.catalogue() != null) {
          b.catalogue(s.catalogue());
        }
        simulator = b.conformance(s.conformance()).build().start();
        if (s.faultSeed() != null) {
          simulator.faults().seed(s.faultSeed());
        }
        if (s.clock() == null && s.simulator() == null) {
          store.put(CLOCK_START, clock.instant());
        }
        store.put(SETTINGS, s);
        store.put(SIMULATOR, simulator);
        store.put(ownerKey(classContext), Boolean.TRUE);
      }
      return simulator;
    }
  }

  private ExtensionSettings settings(ExtensionContext context) {
    ExtensionSettings s = context.getStore(NAMESPACE).get(SETTINGS, ExtensionSettings.class);
    return s != null ? s : settings != null ? settings : ExtensionSettings.of(null);
  }

  private CdapClient client(ExtensionContext context) {
    ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
    CdapClient client = context.getStore(NAMESPACE).get(CLIENT, CdapClient.class);
    if (client == null) {
      synchronized (this) {
        client = store.get(CLIENT, CdapClient.class);
        if (client == null) {
          ExtensionSettings s = settings(context);
          client =
              CdapClient.builder()
                  .baseUrl(simulator(context, true).baseUrl())
                  .credentials(
                      CredentialsProvider.of(
                          "demo-" + s.profile().toLowerCase(Locale.ROOT),
                          CdapSimulator.DEMO_PASSWORD))
                  .retryPolicy(s.retryPolicy())
                  .build();
          store.put(CLIENT, client);
        }
      }
    }
    return client;
  }

  private static ExtensionContext.Namespace methodNamespace(ExtensionContext context) {
    return NAMESPACE.append(context.getUniqueId());
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static String ownerKey(ExtensionContext classContext) {
    return "owner:" + classContext.getUniqueId();
  }

  /**
   * Configures a {@link CdapSimulatorExtension}. Defaults: profile T1, conformance of requests and
   * answers, compliance checks on, unmatched requests allowed, a {@link TestClock} standing at the
   * start of the test class, 30-minute tokens, the standard catalogue, quick retries.
   */
  public static final class Builder {
    private String profile = "T1";
    private boolean failOnUnmatchedRequests;
    private Conformance conformance = Conformance.REQUESTS_AND_RESPONSES;
    private boolean compliance = true;
    private Duration tokenLifetime;
    private Clock clock;
    private Catalogue catalogue;
    private RetryPolicy retryPolicy = TEST_RETRIES;
    private Long faultSeed;
    private Supplier<CdapSimulator.Builder> simulator;

    private Builder() {}

    /**
     * The profile of the injected client's demo agent: T1 to T5 (demo-t1 … demo-t5).
     *
     * @param profile {@code T1} to {@code T5}, case and surrounding spaces ignored; default T1
     * @return this builder
     */
    public Builder profile(String profile) {
      String p = Objects.requireNonNull(profile, "profile").strip().toUpperCase(Locale.ROOT);
      if (!p.matches("T[1-5]")) {
        throw new IllegalArgumentException("profile must be one of T1, T2, T3, T4, T5");
      }
      this.profile = p;
      return this;
    }

    /**
     * Whether a request for a route the contract does not define fails the test.
     *
     * @param fail true to fail the test on an undefined route; default false
     * @return this builder
     */
    public Builder failOnUnmatchedRequests(boolean fail) {
      this.failOnUnmatchedRequests = fail;
      return this;
    }

    /**
     * How much traffic is checked against the contract; a violation fails the test.
     *
     * @param conformance the traffic checked; default requests and responses
     * @return this builder
     */
    public Builder conformance(Conformance conformance) {
      this.conformance = Objects.requireNonNull(conformance, "conformance");
      return this;
    }

    /**
     * Whether personal data in logs or failing exceptions, or a missing finalité, fails a test.
     *
     * @param compliance true to check; default true
     * @return this builder
     */
    public Builder compliance(boolean compliance) {
      this.compliance = compliance;
      return this;
    }

    /**
     * How long the simulator's tokens live.
     *
     * @param tokenLifetime the lifetime of each token issued; default 30 minutes
     * @return this builder
     */
    public Builder tokenLifetime(Duration tokenLifetime) {
      this.tokenLifetime = Objects.requireNonNull(tokenLifetime, "tokenLifetime");
      return this;
    }

    /**
     * The simulator's clock. Give a {@link TestClock} to have it injected; by default the extension
     * makes one, and sets it back to its start before each test.
     *
     * @param clock the clock the simulator reads time from
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The dossiers served; default {@link Catalogue#standard()}.
     *
     * @param catalogue the dossiers the simulator answers with
     * @return this builder
     */
    public Builder catalogue(Catalogue catalogue) {
      this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
      return this;
    }

    /**
     * The injected client's retry policy; default 3 attempts with millisecond backoff.
     *
     * @param retryPolicy the policy of the client injected into tests
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * The seed of the simulator's fault rules, to replay a run.
     *
     * @param seed the seed; the same seed draws the same faults
     * @return this builder
     */
    public Builder faultSeed(long seed) {
      this.faultSeed = seed;
      return this;
    }

    /**
     * A simulator builder of your own, called once per test class; its clock, token lifetime and
     * catalogue replace this builder's, and the conformance level is this builder's.
     *
     * @param simulator called once per test class for a fresh simulator builder
     * @return this builder
     */
    public Builder simulator(Supplier<CdapSimulator.Builder> simulator) {
      this.simulator = Objects.requireNonNull(simulator, "simulator");
      return this;
    }

    ExtensionSettings settings() {
      return new ExtensionSettings(
          profile,
          failOnUnmatchedRequests,
          conformance,
          compliance,
          tokenLifetime,
          clock,
          catalogue,
          retryPolicy,
          faultSeed,
          simulator);
    }

    /**
     * The extension, configured as this builder says.
     *
     * @return a new extension, to register with {@code @RegisterExtension}
     */
    public CdapSimulatorExtension build() {
      return new CdapSimulatorExtension(settings());
    }
  }
}
