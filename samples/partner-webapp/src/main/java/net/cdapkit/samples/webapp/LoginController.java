package net.cdapkit.samples.webapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.RateLimitedException;
import net.cdapkit.error.ServerException;
import net.cdapkit.error.TransportException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Guide step 1: the agent logs in with the identifiers the CAF sent them; and the logout, which
 * closes the CDAP session with the HTTP session.
 */
@Controller
class LoginController {
  private final CdapClient client;

  LoginController(CdapClient client) {
    this.client = client;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/consulter";
  }

  @GetMapping("/connexion")
  String loginPage(@RequestParam(name = "fin", required = false) String fin, Model model) {
    if ("deconnexion".equals(fin)) {
      model.addAttribute("info", "Vous êtes déconnecté de CDAP.");
    } else if ("expiree".equals(fin)) {
      model.addAttribute("info", "Votre session a expiré : reconnectez-vous.");
    }
    return "connexion";
  }

  @PostMapping("/connexion")
  String login(
      @RequestParam(name = "identifiant", defaultValue = "") String identifiant,
      @RequestParam(name = "motDePasse", defaultValue = "") String motDePasse,
      HttpServletRequest request,
      Model model) {
    CdapSession cdap;
    try {
      cdap = client.authenticate(CredentialsProvider.of(identifiant.strip(), motDePasse));
    } catch (CdapException e) {
      model.addAttribute("erreur", message(e));
      model.addAttribute("identifiant", identifiant);
      return "connexion";
    }
    // A new HTTP session for the authenticated agent (no session fixation); invalidating the old
    // one closes whatever CDAP session it held.
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    request.getSession(true).setAttribute(AgentSession.ATTRIBUTE, new AgentSession(cdap));
    return "redirect:/consulter";
  }

  @PostMapping("/deconnexion")
  String logout(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate(); // AgentSession.valueUnbound closes the CDAP session
    }
    return "redirect:/connexion?fin=deconnexion";
  }

  /** What the agent reads: plain, and saying what to do next. */
  static String message(CdapException e) {
    if (e instanceof AuthenticationException a) {
      return switch (a.reason()) {
        case BAD_CREDENTIALS -> "Identifiant ou mot de passe incorrect.";
        case HABILITATION_SUSPENDED ->
            "Votre habilitation est suspendue par la Caf. Adressez-vous au gestionnaire des"
                + " habilitations de votre structure.";
        case PASSWORD_CHANGE_REQUIRED ->
            "Votre mot de passe doit être renouvelé. Changez-le sur Mon Compte Partenaire,"
                + " puis reconnectez-vous ici.";
        case TOKEN_EXPIRED, TOKEN_INVALID -> "Votre session CDAP a expiré : reconnectez-vous.";
      };
    }
    if (e instanceof InvalidInputException) {
      return "Saisissez votre identifiant et votre mot de passe.";
    }
    if (e instanceof TransportException
        || e instanceof ServerException
        || e instanceof RateLimitedException) {
      return "Le service CDAP ne répond pas pour le moment. Réessayez dans quelques instants.";
    }
    return "La connexion a échoué. Réessayez.";
  }
}
