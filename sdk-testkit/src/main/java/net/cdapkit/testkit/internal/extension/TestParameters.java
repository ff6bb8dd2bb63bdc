package net.cdapkit.testkit.internal.extension;

import java.lang.reflect.Parameter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.Compliance;
import net.cdapkit.testkit.DemoProfile;
import net.cdapkit.testkit.Faults;
import net.cdapkit.testkit.TestClock;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;

/** The parameters the extension injects, and where each comes from. */
public final class TestParameters {
  private static final Set<Class<?>> TYPES =
      Set.of(
          CdapSimulator.class,
          CdapClient.class,
          CdapSession.class,
          TestClock.class,
          Faults.class,
          Compliance.class);

  private TestParameters() {}

  /** Whether the extension injects a parameter of this type. */
  public static boolean supports(ParameterContext parameter) {
    return TYPES.contains(parameter.getParameter().getType());
  }

  /**
   * The value of a supported parameter, starting the class's simulator if need be.
   *
   * @throws ParameterResolutionException for a {@link TestClock} when the simulator's clock is not
   *     one, a session asked by a constructor, or a {@link DemoProfile} naming no demo profile
   */
  public static Object resolve(
      ParameterContext parameter, ExtensionContext context, ClassResources resources) {
    Parameter p = parameter.getParameter();
    Class<?> type = p.getType();
    CdapSimulator sim = resources.simulator(context);
    if (type == CdapSimulator.class) {
      return sim;
    }
    Optional<String> profile =
        AnnotationSupport.findAnnotation(p, DemoProfile.class).map(a -> demoProfile(a.value()));
    if (type == CdapClient.class) {
      return resources.client(context, profile);
    } else if (type == TestClock.class) {
      return testClock(sim);
    } else if (type == Faults.class) {
      return sim.faults();
    } else if (type == Compliance.class) {
      return sim.compliance();
    }
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(
          "A CdapSession is opened per test: declare it on a test method, not a constructor");
    }
    return TestResources.session(
        context, profile, () -> resources.client(context, profile).authenticate());
  }

  private static TestClock testClock(CdapSimulator sim) {
    if (sim.clock() instanceof TestClock clock) {
      return clock;
    }
    throw new ParameterResolutionException(
        "The simulator runs on a clock that is not a TestClock: give builder().clock(...) a"
            + " TestClock to inject it");
  }

  private static String demoProfile(String value) {
    String code = value.toUpperCase(Locale.ROOT);
    if (!TestResources.isDemoProfile(code)) {
      throw new ParameterResolutionException(
          "@DemoProfile takes a demo profile from T1 to T5, not " + value);
    }
    return code;
  }
}
