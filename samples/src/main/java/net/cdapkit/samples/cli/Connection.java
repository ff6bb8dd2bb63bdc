package net.cdapkit.samples.cli;

import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.RateLimit;
import net.cdapkit.audit.AuditSink;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.testkit.CdapSimulator;

/**
 * A client and session for a command: against {@code --server} with credentials from the
 * environment, or against an embedded simulator with the demo agent of the chosen profile.
 */
final class Connection implements AutoCloseable {
  /** The simulator's demo password. Valid on the simulator only. */
  static final String DEMO_PASSWORD = "demo-password";

  final CdapSimulator simulator;
  final CdapClient client;
  final CdapSession session;
  final String login;

  private Connection(
      CdapSimulator simulator, CdapClient client, CdapSession session, String login) {
    this.simulator = simulator;
    this.client = client;
    this.session = session;
    this.login = login;
  }

  static Connection open(String server, String profile, AuditSink audit) {
    return open(server, profile, audit, RateLimit.serverDeclared());
  }

  static Connection open(String server, String profile, AuditSink audit, RateLimit rateLimit) {
    if (server == null) {
      String login = demoLogin(profile);
      CdapSimulator simulator = CdapSimulator.builder().build().start();
      try {
        CdapClient client =
            CdapClient.builder()
                .baseUrl(simulator.baseUrl())
                .credentials(CredentialsProvider.of(login, DEMO_PASSWORD))
                .auditSink(audit)
                .rateLimit(rateLimit)
                .build();
        return new Connection(simulator, client, client.authenticate(), login);
      } catch (RuntimeException e) {
        simulator.stop();
        throw e;
      }
    }
    CdapClient client =
        CdapClient.builder()
            .baseUrl(server)
            .credentials(CredentialsProvider.fromEnvironment())
            .auditSink(audit)
            .rateLimit(rateLimit)
            .build();
    CdapSession session = client.authenticate();
    return new Connection(null, client, session, session.agent().id());
  }

  static String demoLogin(String profile) {
    String p = profile == null ? "T1" : profile.strip().toUpperCase(java.util.Locale.ROOT);
    if (!p.matches("T[1-5]")) {
      throw new InvalidInputException("--profile must be one of T1, T2, T3, T4, T5");
    }
    return "demo-" + p.toLowerCase(java.util.Locale.ROOT);
  }

  String where() {
    return simulator == null
        ? client.baseUrl().toString()
        : "embedded simulator at " + simulator.baseUrl() + " (synthetic data only)";
  }

  @Override
  public void close() {
    try {
      session.close();
    } finally {
      if (simulator != null) {
        simulator.stop();
      }
    }
  }
}
