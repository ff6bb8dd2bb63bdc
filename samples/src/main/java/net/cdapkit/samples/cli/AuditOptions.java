package net.cdapkit.samples.cli;

import java.nio.file.Path;
import java.time.Duration;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.JsonLinesAuditJournal;
import picocli.CommandLine.Option;

/**
 * The journal and logging options shared by the commands that consult dossiers: where the audit
 * journal and its key are, and whether the SDK's debug logging goes to stderr.
 */
final class AuditOptions {
  /** The journal's default path, relative to the current directory. */
  static final String DEFAULT_JOURNAL = "cdap-audit.jsonl";

  @Option(
      names = "--audit-file",
      paramLabel = "PATH",
      defaultValue = DEFAULT_JOURNAL,
      description =
          "Audit journal to append to, one JSON line per record (default: ./${DEFAULT-VALUE}).")
  Path auditFile;

  @Option(
      names = "--key-file",
      paramLabel = "PATH",
      description =
          "The journal's key file, created if missing (default: ~/.cdapkit/audit.key). Keep it"
              + " apart from the journal.")
  Path keyFile;

  @Option(
      names = "--verbose",
      description =
          "SDK debug logging on stderr: one line per HTTP attempt (operation, status, duration,"
              + " request id). Never personal data.")
  boolean verbose;

  Path keyFile() {
    return keyFile != null ? keyFile : AuditKey.defaultLocation();
  }

  /**
   * Opens the journal under its key, creating both if needed, shared: the file is locked around
   * each append only, so that parallel {@code cdap} runs on one journal extend one chain without
   * waiting for each other's whole run (an append waits up to a minute for another's).
   */
  JsonLinesAuditJournal open() {
    return JsonLinesAuditJournal.builder(auditFile, AuditKey.loadOrCreate(keyFile()))
        .shared(true)
        .lockWait(Duration.ofSeconds(60))
        .open();
  }

  /**
   * Turns on the SDK's debug logging, before its first logger is made: slf4j-simple reads a
   * logger's level from the system properties when the logger is created.
   */
  void applyLogging() {
    if (verbose) {
      System.setProperty("org.slf4j.simpleLogger.log.net.cdapkit", "debug");
    }
  }
}
