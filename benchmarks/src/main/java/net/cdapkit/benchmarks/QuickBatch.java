package net.cdapkit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.cdapkit.benchmarks.client.BatchMain;
import net.cdapkit.model.CafCode;
import net.cdapkit.testkit.Catalogue;

/**
 * The batch part of {@link Quick}: the simulator in its own process, enforcing the rate it
 * declares, and {@link BatchMain} in another JVM with {@code -Xmx64m} handing a file of numéros to
 * the SDK's batch API. Prints the {@code batch:} line.
 */
final class QuickBatch {
  private final Quick quick;

  QuickBatch(Quick quick) {
    this.quick = quick;
  }

  String run() throws IOException, InterruptedException {
    int n = quick.settings.batchItems();
    int rate = quick.settings.batchRate();
    Quick.banner(
        "Batch: "
            + n
            + " consultations of CAF "
            + BATCH_CAF.value()
            + " (look-up + synthèse) through the SDK's batch API, against the simulator in its own"
            + " process enforcing "
            + 2 * rate
            + " requests/s ("
            + rate
            + " consultations/s); SDK JVM -Xmx64m");
    Path targets = quick.work.resolve("batch-targets.txt");
    writeTargets(targets, n);
    Process simulator =
        new ProcessBuilder(
                Quick.javaExecutable(),
                "-cp",
                quick.target.resolve("benchmarks.jar").toString(),
                SimulatorMain.class.getName(),
                "0",
                // a consultation is two requests: the look-up and the tab
                Integer.toString(2 * rate))
            .redirectError(quick.work.resolve("simulator.stderr.log").toFile())
            .start();
    try {
      BufferedReader simOut =
          new BufferedReader(
              new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
      String first = simOut.readLine();
      if (first == null || !first.startsWith("simulator ")) {
        throw new IllegalStateException("the simulator did not start; see simulator.stderr.log");
      }
      String url = first.substring("simulator ".length()).trim();
      List<String> command = new ArrayList<>();
      command.add(Quick.javaExecutable());
      command.add("-Xmx64m");
      command.add("-cp");
      command.add(String.join(java.io.File.pathSeparator, quick.sdkClasspath()));
      command.add(BatchMain.class.getName());
      command.add(url);
      command.add(BATCH_CAF.value());
      command.add(targets.toString());
      command.add(Integer.toString(quick.settings.batchConcurrency()));
      Process batch =
          new ProcessBuilder(command)
              .redirectError(quick.work.resolve("batch.stderr.log").toFile())
              .start();
      Map<String, String> result = new HashMap<>();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(batch.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          System.out.println("  " + line);
          if (line.startsWith("batch-result ")) {
            for (String kv : line.substring("batch-result ".length()).split(" ")) {
              String[] p = kv.split("=", 2);
              result.put(p[0], p[1]);
            }
          }
        }
      }
      batch.waitFor(10, TimeUnit.MINUTES);
      long ok = Long.parseLong(result.getOrDefault("ok", "0"));
      long failed = Long.parseLong(result.getOrDefault("failed", "0"));
      long lost = n - ok - failed;
      double wall = Long.parseLong(result.getOrDefault("wall_ms", "0")) / 1000.0;
      double ideal = (double) n / rate;
      quick.row(
          "batch " + n + " at " + rate + "/s, -Xmx64m",
          String.format(
              Locale.ROOT,
              "wall %.2f s (ideal %.2f s), ok %d, failed %d, lost %d, 429 %s, heap peak ≤ %s MB,"
                  + " GC %s ms",
              wall,
              ideal,
              ok,
              failed,
              lost,
              result.get("http_429"),
              result.get("heap_peak_mb"),
              result.get("gc_ms")));
      return String.format(
          Locale.ROOT,
          "batch: n=%d rate=%d wall_s=%.2f ideal_s=%.2f ratio=%.3f http_429=%s lost=%d"
              + " heap_max_mb=64",
          n,
          rate,
          wall,
          ideal,
          wall / ideal,
          result.getOrDefault("http_429", "?"),
          lost);
    } finally {
      simulator.getOutputStream().close();
      if (!simulator.waitFor(10, TimeUnit.SECONDS)) {
        simulator.destroy();
      }
    }
  }

  /** The CAF of the batch: a batch consults dossiers of one CAF, as {@code cdap batch --caf}. */
  private static final CafCode BATCH_CAF = CafCode.of("751");

  /** {@code n} numéros of the batch's CAF, one per line, cycling over the catalogue's dossiers. */
  private static void writeTargets(Path file, int n) throws IOException {
    List<String> numeros =
        Catalogue.standard().dossiers().stream()
            .filter(d -> d.caf().equals(BATCH_CAF))
            .map(d -> d.numeroAllocataire().value())
            .collect(Collectors.toList());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        w.write(numeros.get(i % numeros.size()));
        w.write('\n');
      }
    }
  }
}
