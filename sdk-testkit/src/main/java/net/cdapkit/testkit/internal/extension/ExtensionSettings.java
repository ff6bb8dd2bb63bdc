package net.cdapkit.testkit.internal.extension;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import net.cdapkit.RetryPolicy;
import net.cdapkit.testkit.Catalogue;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.CdapSimulatorTest;
import net.cdapkit.testkit.Conformance;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What one extension instance was configured with; null components mean "the simulator's own
 * default".
 */
public record ExtensionSettings(
    String profile,
    boolean failOnUnmatchedRequests,
    Conformance conformance,
    boolean compliance,
    Duration tokenLifetime,
    Clock clock,
    Catalogue catalogue,
    RetryPolicy retryPolicy,
    Long faultSeed,
    Supplier<CdapSimulator.Builder> simulator) {

  /** Retries for tests: the same count as in production, without the waits. */
  public static final RetryPolicy TEST_RETRIES =
      RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(20), Duration.ofSeconds(10));

  /**
   * Profile T1, conformance of requests and answers, compliance on, unmatched requests allowed,
   * quick retries; the simulator's own clock, token lifetime and catalogue.
   */
  public static final ExtensionSettings DEFAULTS =
      new ExtensionSettings(
          "T1",
          false,
          Conformance.REQUESTS_AND_RESPONSES,
          true,
          null,
          null,
          null,
          TEST_RETRIES,
          null,
          null);

  /** From the class's (or an enclosing class's) {@link CdapSimulatorTest}, else the defaults. */
  public static ExtensionSettings of(Class<?> testClass) {
    Optional<CdapSimulatorTest> a = Optional.empty();
    for (Class<?> c = testClass; c != null && a.isEmpty(); c = c.getEnclosingClass()) {
      a = AnnotationSupport.findAnnotation(c, CdapSimulatorTest.class);
    }
    return a.map(
            t ->
                new ExtensionSettings(
                    profile(t.profile()),
                    t.failOnUnmatchedRequests(),
                    t.conformance(),
                    t.compliance(),
                    null,
                    null,
                    null,
                    TEST_RETRIES,
                    null,
                    null))
        .orElse(DEFAULTS);
  }

  /**
   * A demo profile's code, {@code T1} to {@code T5}, case and surrounding spaces ignored.
   *
   * @throws IllegalArgumentException if it is not one of them
   */
  public static String profile(String profile) {
    String p = Objects.requireNonNull(profile, "profile").strip().toUpperCase(Locale.ROOT);
    if (!p.matches("T[1-5]")) {
      throw new IllegalArgumentException("profile must be one of T1, T2, T3, T4, T5");
    }
    return p;
  }
}
