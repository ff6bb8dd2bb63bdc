package net.cdapkit.samples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import net.cdapkit.AttestationPdf;
import net.cdapkit.CafContext;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.DialogueMessage;
import net.cdapkit.Dossier;
import net.cdapkit.Periode;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Habilitations;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A partner's connectivity check for a new environment: every step of the guide against a real
 * server, one line per step with its outcome and duration, and nothing personal printed.
 */
@Command(
    name = "smoke",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a server end to end: authenticates with CDAP_LOGIN and CDAP_PASSWORD, reads the"
          + " habilitations, consults the given dossier for the given finalité, reads every tab"
          + " the profile allows, fetches an attestation PDF (not saved), reads the online help and"
          + " logs out.",
      "The postal attestation and the Dialogue message act on the dossier: they are sent only"
          + " with --with-effects.",
      "Prints one line per step (outcome, duration; no personal data) and stops at the first"
          + " failure, with that failure's exit code. Every step is journaled (--audit-file).",
      "Use a dossier and a finalité agreed with the CAF for such checks."
    })
final class SmokeCommand implements Callable<Integer> {
  private static final int TOTAL_STEPS = 8 + Tab.values().length;

  @Spec CommandSpec spec;

  @Option(
      names = "--server",
      required = true,
      paramLabel = "URL",
      description = "Base URL of the server, e.g. https://cdap.example.org/api/v1/.")
  String server;

  @Option(names = "--caf", required = true, description = "CAF code of the dossier, 3 digits.")
  String caf;

  @Option(
      names = "--allocataire",
      required = true,
      description = "Numéro allocataire of a dossier the agent may consult (never printed).")
  String allocataire;

  @Option(names = "--finalite", required = true, description = "Declared purpose (finalité) code.")
  String finalite;

  @Option(
      names = "--with-effects",
      description =
          "Also request an attestation by post and send a Dialogue message to the CAF: both act"
              + " on the dossier.")
  boolean withEffects;

  @Mixin AuditOptions audit;

  private final CredentialsProvider credentials;

  /** The command as {@code cdap} runs it: credentials from the environment. */
  SmokeCommand() {
    this(CredentialsProvider.fromEnvironment());
  }

  /** With other credentials: for tests against the simulator. */
  SmokeCommand(CredentialsProvider credentials) {
    this.credentials = credentials;
  }

  @Override
  public Integer call() {
    // Bad input fails here, before the journal is opened or anything is sent.
    CafCode cafCode = CafCode.of(caf);
    NumeroAllocataire numero = NumeroAllocataire.of(allocataire);
    FinaliteCode code = FinaliteCode.of(finalite);
    PrintWriter out = TerminalText.safe(spec.commandLine().getOut());
    audit.applyLogging();
    try (JsonLinesAuditJournal journal = audit.open()) {
      CdapClient client =
          CdapClient.builder().baseUrl(server).credentials(credentials).auditSink(journal).build();
      out.println(
          "cdap smoke — "
              + client.baseUrl()
              + (withEffects ? " (with effects)" : " (no effects: see --with-effects)"));
      return new Run(out, client, cafCode, numero, code).walk();
    }
  }

  /** One walk through the steps; stops at the first failure. */
  private final class Run {
    private final PrintWriter out;
    private final CdapClient client;
    private final CafCode cafCode;
    private final NumeroAllocataire numero;
    private final FinaliteCode code;
    private final long started = System.nanoTime();
    private final List<String> skipped = new ArrayList<>();
    private int step;
    private int ok;

    Run(
        PrintWriter out,
        CdapClient client,
        CafCode cafCode,
        NumeroAllocataire numero,
        FinaliteCode code) {
      this.out = out;
      this.client = client;
      this.cafCode = cafCode;
      this.numero = numero;
      this.code = code;
    }

