package net.cdapkit.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default listener of a {@link UsageGuard}: logs an agent's atypical use at most once an hour,
 * without naming the agent.
 */
final class AtypicalUseLog implements Consumer<AtypicalUse> {
  private static final Logger LOG = LoggerFactory.getLogger("net.cdapkit.audit");
  private static final Duration HOUR = Duration.ofHours(1);

  private final ConcurrentHashMap<String, Instant> lastLogged = new ConcurrentHashMap<>();

  @Override
  public void accept(AtypicalUse use) {
    String key = use.partner() + '\u0000' + use.agent();
    Instant previous = lastLogged.get(key);
    if (previous != null && use.at().isBefore(previous.plus(HOUR))) {
      return;
    }
    lastLogged.put(key, use.at());
    LOG.warn(
        "cdap atypical use by an agent of partner {}: {} ({} consultation(s) in the last hour, {}"
            + " in 24 h){}",
        use.partner(),
        use.reasons(),
        use.lastHour(),
        use.lastDay(),
        use.blocked() ? "; consultation blocked" : "");
  }
}
