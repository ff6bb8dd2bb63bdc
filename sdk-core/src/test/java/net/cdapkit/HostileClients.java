package net.cdapkit;

import java.time.Duration;
import net.cdapkit.hostile.HostileServer;

/** The client the tests point at a {@link HostileServer}. */
final class HostileClients {
  private HostileClients() {}

  /**
   * A builder for the server's test account, not paced, retrying three times with short backoffs
   * within {@code budget}; the test adds what it is about.
   */
  static CdapClient.Builder builder(HostileServer server, Duration budget) {
    return CdapClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(CredentialsProvider.of("agent-test", "pw-test-123"))
        .rateLimit(RateLimit.none())
        .retryPolicy(RetryPolicy.of(3, Duration.ofMillis(5), Duration.ofMillis(20), budget));
  }
}
