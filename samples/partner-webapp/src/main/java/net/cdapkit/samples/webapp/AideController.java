package net.cdapkit.samples.webapp;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;

/** Guide step 7, "Aide en ligne": the help pages and fiches pratiques CDAP serves. */
@Controller
class AideController {
  @GetMapping("/aide")
  String aide(@RequestAttribute(AgentAdvice.AGENT) AgentSession agent, Model model) {
    model.addAttribute("aide", agent.cdap().help());
    return "aide";
  }
}
