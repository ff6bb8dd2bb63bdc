package net.cdapkit.testkit.internal.server;

import com.github.tomakehurst.wiremock.common.Notifier;
import net.cdapkit.testkit.CdapSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps WireMock off the console. Its informational chatter is dropped. Its error messages may
 * quote a request (headers, body: credentials, personal data), so only the fact of an error and the
 * exception's class reach the simulator's SLF4J logger, at DEBUG.
 */
final class QuietNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(CdapSimulator.class);

  @Override
  public void info(String message) {}

  @Override
  public void error(String message) {
    LOG.debug("WireMock reported an error (message withheld: it may quote a request)");
  }

  @Override
  public void error(String message, Throwable t) {
    LOG.debug(
        "WireMock reported an error: {} (message withheld: it may quote a request)",
        t == null ? "no exception" : t.getClass().getName());
  }
}
