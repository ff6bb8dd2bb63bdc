package net.cdapkit.samples.webapp;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.cdapkit.AttestationPdf;
import net.cdapkit.CdapSession;
import net.cdapkit.DialogueMessage;
import net.cdapkit.Dossier;
import net.cdapkit.History;
import net.cdapkit.Periode;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.DialogueReceipt;
import net.cdapkit.model.EnvoiPostalReceipt;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Guide steps 4 to 6: the dossier's tabs (only those the profile allows), the history tabs paged by
 * period, "Attestation" (view and print the PDF, or have it posted) and "Dialogue".
 *
 * <p>The dossier is addressed by the opaque handle {@link AgentSession} gave it, valid in this HTTP
 * session only.
 */
@Controller
class DossierController {
  /** A history page covers twelve months, newest first; the agent moves a year at a time. */
  static final int MONTHS_PER_PAGE = 12;

  /** Lines shown per history page, a bound on what one page fetches. */
  static final int MAX_LINES = 200;

  private final Clock clock;

  DossierController(Clock clock) {
    this.clock = clock;
  }

  @GetMapping("/dossiers/{handle}")
  String dossier(
      @RequestAttribute(AgentAdvice.AGENT) AgentSession agent,
      @PathVariable("handle") String handle,
      @RequestParam(name = "onglet", required = false) String onglet,
      @RequestParam(name = "au", required = false) String au,
      Model model) {
    Dossier dossier = dossier(agent, handle);
    CdapSession cdap = agent.cdap();
    List<Tab> tabs = Arrays.stream(Tab.values()).filter(cdap::canRead).toList();
    if (tabs.isEmpty()) {
      throw new UnknownPage();
    }
    Tab tab =
        onglet == null
            ? tabs.get(0)
            : Tab.fromName(onglet).filter(tabs::contains).orElseThrow(UnknownPage::new);
    page(model, agent, handle, dossier, tabs);
    model.addAttribute("onglet", tab);
    switch (tab) {
      case SYNTHESE -> model.addAttribute("synthese", dossier.synthese());
      case RESUME -> model.addAttribute("resume", dossier.resume());
      case PAIEMENTS -> history(model, dossier.paiements(periode(model, au)));
      case DROITS -> model.addAttribute("droits", dossier.droits());
      case FAMILLE -> model.addAttribute("famille", dossier.compositionFamille());
      case RESSOURCES -> model.addAttribute("ressources", dossier.ressources());
      case RSA -> model.addAttribute("rsa", dossier.rsa());
      case COURRIERS -> history(model, dossier.courriers(periode(model, au)));
      case LOGEMENT -> model.addAttribute("logement", dossier.logement());
      case CREANCES -> model.addAttribute("creances", dossier.creances());
    }
    return "dossier";
  }

