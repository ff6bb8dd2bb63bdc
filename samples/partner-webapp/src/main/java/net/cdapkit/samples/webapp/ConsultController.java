package net.cdapkit.samples.webapp;

import java.util.List;
import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.audit.AtypicalUseException;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.NotFoundException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Guide steps 2 and 3, "Consulter Dossiers": the CAF among the session's CAFs, the numéro
 * allocataire and the finalité among those the profile allows, posted in a form so that the numéro
 * never appears in a URL.
 */
@Controller
class ConsultController {

  @GetMapping("/consulter")
  String form(@RequestAttribute(AgentAdvice.AGENT) AgentSession agent, Model model) {
    model.addAttribute("form", ConsultForm.empty(agent.cdap()));
    return "consulter";
  }

  @PostMapping("/consulter")
  String consult(
      @RequestAttribute(AgentAdvice.AGENT) AgentSession agent,
      @RequestParam(name = "caf", defaultValue = "") String caf,
      @RequestParam(name = "numero", defaultValue = "") String numero,
      @RequestParam(name = "finalite", defaultValue = "") String finalite,
      @RequestParam(name = "detail", defaultValue = "") String detail,
      Model model) {
    CdapSession cdap = agent.cdap();
    try {
      Dossier dossier =
          cdap.selectCaf(CafCode.of(caf))
              .consultDossier(
                  numero.strip(),
                  detail.isBlank()
                      ? Finalite.of(FinaliteCode.of(finalite))
                      : Finalite.of(FinaliteCode.of(finalite), detail.strip()));
      return "redirect:/dossiers/" + agent.open(dossier);
    } catch (CdapException e) {
      model.addAttribute("erreur", message(e));
      model.addAttribute("form", new ConsultForm(cafs(cdap), finalites(cdap), caf, finalite));
      model.addAttribute("numero", numero);
      model.addAttribute("detail", detail);
      return "consulter";
    }
  }

  private static String message(CdapException e) {
    if (e instanceof NotFoundException) {
      return "Aucun dossier allocataire ne porte ce numéro dans cette Caf.";
    }
    if (e instanceof AtypicalUseException) {
      return "Consultation refusée : le volume ou l'horaire de vos consultations sort de l'usage"
          + " habituel. Adressez-vous au responsable de votre structure.";
    }
    if (e instanceof CapabilityDeniedException) {
      return "Votre habilitation ne permet pas cette consultation (Caf ou finalité).";
    }
    if (e instanceof InvalidInputException) {
      return "Choisissez la Caf et la finalité, et saisissez le numéro allocataire (1 à 7"
          + " chiffres).";
    }
    return LoginController.message(e);
  }

  static List<String> cafs(CdapSession cdap) {
    return cdap.habilitations().cafs().stream().sorted().map(CafCode::value).toList();
  }

  static List<FinaliteCode> finalites(CdapSession cdap) {
    return cdap.habilitations().finalites().stream()
        .sorted(java.util.Comparator.comparing(FinaliteCode::code))
        .toList();
  }

  /** The choices of the form and what is selected. */
  record ConsultForm(List<String> cafs, List<FinaliteCode> finalites, String caf, String finalite) {
    static ConsultForm empty(CdapSession cdap) {
      List<String> cafs = ConsultController.cafs(cdap);
      List<FinaliteCode> finalites = ConsultController.finalites(cdap);
      return new ConsultForm(
          cafs,
          finalites,
          cafs.size() == 1 ? cafs.get(0) : "",
          finalites.size() == 1 ? finalites.get(0).code() : "");
    }
  }
}
