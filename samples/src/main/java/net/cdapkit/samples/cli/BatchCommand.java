package net.cdapkit.samples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import net.cdapkit.BatchProgress;
import net.cdapkit.ModelJson;
import net.cdapkit.RateLimit;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Reads one tab of many dossiers, paced, and prints one JSON line per dossier. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Consults every numéro of FILE (one per line) in one CAF and prints one JSON line per"
          + " dossier on stdout, as results arrive; a progress bar goes to the terminal.",
      "Against the embedded simulator by default; with --server URL, credentials are read from"
          + " CDAP_LOGIN and CDAP_PASSWORD."
    })
final class BatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--caf", required = true, description = "CAF code, 3 digits.")
  String caf;

  @Option(names = "--file", required = true, description = "Numéros allocataire, one per line.")
  Path file;

  @Option(names = "--tab", required = true, description = "The tab to read, e.g. logement.")
  String tab;

  @Option(
      names = "--rate",
      description = "Requests per second (default: the rate the server declares).")
  Double rate;

  @Option(
      names = "--concurrency",
      defaultValue = "8",
      description = "Dossiers in flight (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--server", description = "Base URL of a server.")
  String server;

  @Option(
      names = "--profile",
      defaultValue = "T1",
      description =
          "Embedded simulator only: the demo agent's profile (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--finalite", description = "Finalité code (default: the session's first).")
  String finalite;

  @Mixin AuditOptions audit;

  @Override
  public Integer call() throws IOException {
    Tab selected =
        Tab.fromName(tab).orElseThrow(() -> new InvalidInputException("Unknown tab '" + tab + "'"));
    if (rate != null && !(rate > 0)) {
      throw new InvalidInputException("--rate must be positive");
    }
    if (!Files.isReadable(file)) {
      throw new InvalidInputException("--file cannot be read: " + file);
    }
    PrintWriter out = TerminalText.safe(spec.commandLine().getOut());
    PrintWriter err = spec.commandLine().getErr();
    boolean terminal = System.console() != null;
    RateLimit limit = rate == null ? RateLimit.serverDeclared() : RateLimit.perSecond(rate);
    audit.applyLogging();
    try (JsonLinesAuditJournal journal = audit.open();
        Connection connection = Connection.open(server, profile, journal, limit);
        BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      FinaliteCode code =
          finalite != null
              ? FinaliteCode.of(finalite)
              : connection.session.habilitations().finalites().stream()
                  .findFirst()
                  .orElseThrow(() -> new InvalidInputException("The session allows no finalité"));
      BatchProgress summary =
          connection
              .session
              .selectCaf(caf)
              .batch()
              .finalite(Finalite.of(code))
              .tabs(selected)
              .concurrency(concurrency)
              .onProgress(
                  p -> {
                    if (terminal && (p.completed() % 25 == 0)) {
                      err.printf(
                          Locale.ROOT,
                          "\r%,d dossiers (%d failed) · %.1f/s",
                          p.completed(),
                          p.failed(),
                          p.ratePerSecond());
                      err.flush();
                    }
                  })
              .runNumeros(
                  lines.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")),
                  item -> {
                    StringBuilder json = new StringBuilder();
                    json.append("{\"index\":").append(item.index());
                    json.append(",\"numeroAllocataire\":\"")
                        .append(item.numero().value())
                        .append('"');
                    json.append(",\"tab\":\"").append(selected.wireName()).append('"');
                    if (item.succeeded()) {
                      json.append(",\"ok\":true,\"value\":")
                          .append(toJson(item.tab(selected).orElseThrow()));
                    } else {
                      json.append(",\"ok\":false,\"error\":\"")
                          .append(item.failure().orElseThrow().getClass().getSimpleName())
                          .append('"');
                    }
                    out.println(json.append('}'));
                  });
      out.flush();
      if (terminal) {
        err.println();
      }
      err.printf(
          Locale.ROOT,
          "batch: %d dossiers, %d failed, %.1f s%n",
          summary.completed(),
          summary.failed(),
          summary.elapsed().toMillis() / 1000.0);
    }
    return ExitCodes.OK;
  }

  private static String toJson(Object value) {
    if (value instanceof java.util.List) {
      StringBuilder b = new StringBuilder("[");
      for (Object o : (java.util.List<?>) value) {
        if (b.length() > 1) {
          b.append(',');
        }
        b.append(ModelJson.toJson(o, false));
      }
      return b.append(']').toString();
    }
    return ModelJson.toJson(value, false);
  }
}
