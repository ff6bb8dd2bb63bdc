package net.cdapkit.samples.webapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import net.cdapkit.CdapSession;
import net.cdapkit.capability.Profile;
import net.cdapkit.capability.Profiles;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.CdapException;
import net.cdapkit.testkit.CdapSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shows of the agent (header and the footer's reminder of the convention's
 * finalités), and what a page does when CDAP fails under it.
 */
@ControllerAdvice
class AgentAdvice {
  /** The request attribute holding the logged-in agent's {@link AgentSession}. */
  static final String AGENT = "cdapkit.agent";

  private static final Logger LOG = LoggerFactory.getLogger(AgentAdvice.class);

  private final boolean simulator;

  AgentAdvice(ObjectProvider<CdapSimulator> simulator) {
    this.simulator = simulator.getIfAvailable() != null;
  }

  /** Whether the pages run on the embedded simulator, which the footer says. */
  @ModelAttribute("simulateur")
  boolean simulateur() {
    return simulator;
  }

  /** The header and footer's view of the agent, or {@code null} on the login page. */
  @ModelAttribute("agent")
  AgentView agent(HttpServletRequest request) {
    return request.getAttribute(AGENT) instanceof AgentSession a ? AgentView.of(a.cdap()) : null;
  }

  /** The CDAP session ended under the page (token revoked, logout elsewhere): log in again. */
  @ExceptionHandler(AuthenticationException.class)
  String sessionEnded(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return "redirect:/connexion?fin=expiree";
  }

  /**
   * An action the profile does not allow, asked for all the same (the page never offers it): the
   * SDK refused it before any request.
   */
  @ExceptionHandler(CapabilityDeniedException.class)
  String denied(HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    model.addAttribute("erreur", "Votre habilitation ne permet pas cette action.");
    return "erreur";
  }

  /**
   * Any other failure of CDAP under a page: said plainly, without detail that could be personal.
   */
  @ExceptionHandler(CdapException.class)
  String failed(CdapException e, HttpServletResponse response, Model model) {
    // The SDK's messages carry no personal data; the type and request id are enough to trace it.
    LOG.warn(
        "CDAP call failed: {} (request id {})",
        e.getClass().getSimpleName(),
        e.requestId().orElse("none"));
    response.setStatus(HttpStatus.BAD_GATEWAY.value());
    model.addAttribute("erreur", LoginController.message(e));
    return "erreur";
  }

  /** The agent as the pages show them. */
  record AgentView(
      String identifiant,
      String profil,
      String libelleProfil,
      String partenaire,
      List<String> finalites) {
    static AgentView of(CdapSession cdap) {
      return new AgentView(
          cdap.agent().id(),
          cdap.profile(),
          Profiles.forCode(cdap.profile(), cdap.habilitations().cafs())
              .map(Profile::label)
              .orElse(""),
          cdap.partenaire().nom(),
          ConsultController.finalites(cdap).stream().map(Libelles::finalite).toList());
    }
  }
}
