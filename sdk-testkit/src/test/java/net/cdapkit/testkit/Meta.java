package net.cdapkit.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a fixture test class in-process and collects each test's outcome, to check what the
 * extension does to a test (fail it, or not). Fixture classes are static nested classes, which
 * Surefire does not pick up, and run only under {@link #PROPERTY}.
 */
final class Meta {
  static final String PROPERTY = "cdapkit.meta";

  private Meta() {}

  /** Test display name → the failure, or empty when it passed. */
  static synchronized Map<String, Optional<Throwable>> run(Class<?> testClass) {
    Map<String, Optional<Throwable>> results = new LinkedHashMap<>();
    Launcher launcher = LauncherFactory.create();
    System.setProperty(PROPERTY, "true");
    // Fixtures log fictional personal data on purpose: keep it out of the build's output.
    java.io.PrintStream out = System.out;
    java.io.PrintStream err = System.err;
    java.io.PrintStream discard = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    System.setOut(discard);
    System.setErr(discard);
    try {
      launcher.execute(
          LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
          new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
              if (id.isTest()) {
                results.put(
                    id.getDisplayName(),
                    result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                        ? Optional.empty()
                        : Optional.of(
                            result.getThrowable().orElse(new AssertionError("no throwable"))));
              }
            }
          });
    } finally {
      System.setOut(out);
      System.setErr(err);
      System.clearProperty(PROPERTY);
    }
    return results;
  }
}
