package net.cdapkit.spring.boot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.InvalidInputException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Proves that the CDAP server is reachable and the service account's credentials valid, by
 * authenticating and logging out — no dossier is consulted, nothing is journaled. The server is
 * asked at most once per {@code cacheFor} (one minute at least): health probes in between get the
 * last result, so that a busy load balancer never adds load to the CAF's server.
 *
 * <p>UP with the session's profile code; DOWN with the exception's type (and, for a refused login,
 * its reason: bad credentials, suspended habilitation, password to renew); UNKNOWN when the client
 * has no credentials of its own (an application where each agent logs in). Details never carry the
 * login, a message from the server or any personal data.
 */
public final class CdapHealthIndicator implements HealthIndicator {
  private final CdapClient client;
  private final Clock clock;
  private final Duration cacheFor;
  private Health last;
  private Instant checkedAt;

  /**
   * An indicator for {@code client}.
   *
   * @param client the client whose service account logs in at each check; not null
   * @param clock the clock that decides when a cached result is stale; not null
   * @param cacheFor how long a result is reused; at least {@link CdapProperties.Health#MINIMUM}
   */
  public CdapHealthIndicator(CdapClient client, Clock clock, Duration cacheFor) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (cacheFor == null || cacheFor.compareTo(CdapProperties.Health.MINIMUM) < 0) {
      throw new IllegalArgumentException("cacheFor must be at least one minute");
    }
    this.cacheFor = cacheFor;
  }

  /**
   * The last result if it is younger than {@code cacheFor}, else a new check. Synchronized: probes
   * arriving together while a check runs wait for it rather than starting their own.
   */
  @Override
  public synchronized Health health() {
    Instant now = clock.instant();
    if (last != null && now.isBefore(checkedAt.plus(cacheFor))) {
      return last;
    }
    last = check(now);
    checkedAt = now;
    return last;
  }

  private Health check(Instant now) {
    Health.Builder health;
    try (CdapSession session = client.authenticate()) {
      health = Health.up().withDetail("profile", session.profile());
    } catch (AuthenticationException e) {
      health = Health.down().withDetail("error", e.getClass().getSimpleName());
      if (e.reason() != null) {
        health.withDetail("reason", e.reason().name());
      }
    } catch (InvalidInputException e) {
      // No service credentials: the client is for agents logging in with their own.
      health = Health.unknown().withDetail("reason", "no service credentials configured");
    } catch (RuntimeException e) {
      health = Health.down().withDetail("error", e.getClass().getSimpleName());
    }
    return health
        .withDetail("server", client.baseUrl().getHost())
        .withDetail("checkedAt", now.toString())
        .build();
  }

  @Override
  public String toString() {
    return "CdapHealthIndicator(" + client.baseUrl().getHost() + ", every " + cacheFor + ")";
  }
}
