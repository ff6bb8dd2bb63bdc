package net.cdapkit.samples.webapp;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.error.CdapException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's SDK session, bound to their HTTP session: it lives as long as the HTTP session and is
 * closed (logged out of CDAP) when that session is invalidated, by logout or by expiry.
 *
 * <p>It also keeps the dossiers the agent opened, each under an opaque random handle that is the
 * only thing the URLs carry: the numéro allocataire never appears in a URL, a log or a browser
 * history.
 */
final class AgentSession implements HttpSessionBindingListener {
  static final String ATTRIBUTE = AgentSession.class.getName();

  /** Enough for an agent's working set; the oldest dossier is forgotten beyond it. */
  private static final int MAX_OPEN_DOSSIERS = 20;

  private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CdapSession cdap;
  private final Map<String, Dossier> dossiers =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Dossier> eldest) {
          return size() > MAX_OPEN_DOSSIERS;
        }
      };

  AgentSession(CdapSession cdap) {
    this.cdap = cdap;
  }

  /** The agent session of this HTTP session, if an agent is logged in and their session open. */
  static Optional<AgentSession> of(HttpSession httpSession) {
    if (httpSession == null) {
      return Optional.empty();
    }
    return httpSession.getAttribute(ATTRIBUTE) instanceof AgentSession a && a.cdap.isOpen()
        ? Optional.of(a)
        : Optional.empty();
  }

  CdapSession cdap() {
    return cdap;
  }

  /** Keeps an opened dossier and returns the opaque handle that addresses it in URLs. */
  synchronized String open(Dossier dossier) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    dossiers.put(handle, dossier);
    return handle;
  }

  /** The dossier this agent opened under that handle. */
  synchronized Optional<Dossier> dossier(String handle) {
    return Optional.ofNullable(dossiers.get(handle));
  }

  @Override
  public void valueUnbound(HttpSessionBindingEvent event) {
    synchronized (this) {
      dossiers.clear();
    }
    try {
      cdap.close();
    } catch (CdapException e) {
      // The token expires on its own; the SDK's messages carry no personal data.
      LOG.info("CDAP logout failed ({}); the token will expire on its own", e.getClass().getName());
    }
  }

  @Override
  public String toString() {
    return "AgentSession{profile=" + cdap.profile() + "}";
  }
}