  /** "Attestation", view and print: the PDF shown in the browser (inline), never kept on disk. */
  @PostMapping("/dossiers/{handle}/attestation")
  ResponseEntity<byte[]> attestation(
      @RequestAttribute(AgentAdvice.AGENT) AgentSession agent,
      @PathVariable("handle") String handle,
      @RequestParam(name = "type", defaultValue = "") String type) {
    AttestationPdf pdf = dossier(agent, handle).requestAttestation(attestationType(type));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(
                    "attestation-" + pdf.type().name().toLowerCase(java.util.Locale.ROOT) + ".pdf")
                .build()
                .toString())
        // Chrome's PDF viewer can stay blank under a policy restricting objects (the pages'
        // object-src 'none'): the PDF gets its own policy, which still forbids framing it.
        .header("Content-Security-Policy", "frame-ancestors 'none'")
        .body(pdf.content());
  }

  /**
   * "Attestation", sent by post to the allocataire: the CAF's receipt is shown, never the address.
   */
  @PostMapping("/dossiers/{handle}/attestation/courrier")
  String attestationByPost(
      @RequestAttribute(AgentAdvice.AGENT) AgentSession agent,
      @PathVariable("handle") String handle,
      @RequestParam(name = "type", defaultValue = "") String type,
      @RequestParam(name = "onglet", required = false) String onglet,
      RedirectAttributes redirect) {
    EnvoiPostalReceipt receipt =
        dossier(agent, handle).requestAttestationByPost(attestationType(type));
    redirect.addFlashAttribute("envoi", receipt);
    return redirectTo(handle, onglet);
  }

  @GetMapping("/dossiers/{handle}/dialogue")
  String dialogueForm(
      @RequestAttribute(AgentAdvice.AGENT) AgentSession agent,
      @PathVariable("handle") String handle,
      Model model) {
    Dossier dossier = dossier(agent, handle);
    if (!agent.cdap().can(Action.DIALOGUE)) {
      throw new UnknownPage();
    }
    page(model, agent, handle, dossier, List.of());
    model.addAttribute("maxObjet", DialogueMessage.MAX_OBJET);
    model.addAttribute("maxMessage", DialogueMessage.MAX_MESSAGE);
    return "dialogue";
  }

  /** "Dialogue": a message to the CAF about this dossier, and the CAF's receipt. */
  @PostMapping("/dossiers/{handle}/dialogue")
  String dialogue(
      @RequestAttribute(AgentAdvice.AGENT) AgentSession agent,
      @PathVariable("handle") String handle,
      @RequestParam(name = "objet", defaultValue = "") String objet,
      @RequestParam(name = "message", defaultValue = "") String message,
      Model model,
      RedirectAttributes redirect) {
    Dossier dossier = dossier(agent, handle);
    DialogueMessage built;
    try {
      built = DialogueMessage.builder().objet(objet).message(message).dossier(dossier).build();
    } catch (InvalidInputException e) {
      page(model, agent, handle, dossier, List.of());
      model.addAttribute("maxObjet", DialogueMessage.MAX_OBJET);
      model.addAttribute("maxMessage", DialogueMessage.MAX_MESSAGE);
      model.addAttribute(
          "erreur",
          "Saisissez un objet ("
              + DialogueMessage.MAX_OBJET
              + " caractères au plus) et un message ("
              + DialogueMessage.MAX_MESSAGE
              + " caractères au plus).");
      model.addAttribute("objet", objet);
      model.addAttribute("message", message);
      return "dialogue";
    }
    DialogueReceipt receipt = agent.cdap().selectCaf(dossier.caf()).sendDialogue(built);
    redirect.addFlashAttribute("dialogue", receipt);
    return redirectTo(handle, null);
  }

  private static Dossier dossier(AgentSession agent, String handle) {
    return agent.dossier(handle).orElseThrow(UnknownPage::new);
  }

  private static String redirectTo(String handle, String onglet) {
    String tab =
        onglet == null ? "" : Tab.fromName(onglet).map(t -> "?onglet=" + t.wireName()).orElse("");
    return "redirect:/dossiers/" + handle + tab;
  }

  private static AttestationType attestationType(String type) {
    try {
      return AttestationType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new UnknownPage();
    }
  }

  private void page(
      Model model, AgentSession agent, String handle, Dossier dossier, List<Tab> tabs) {
    CdapSession cdap = agent.cdap();
    List<AttestationType> pdf =
        Stream.of(AttestationType.values())
            .filter(t -> cdap.canRequestAttestation(t, Action.ATTESTATION_PDF))
            .toList();
    List<AttestationType> post =
        Stream.of(AttestationType.values())
            .filter(t -> cdap.canRequestAttestation(t, Action.ATTESTATION_POSTALE))
            .toList();
    model.addAttribute("handle", handle);
    model.addAttribute("caf", dossier.caf().value());
    model.addAttribute("numero", dossier.numero().value());
    model.addAttribute("finalite", Libelles.finalite(dossier.finalite().code()));
    model.addAttribute("onglets", tabs);
    model.addAttribute("attestationsPdf", pdf);
    model.addAttribute("attestationsCourrier", post);
    model.addAttribute("peutDialoguer", cdap.can(Action.DIALOGUE));
  }

  private Periode periode(Model model, String au) {
    YearMonth now = YearMonth.now(clock);
    YearMonth end;
    try {
      end = au == null ? now : YearMonth.parse(au);
    } catch (DateTimeParseException e) {
      throw new UnknownPage();
    }
    if (end.isAfter(now)) {
      end = now;
    }
    YearMonth start = end.minusMonths(MONTHS_PER_PAGE - 1L);
    model.addAttribute("du", start);
    model.addAttribute("au", end);
    model.addAttribute("precedent", end.minusMonths(MONTHS_PER_PAGE).toString());
    model.addAttribute(
        "suivant", end.isBefore(now) ? end.plusMonths(MONTHS_PER_PAGE).toString() : null);
    return Periode.between(start, end);
  }

  private static void history(Model model, History<?> history) {
    List<?> lines = history.stream().limit(MAX_LINES + 1L).toList();
    model.addAttribute("lignes", lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines);
    model.addAttribute("tronque", lines.size() > MAX_LINES);
  }

  /** A page that does not exist for this agent: an unknown handle, tab or attestation type. */
  @ResponseStatus(HttpStatus.NOT_FOUND)
  static final class UnknownPage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownPage() {
      super("No such page in this session", null, false, false);
    }
  }
}
