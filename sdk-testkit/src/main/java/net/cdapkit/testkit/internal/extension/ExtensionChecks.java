package net.cdapkit.testkit.internal.extension;

import java.util.ArrayList;
import java.util.List;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.Conformance;

/** The checks the extension runs after each test, whose failures it reports together. */
public final class ExtensionChecks {
  private ExtensionChecks() {}

  /**
   * Checks the test's traffic and output as the settings ask, then resets the simulator.
   *
   * @throws AssertionError listing every check that failed
   */
  public static void afterTest(CdapSimulator sim, ExtensionSettings s, String output) {
    List<String> failures = new ArrayList<>();
    try {
      if (s.conformance() != Conformance.OFF) {
        check(failures, sim::assertConformance);
      }
      if (s.failOnUnmatchedRequests()) {
        check(failures, () -> sim.verify().assertNoUnmatchedRequests());
      }
      if (s.compliance()) {
        check(failures, () -> sim.verify().assertEveryConsultationHasFinalite());
        check(
            failures,
            () ->
                sim.compliance()
                    .assertNoPersonalDataIn("the test's standard output and error", output));
      }
    } finally {
      sim.reset();
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          "The test passed its own assertions but broke the simulator's checks:\n"
              + String.join("\n", failures));
    }
  }

  private static void check(List<String> failures, Runnable check) {
    try {
      check.run();
    } catch (AssertionError e) {
      failures.add(e.getMessage());
    }
  }
}
