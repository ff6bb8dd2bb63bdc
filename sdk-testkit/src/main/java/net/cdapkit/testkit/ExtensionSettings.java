package net.cdapkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import net.cdapkit.RetryPolicy;
import org.junit.platform.commons.support.AnnotationSupport;

/** What one extension instance was configured with. */
record ExtensionSettings(
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

  /** From the class's (or an enclosing class's) annotation, else the defaults. */
  static ExtensionSettings of(Class<?> testClass) {
    Optional<CdapSimulatorTest> a = Optional.empty();
    for (Class<?> c = testClass; c != null && a.isEmpty(); c = c.getEnclosingClass()) {
      a = AnnotationSupport.findAnnotation(c, CdapSimulatorTest.class);
    }
    CdapSimulatorExtension.Builder b = CdapSimulatorExtension.builder();
    a.ifPresent(
        t ->
            b.profile(t.profile())
                .failOnUnmatchedRequests(t.failOnUnmatchedRequests())
                .conformance(t.conformance())
                .compliance(t.compliance()));
    return b.settings();
  }
}
