package net.cdapkit.testkit.internal.contract;

import java.util.ArrayList;
import java.util.List;
import net.cdapkit.testkit.Conformance;
import net.cdapkit.testkit.ContractViolation;
import net.cdapkit.testkit.Operation;
import net.cdapkit.testkit.internal.server.SimRequest;
import net.cdapkit.testkit.internal.server.SimResponse;

/** Checks the traffic against the contract at the chosen level and keeps the violations. */
public final class ConformanceChecker {
  public static final int CAPACITY = 1_000;

  private final Conformance level;
  private final OpenApiContract contract;
  private final List<ContractViolation> violations = new ArrayList<>(); // guarded by this

  public ConformanceChecker(Conformance level) {
    this.level = level;
    this.contract = level == Conformance.OFF ? null : OpenApiContract.load();
  }

  public Conformance level() {
    return level;
  }

  public void request(Operation op, SimRequest req) {
    if (level == Conformance.REQUESTS_AND_RESPONSES) {
      add(contract.checkRequest(op, req));
    }
  }

  public void response(Operation op, SimResponse res) {
    if (level != Conformance.OFF && res.networkFault() == null) {
      add(contract.checkResponse(op, res));
    }
  }

  private synchronized void add(List<ContractViolation> found) {
    for (ContractViolation v : found) {
      if (violations.size() < CAPACITY) {
        violations.add(v);
      }
    }
  }

  public synchronized List<ContractViolation> violations() {
    return List.copyOf(violations);
  }

  public synchronized void reset() {
    violations.clear();
  }

  /**
   * Fails with a readable report if any violation was seen since the reset.
   *
   * @throws AssertionError listing the violations (operation, status, location, rule), never the
   *     offending values
   */
  public void assertNone() {
    String report = report(violations());
    if (report != null) {
      throw new AssertionError(report);
    }
  }

  /** A readable report of the violations, or null when there are none. */
  private static String report(List<ContractViolation> violations) {
    if (violations.isEmpty()) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    violations.stream().limit(50).forEach(v -> lines.add("  " + v));
    if (violations.size() > 50) {
      lines.add("  … and " + (violations.size() - 50) + " more");
    }
    return violations.size()
        + " contract violation(s) against "
        + OpenApiContract.RESOURCE
        + " (operation, status, location, rule):\n"
        + String.join("\n", lines);
  }
}
