package net.cdapkit.testkit;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps WireMock off the console: its informational chatter is dropped, its errors go to the
 * simulator's SLF4J logger at DEBUG (they may quote a request, which may carry personal data, so
 * they are not shown by default).
 */
final class QuietNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(CdapSimulator.class);

  @Override
  public void info(String message) {}

  @Override
  public void error(String message) {
    LOG.debug("WireMock: {}", message);
  }

  @Override
  public void error(String message, Throwable t) {
    LOG.debug("WireMock: {}", message, t);
  }
}