    int walk() {
      CdapSession session;
      try {
        session = timed("authenticate", client::authenticate, s -> "profile " + s.profile());
      } catch (StepFailed e) {
        return e.exitCode;
      }
      try {
        Habilitations h =
            timed(
                "habilitations",
                session::habilitations,
                x ->
                    x.tabs().size()
                        + " tab(s), "
                        + x.actions().size()
                        + " action(s), finalité "
                        + (x.finalites().contains(code) ? "granted" : "not granted"));
        CafContext cafContext = session.selectCaf(cafCode);
        Dossier dossier =
            timed(
                "consult dossier",
                () ->
                    cafContext.consultDossier(
                        numero, Finalite.of(code, "Test de connexion (cdap smoke)")),
                d -> "CAF " + cafCode.value());
        for (Tab tab : Tab.values()) {
          if (!session.canRead(tab)) {
            skip("tab " + tab.wireName(), "not allowed to profile " + session.profile());
            continue;
          }
          timed("tab " + tab.wireName(), () -> read(dossier, tab), r -> r);
        }
        AttestationType type =
            h.attestationTypes().contains(AttestationType.PAIEMENT)
                ? AttestationType.PAIEMENT
                : h.attestationTypes().stream().findFirst().orElse(null);
        if (type == null) {
          skip("attestation pdf", "no attestation type allowed");
        } else {
          timed(
              "attestation pdf",
              () -> dossier.requestAttestation(type),
              (AttestationPdf pdf) -> type + ", " + pdf.size() + " bytes, not saved");
        }
        if (type == null || !session.canRequestAttestation(type, Action.ATTESTATION_POSTALE)) {
          skip("attestation by post", "not allowed to profile " + session.profile());
        } else if (!withEffects) {
          skip("attestation by post", "an effect: needs --with-effects");
        } else {
          timed(
              "attestation by post",
              () -> dossier.requestAttestationByPost(type),
              r -> "receipt received");
        }
        if (!session.can(Action.DIALOGUE)) {
          skip("dialogue", "not allowed to profile " + session.profile());
        } else if (!withEffects) {
          skip("dialogue", "an effect: needs --with-effects");
        } else {
          timed(
              "dialogue",
              () ->
                  cafContext.sendDialogue(
                      DialogueMessage.builder()
                          .objet("Test de connexion")
                          .message(
                              "Message de test envoyé par cdap smoke lors de la vérification"
                                  + " d'un raccordement ; il n'appelle pas de réponse.")
                          .dossier(dossier)
                          .build()),
              r -> "receipt received");
        }
        timed("help", session::help, a -> a.fiches().size() + " fiche(s)");
      } catch (StepFailed e) {
        closeQuietly(session);
        return e.exitCode;
      }
      try {
        timed(
            "logout",
            () -> {
              session.close();
              return "";
            },
            r -> r);
      } catch (StepFailed e) {
        return e.exitCode;
      }
      out.println(
          String.format(
              Locale.ROOT,
              "smoke: passed — %d step(s) ok, %d skipped, in %d ms",
              ok,
              skipped.size(),
              millisSince(started)));
      return ExitCodes.OK;
    }

    /** Runs a step, prints its line, and turns a failure into {@link StepFailed}. */
    private <T> T timed(
        String name,
        java.util.function.Supplier<T> action,
        java.util.function.Function<T, String> note) {
      step++;
      long t0 = System.nanoTime();
      T result;
      try {
        result = action.get();
      } catch (RuntimeException e) {
        long ms = millisSince(t0);
        line("FAIL", name, ms + " ms", e.getClass().getSimpleName() + ": " + e.getMessage());
        out.println(
            String.format(
                Locale.ROOT,
                "smoke: failed at step %d/%d (%s) after %d ms",
                step,
                TOTAL_STEPS,
                name,
                millisSince(started)));
        throw new StepFailed(ExitCodes.of(e));
      }
      line("ok", name, millisSince(t0) + " ms", note.apply(result));
      ok++;
      return result;
    }

    private void skip(String name, String why) {
      step++;
      skipped.add(name);
      line("skip", name, "-", why);
    }

    private void line(String outcome, String name, String duration, String note) {
      out.println(
          String.format(
              Locale.ROOT,
              "%-4s %2d/%d  %-20s %8s  %s",
              outcome,
              step,
              TOTAL_STEPS,
              name,
              duration,
              note));
    }
  }

  /** Reads one tab (the first page of a history) and says how much came back, not what. */
  private static String read(Dossier dossier, Tab tab) {
    return switch (tab) {
      case SYNTHESE -> "perimetre " + dossier.synthese().perimetre();
      case RESUME -> "statut " + dossier.resume().statut();
      case PAIEMENTS ->
          dossier.paiements(Periode.all()).stream().findFirst().isPresent()
              ? "first page read"
              : "no line";
      case DROITS -> dossier.droits().droits().size() + " droit(s)";
      case FAMILLE -> dossier.compositionFamille().membres().size() + " membre(s)";
      case RESSOURCES -> "perimetre " + dossier.ressources().perimetre();
      case RSA -> dossier.rsa().dossierRsa().isPresent() ? "dossier RSA" : "no dossier RSA";
      case COURRIERS ->
          dossier.courriers(Periode.all()).stream().findFirst().isPresent()
              ? "first page read"
              : "no line";
      case LOGEMENT -> dossier.logement().logement().isPresent() ? "read" : "no information";
      case CREANCES -> dossier.creances().creances().size() + " créance(s)";
    };
  }

  private static void closeQuietly(CdapSession session) {
    try {
      session.close();
    } catch (RuntimeException e) {
      // The step that failed is what the run reports; the token expires on its own.
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** Ends the walk with the failing step's exit code. */
  private static final class StepFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    StepFailed(int exitCode) {
      super(null, null, false, false);
      this.exitCode = exitCode;
    }
  }
}
