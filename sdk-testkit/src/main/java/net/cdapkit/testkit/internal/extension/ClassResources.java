package net.cdapkit.testkit.internal.extension;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import net.cdapkit.CdapClient;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.CdapSimulatorExtension;
import net.cdapkit.testkit.TestClock;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the extension keeps per test class, in the class's {@link ExtensionContext.Store}: the
 * simulator, the settings it was made with, the clock's starting instant, and the clients. A nested
 * class finds its outer class's through the store's parent lookup; only the class that started the
 * simulator stops it.
 */
public final class ClassResources {
  /** The store namespace of everything the extension keeps. */
  public static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CdapSimulatorExtension.class);

  private static final String SIMULATOR = "simulator";
  private static final String SETTINGS = "settings";
  private static final String CLIENT = "client";
  private static final String CLOCK_START = "clockStart";

  /** The registered extension's own settings, or null to read the test class's annotation. */
  private final ExtensionSettings configured;

  /**
   * The resources of one registered extension.
   *
   * @param configured the settings given by a builder, or null for the annotation's or defaults
   */
  public ClassResources(ExtensionSettings configured) {
    this.configured = configured;
  }

  /**
   * The running simulator of the current test class, if one was started.
   *
   * @throws IllegalStateException if none was: the extension is not registered on the class
   */
  public static CdapSimulator running(ExtensionContext context) {
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
  public CdapSimulator simulator(ExtensionContext context) {
    CdapSimulator existing = context.getStore(NAMESPACE).get(SIMULATOR, CdapSimulator.class);
    if (existing != null) {
      return existing;
    }
    ExtensionContext classContext = classContext(context);
    ExtensionContext.Store store = classContext.getStore(NAMESPACE);
    synchronized (this) {
      CdapSimulator simulator = store.get(SIMULATOR, CdapSimulator.class);
      if (simulator == null) {
        ExtensionSettings s =
            configured != null
                ? configured
                : ExtensionSettings.of(classContext.getTestClass().orElse(null));
        Clock clock = s.clock() != null ? s.clock() : TestClock.startingNow();
        simulator = start(s, clock);
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

  /** A simulator builder of the caller's own wins over the settings' clock, lifetime, catalogue. */
  private static CdapSimulator start(ExtensionSettings s, Clock clock) {
    CdapSimulator.Builder b;
    if (s.simulator() != null) {
      b = s.simulator().get();
    } else {
      b = CdapSimulator.builder().clock(clock);
      Optional.ofNullable(s.tokenLifetime()).ifPresent(b::tokenLifetime);
      Optional.ofNullable(s.catalogue()).ifPresent(b::catalogue);
    }
    CdapSimulator simulator = b.conformance(s.conformance()).build().start();
    if (s.faultSeed() != null) {
      simulator.faults().seed(s.faultSeed());
    }
    return simulator;
  }

  /** The settings the class's simulator was made with. */
  public ExtensionSettings settings(ExtensionContext context) {
    ExtensionSettings s = context.getStore(NAMESPACE).get(SETTINGS, ExtensionSettings.class);
    return s != null ? s : configured != null ? configured : ExtensionSettings.DEFAULTS;
  }

  /** Sets the extension's own clock back to the class's start and resets the simulator. */
  public void beforeEach(ExtensionContext context) {
    CdapSimulator sim = simulator(context);
    Instant start = context.getStore(NAMESPACE).get(CLOCK_START, Instant.class);
    if (start != null) {
      ((TestClock) sim.clock()).set(start);
    }
    sim.reset();
  }

  /** Stops the simulator if this class started it; a nested class leaves it running. */
  public void afterAll(ExtensionContext context) {
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

  /**
   * The client of a demo profile on the class's simulator, made once per test class.
   *
   * @param profile a demo profile's code, or empty for the settings' profile
   */
  public CdapClient client(ExtensionContext context, Optional<String> profile) {
    String code = profile.orElseGet(() -> settings(context).profile());
    return classContext(context)
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            profile.map(p -> CLIENT + ":" + p).orElse(CLIENT),
            k ->
                CdapClient.builder()
                    .baseUrl(simulator(context).baseUrl())
                    .credentials(
                        CredentialsProvider.of(
                            "demo-" + code.toLowerCase(Locale.ROOT), CdapSimulator.DEMO_PASSWORD))
                    .retryPolicy(settings(context).retryPolicy())
                    .build(),
            CdapClient.class);
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
