package net.cdapkit.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import net.cdapkit.audit.AuditJournalVerifier;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditOutcome;
import net.cdapkit.audit.AuditQueries;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The audit journal's tools: check it has not been altered, and say who consulted a dossier. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Check an audit journal, or list who consulted a dossier.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Who.class})
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Path keyFile(Path given) {
    Path key = given != null ? given : AuditKey.defaultLocation();
    if (!Files.exists(key)) {
      throw new InvalidInputException("No audit key file at " + key + " (give --key-file)");
    }
    return key;
  }

  /** Where the journal is, and its key: the options every {@code audit} subcommand takes. */
  static final class JournalSource {
    @Parameters(
        paramLabel = "FILE",
        arity = "0..1",
        description = "The audit journal (or --jdbc-url).")
    Path journal;

    @Option(
        names = "--jdbc-url",
        paramLabel = "URL",
        description =
            "A PostgreSQL audit table instead of a file (cdapkit-audit-jdbc); credentials from"
                + " CDAP_JDBC_USER and CDAP_JDBC_PASSWORD.")
    String jdbcUrl;

    @Option(
        names = "--key-file",
        paramLabel = "PATH",
        description = "The journal's key file (default: ~/.cdapkit/audit.key).")
    Path keyFile;

    /** The journal file, checked to exist. */
    Path journal() {
      requireJournal(journal);
      return journal;
    }

    /** The journal's key, from the given file or the default location. */
    AuditKey key() {
      return AuditKey.load(keyFile(keyFile));
    }
  }

  static void requireJournal(Path journal) {
    if (journal == null) {
      throw new InvalidInputException("Give the audit journal FILE, or --jdbc-url");
    }
    if (!Files.isRegularFile(journal)) {
      throw new InvalidInputException("No audit journal at " + journal);
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Checks every record's MAC, the chain and the sequence numbers of a journal.",
        "Exit 0 when intact; 6, naming the first bad record, when a record was changed, removed,"
            + " inserted or reordered."
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin JournalSource where;

    @Option(
        names = "--expect-records",
        paramLabel = "N",
        description =
            "Records the journal held when last checked: fewer means its end was removed.")
    long expectRecords;

    @Override
    public Integer call() {
      if (where.jdbcUrl != null) {
        return JdbcAudit.verify(spec, where.jdbcUrl, where.key(), expectRecords);
      }
      Path journal = where.journal();
      AuditKey key = where.key();
      AuditJournalVerifier.Result result = AuditJournalVerifier.verify(journal, key, expectRecords);
      PrintWriter out = spec.commandLine().getOut();
      if (result.intact()) {
        out.println(journal + ": " + result);
        out.flush();
        return ExitCodes.OK;
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println("cdap: " + journal + " is not intact: " + result);
      err.flush();
      return ExitCodes.JOURNAL_NOT_INTACT;
    }
  }

  @Command(
      name = "who",
      mixinStandardHelpOptions = true,
      description = {
        "Lists who consulted a dossier, when and for what purpose (an allocataire's right of"
            + " access), after checking the journal.",
        "Exit 0 when the journal is intact; 6 when it is not (the records whose MAC verifies are"
            + " still listed)."
      })
  static final class Who implements Callable<Integer> {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    @Spec CommandSpec spec;

    @Mixin JournalSource where;

    @Option(names = "--caf", required = true, description = "CAF code, 3 digits.")
    String caf;

    @Option(names = "--allocataire", required = true, description = "Numéro allocataire.")
    String allocataire;

    @Override
    public Integer call() {
      CafCode cafCode = CafCode.of(caf);
      NumeroAllocataire numero = NumeroAllocataire.of(allocataire);
      List<AuditRecord> records;
      boolean intact;
      String source;
      if (where.jdbcUrl != null) {
        JdbcAudit.Found found = JdbcAudit.who(spec, where.jdbcUrl, where.key(), cafCode, numero);
        records = found.records();
        intact = found.intact();
        source = found.source();
      } else {
        Path journal = where.journal();
        AuditKey key = where.key();
        AuditJournalVerifier.Result verified = AuditJournalVerifier.verify(journal, key);
        records = AuditQueries.who(journal, key, cafCode, numero);
        intact = verified.intact();
        source = journal.toString();
        if (!verified.intact()) {
          PrintWriter err = spec.commandLine().getErr();
          err.println("cdap: " + journal + " is not intact: " + verified);
          err.flush();
        }
      }
      // Partner, agent and request ids came from a server when they were journaled.
      PrintWriter out = TerminalText.safe(spec.commandLine().getOut());
      Set<String> concluded = new HashSet<>();
      records.stream()
          .filter(r -> r.outcome() != AuditOutcome.PENDING)
          .forEach(r -> concluded.add(r.operationId()));
      List<AuditRecord> shown =
          records.stream()
              .filter(
                  r -> r.outcome() != AuditOutcome.PENDING || !concluded.contains(r.operationId()))
              .toList();
      out.println(
          "Dossier "
              + numero.value()
              + " de la CAF "
              + cafCode.value()
              + " : "
              + shown.size()
              + " opération(s) dans "
              + source);
      ZoneId zone = ZoneId.systemDefault();
      for (AuditRecord r : shown) {
        out.println(
            TIME.format(r.time().atZone(zone))
                + "  agent "
                + r.agent()
                + " (profil "
                + r.profile()
                + ", partenaire "
                + r.partner()
                + ")  "
                + what(r)
                + "  finalité "
                + r.finalite().map(Object::toString).orElse("—")
                + (r.finaliteDetailGiven()
                    ? " (" + r.finaliteDetail().orElse("précisée par l'agent") + ")"
                    : "")
                + "  → "
                + (r.outcome() == AuditOutcome.PENDING ? "sans issue enregistrée" : r.outcome())
                + r.requestId().map(id -> "  [requête " + id + "]").orElse(""));
      }
      out.flush();
      return intact ? ExitCodes.OK : ExitCodes.JOURNAL_NOT_INTACT;
    }

    private static String what(AuditRecord r) {
      return switch (r.operation()) {
        case TAB ->
            "onglet "
                + r.tab().map(t -> t.wireName()).orElse("?")
                + r.page().map(p -> " page " + p).orElse("");
        case ATTESTATION_PDF -> "attestation " + r.attestationType().map(Enum::name).orElse("?");
        case ATTESTATION_POSTALE ->
            "envoi postal d'attestation " + r.attestationType().map(Enum::name).orElse("?");
        case CONSULTATION -> "consultation";
        case DIALOGUE -> "message Dialogue";
        case CAF_SELECTION -> "sélection de la CAF";
      };
    }
  }
}
