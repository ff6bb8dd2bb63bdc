package net.cdapkit.testkit;

/**
 * How much of the traffic the simulator checks against the contract ({@code openapi.yaml} of
 * sdk-core). Violations are recorded and reported by {@link CdapSimulator#assertConformance()}, and
 * fail the test under the {@link CdapSimulatorExtension}.
 */
public enum Conformance {
  /** No checking (the default of a bare simulator, e.g. a long-running standalone one). */
  OFF,
  /** Only the simulator's own answers: for tests that send malformed requests on purpose. */
  RESPONSES,
  /** The client's requests and the simulator's answers (the default of the extension). */
  REQUESTS_AND_RESPONSES
}
