package net.cdapkit.samples.cli;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.Periode;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints one tab of a dossier, or every tab the profile allows. */
@Command(
    name = "consult",
    mixinStandardHelpOptions = true,
    description = {
      "Consults a dossier and prints one tab (--tab) or every tab the profile allows.",
      "Against the embedded simulator by default; with --server URL, credentials are read from"
          + " the environment variables CDAP_LOGIN and CDAP_PASSWORD."
    })
final class ConsultCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--caf", required = true, description = "CAF code, 3 digits (e.g. 751).")
  String caf;

  @Option(
      names = "--allocataire",
      required = true,
      description = "Numéro allocataire, 1 to 7 digits.")
  String allocataire;

  @Option(
      names = "--tab",
      description =
          "One tab: synthese, resume, paiements, droits, famille, ressources, rsa, courriers,"
              + " logement, creances. Default: every tab the profile allows.")
  String tab;

  @Option(names = "--json", description = "Print the contract's JSON instead of text.")
  boolean json;

  @Option(
      names = "--server",
      description = "Base URL of a server, e.g. http://127.0.0.1:8080/api/v1/.")
  String server;

  @Option(
      names = "--profile",
      defaultValue = "T1",
      description =
          "Embedded simulator only: the demo agent's profile, T1 to T5 (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(
      names = "--finalite",
      description =
          "Declared purpose (finalité) code. Default: the session's first allowed finalité.")
  String finalite;

  @Option(
      names = "--motif",
      description =
          "Free-text detail of the finalité; the journal records that one was given, not its text.")
  String motif;

  @Option(names = "--du", description = "History tabs: first month, yyyy-MM.")
  String du;

  @Option(names = "--au", description = "History tabs: last month, yyyy-MM.")
  String au;

  @Mixin AuditOptions audit;

  @Option(
      names = "--history",
      defaultValue = "50",
      description = "History tabs, text output: lines shown (default: ${DEFAULT-VALUE}).")
  int historyLimit;

  @Override
  public Integer call() {
    PrintWriter out = TerminalText.safe(spec.commandLine().getOut());
    Tab selected = null;
    if (tab != null) {
      selected =
          Tab.fromName(tab)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "Unknown tab '"
                              + tab
                              + "'; one of synthese, resume, paiements, droits,"
                              + " famille, ressources, rsa, courriers, logement, creances"));
    }
    Periode periode = periode();
    audit.applyLogging();
    try (JsonLinesAuditJournal journal = audit.open();
        Connection connection = Connection.open(server, profile, journal)) {
      CdapSession session = connection.session;
      if (selected != null && !session.canRead(selected)) {
        // Fail before the lookup: the agent may not see this tab at all.
        throw CapabilityDeniedException.beforeCall(session.profile(), "tab " + selected.wireName());
      }
      FinaliteCode code =
          finalite != null
              ? FinaliteCode.of(finalite)
              : session.habilitations().finalites().stream()
                  .findFirst()
                  .orElseThrow(() -> new InvalidInputException("The session allows no finalité"));
      Dossier dossier =
          session.selectCaf(caf).consultDossier(allocataire, Finalite.of(code, motif));
      TabPrinter printer = new TabPrinter(out, json, historyLimit);
      if (selected != null) {
        printer.print(dossier, selected, periode);
      } else {
        List<String> denied = new ArrayList<>();
        for (Tab t : Tab.values()) {
          if (session.canRead(t)) {
            printer.print(dossier, t, periode);
          } else {
            denied.add(t.wireName());
          }
        }
        if (!denied.isEmpty()) {
          TerminalText.safe(spec.commandLine().getErr())
              .println(
                  "Onglets non accessibles au profil "
                      + session.profile()
                      + " : "
                      + String.join(", ", denied));
        }
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private Periode periode() {
    try {
      YearMonth from = du == null ? null : YearMonth.parse(du);
      YearMonth to = au == null ? null : YearMonth.parse(au);
      if (from != null && to != null) {
        return Periode.between(from, to);
      }
      if (from != null) {
        return Periode.from(from);
      }
      return to != null ? Periode.until(to) : Periode.all();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("--du and --au are months written yyyy-MM, e.g. 2026-01");
    }
  }
}
