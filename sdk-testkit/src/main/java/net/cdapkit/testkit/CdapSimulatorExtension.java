package net.cdapkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.RetryPolicy;
import net.cdapkit.testkit.internal.extension.ClassResources;
import net.cdapkit.testkit.internal.extension.ExtensionChecks;
import net.cdapkit.testkit.internal.extension.ExtensionSettings;
import net.cdapkit.testkit.internal.extension.TestParameters;
import net.cdapkit.testkit.internal.extension.TestResources;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

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
  protected static final ExtensionContext.Namespace NAMESPACE = ClassResources.NAMESPACE;

  private final ClassResources resources;

  /** The defaults, or those of the test class's {@link CdapSimulatorTest} annotation. */
  public CdapSimulatorExtension() {
    this.resources = new ClassResources(null);
  }

  /**
   * A simulator configured by the builder the supplier returns, once per test class, with the
   * extension's defaults otherwise.
   *
   * @param configuration called once per test class for a fresh simulator builder
   */
  public CdapSimulatorExtension(Supplier<CdapSimulator.Builder> configuration) {
    this(new Builder().simulator(configuration).settings());
  }

  private CdapSimulatorExtension(ExtensionSettings settings) {
    this.resources = new ClassResources(settings);
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
    resources.simulator(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    resources.afterAll(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    resources.beforeEach(context);
    if (resources.settings(context).compliance()) {
      TestResources.captureStandardStreams(context);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    String output = TestResources.close(context);
    ExtensionChecks.afterTest(simulator(context), resources.settings(context), output);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    if (!(throwable instanceof AssertionError) && resources.settings(context).compliance()) {
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
    return TestParameters.supports(parameter);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return TestParameters.resolve(parameter, context, resources);
  }

  /**
   * The running simulator of the current test class.
   *
   * @param context the JUnit context of a test or of its class
   * @return the simulator started for this test class
   * @throws IllegalStateException if this extension is not registered on the test class
   */
  public static CdapSimulator simulator(ExtensionContext context) {
    return ClassResources.running(context);
  }

  /**
   * Configures a {@link CdapSimulatorExtension}. Defaults: profile T1, conformance of requests and
   * answers, compliance checks on, unmatched requests allowed, a {@link TestClock} standing at the
   * start of the test class, 30-minute tokens, the standard catalogue, quick retries.
   */
  public static final class Builder {
    private String profile = ExtensionSettings.DEFAULTS.profile();
    private boolean failOnUnmatchedRequests = ExtensionSettings.DEFAULTS.failOnUnmatchedRequests();
    private Conformance conformance = ExtensionSettings.DEFAULTS.conformance();
    private boolean compliance = ExtensionSettings.DEFAULTS.compliance();
    private Duration tokenLifetime;
    private Clock clock;
    private Catalogue catalogue;
    private RetryPolicy retryPolicy = ExtensionSettings.DEFAULTS.retryPolicy();
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
      this.profile = ExtensionSettings.profile(profile);
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
