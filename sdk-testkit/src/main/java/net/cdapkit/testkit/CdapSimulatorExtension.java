package net.cdapkit.testkit;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one {@link CdapSimulator} per test class, started before the first test,
 * stopped after the last, {@linkplain CdapSimulator#reset() reset} before each test, and injected
 * into test constructors and methods that declare a {@code CdapSimulator} parameter.
 *
 * <pre>{@code
 * @ExtendWith(CdapSimulatorExtension.class)
 * class MyPartnerServiceTest {
 *   @Test
 *   void consult_whenDemoDossier_showsPayments(CdapSimulator sim) {
 *     MyPartnerService service = new MyPartnerService(sim.baseUrl());
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>To configure the simulator, register it on a static field instead:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CdapSimulatorExtension SIM =
 *     new CdapSimulatorExtension(() -> CdapSimulator.builder().tokenLifetime(Duration.ofMinutes(1)));
 * }</pre>
 *
 * <p>The simulator lives in the {@link ExtensionContext.Store} of the test class under {@link
 * #NAMESPACE}, so that extensions built on this one find it with {@link
 * #simulator(ExtensionContext)}; nested test classes share their outer class's simulator.
 */
public class CdapSimulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

  /** The store namespace holding the simulator. */
  protected static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CdapSimulatorExtension.class);

  private static final String SIMULATOR = "simulator";

  private final Supplier<CdapSimulator.Builder> configuration;

  /** A simulator with the defaults. */
  public CdapSimulatorExtension() {
    this(CdapSimulator::builder);
  }

  /** A simulator configured by the builder the supplier returns, once per test class. */
  public CdapSimulatorExtension(Supplier<CdapSimulator.Builder> configuration) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
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
      CdapSimulator simulator = store.remove(SIMULATOR, CdapSimulator.class);
      if (simulator != null) {
        simulator.close();
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    simulator(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CdapSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return simulator(context, true);
  }

  /**
   * The running simulator of the current test class.
   *
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
        simulator = configuration.get().build().start();
        store.put(SIMULATOR, simulator);
        store.put(ownerKey(classContext), Boolean.TRUE);
      }
      return simulator;
    }
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
}
