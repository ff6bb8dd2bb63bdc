package net.cdapkit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.cdapkit.benchmarks.client.BatchMain;
import net.cdapkit.benchmarks.client.ColdStart;
import net.cdapkit.model.CafCode;
import net.cdapkit.testkit.Catalogue;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every measurement of the performance issue and prints the three summary lines ({@code
 * bench:}, {@code batch:}, {@code cold-start:}) and a Markdown table: JMH (SDK vs raw vs generated,
 * large decode, allocation), cold start in fresh JVMs (with and without an AppCDS archive), and a
 * paced batch against the simulator in its own process.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar net.cdapkit.benchmarks.Quick [--full] [--only
 * jmh,cold,batch]}; {@code benchmarks/quick} builds and runs it. Quick settings keep the whole run
 * under five minutes on two cores; {@code --full} measures longer, in two forks, adds the
 * separate-fork suites (absolute figures, and the SDK's per-request costs one by one), runs more
 * cold starts, and the same 10,000-item batch.
 */
public final class Quick {
  private static final String SDK = "PARTNER_DEFAULT";

  /**
   * The jars of the SDK's own run-time class path (sdk-core's dependencies), by artifact name: the
   * cold-start and batch processes run on these only, as a partner application would, and not on
   * the benchmark tools (JMH, WireMock, Gson).
   */
  private static final List<String> SDK_RUNTIME_JARS =
      List.of(
          "cdapkit-sdk-core-",
          "retrofit-",
          "converter-moshi-",
          "okhttp-jvm-",
          "okio-jvm-",
          "moshi-",
          "kotlin-stdlib-",
          "slf4j-api-",
          "value-annotations-",
          "annotations-");

  /** How much to measure. */
  record Settings(
      boolean full,
      int forks,
      int warmupTurns,
      int measuredTurns,
      int turnMillis,
      int coldRuns,
      int batchItems,
      int batchRate,
      int batchConcurrency) {
    static final Settings QUICK = new Settings(false, 1, 60, 60, 100, 5, 10_000, 500, 64);
    static final Settings FULL = new Settings(true, 2, 150, 150, 100, 15, 10_000, 500, 64);
  }

  private final Settings settings;
  private final Path target;
  private final Path work;
  private final Map<String, String> table = new LinkedHashMap<>();
  private final int pinnedCpu;
  private final Path pinnedJvm;

  private Quick(Settings settings, Path target) throws IOException {
    this.settings = settings;
    this.target = target;
    this.work = Files.createDirectories(target.resolve("quick"));
    this.pinnedCpu = Runtime.getRuntime().availableProcessors() - 1;
    this.pinnedJvm = pinnedJvm(work, pinnedCpu);
  }

  /**
   * A launcher that runs the JVM on one CPU ({@code taskset}), or null where there is none. The
   * interleaved JMH forks run on it: the client, the canned server, the JIT and the kernel then
   * share one CPU, a figure is the whole work of a call, and where the scheduler puts threads, or
   * what else runs on the other CPUs, no longer moves it much.
   */
  private static Path pinnedJvm(Path work, int cpu) throws IOException {
    Path taskset = Path.of("/usr/bin/taskset");
    if (!Files.isExecutable(taskset)) {
      return null;
    }
    Path launcher = work.resolve("java-on-cpu-" + cpu);
    Files.writeString(
        launcher,
        "#!/bin/sh\nexec " + taskset + " -c " + cpu + " '" + javaExecutable() + "' \"$@\"\n",
        StandardCharsets.UTF_8);
    if (!launcher.toFile().setExecutable(true)) {
      return null;
    }
    return launcher;
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.QUICK;
    Set<String> parts = Set.of("jmh", "cold", "batch");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--full" -> settings = Settings.FULL;
        case "--only" -> parts = Set.of(i + 1 < args.length ? args[++i].split(",") : new String[0]);
        default -> {
          System.err.println("usage: Quick [--full] [--only jmh,cold,batch]");
          System.exit(2);
        }
      }
    }
    Quick quick = new Quick(settings, targetDirectory());
    String loadBefore = loadAverage();
    String bench = parts.contains("jmh") ? quick.jmh() : null;
    String cold = parts.contains("cold") ? quick.coldStart() : null;
    String batch = parts.contains("batch") ? quick.batch() : null;
    quick.row(
        "machine",
        String.format(
            Locale.ROOT,
            "%d CPUs, Java %s, load average (1 min) %s at start, %s at end%s",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            loadBefore,
            loadAverage(),
            settings.full() ? "; --full" : "; quick settings"));
    quick.report(bench, batch, cold);
  }

  /** The 1-minute load average, which says how much other work shared the machine. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** {@code benchmarks/target}: where this class's jar is (or its {@code classes} directory). */
  private static Path targetDirectory() throws URISyntaxException {
    return Path.of(Quick.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getParent();
  }

  // ------------------------------------------------------------------------------------------ JMH

  /**
   * Runs {@link InterleavedBenchmark} (the three clients taking turns, one iteration each, in one
   * fork per method) and, with {@code --full}, the separate-fork suites too. The {@code bench:}
   * ratios are medians over cycles of ratios taken within a cycle (three consecutive iterations),
   * so that the load of a shared machine, which drifts over seconds, touches both sides alike.
   */
  private String jmh() throws RunnerException {
    banner("JMH: consultation (SDK, raw OkHttp + Moshi, generated) and large-dossier decoding");
    Map<String, Turns> turns = new LinkedHashMap<>();
    int clients = InterleavedBenchmark.CLIENTS.size();
    for (RunResult r :
        runJmh("InterleavedBenchmark\\.(consultation|tabRead|largeDecode)", clients)) {
      String method = r.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      String variant = r.getParams().getParam("variant");
      String key = variant == null || variant.equals(SDK) ? method : method + "[" + variant + "]";
      Turns t = turns.computeIfAbsent(key, k -> new Turns(clients));
      for (BenchmarkResult fork : r.getBenchmarkResults()) {
        t.addFork(fork.getIterationResults());
      }
    }
    Collection<RunResult> separate =
        settings.full()
            ? runJmh("ConsultationBenchmark|LargeDossierDecodeBenchmark|HotPathCostsBenchmark", 0)
            : List.of();
    if (settings.full()) {
      breakdown();
    }

    Turns consultation = need(turns, "consultation");
    Turns journaled = need(turns, "consultation[WITH_AUDIT_JOURNAL]");
    Turns tabRead = need(turns, "tabRead");
    Turns decode = need(turns, "largeDecode");
    String[] labels = {"SDK", "raw OkHttp + Moshi", "generated client"};
    String[] decoders = {"SDK", "Moshi into records", "generated client (Gson)"};
    for (int c = 0; c < 3; c++) {
      row("consultation (3 requests), " + labels[c], consultation.describe(c));
    }
    row("  SDK / raw, per cycle", consultation.ratios(0, 1));
    row("  SDK / generated, per cycle", consultation.ratios(0, 2));
    row("consultation, SDK with the file audit journal", journaled.describe(0));
    row("  journaled SDK / raw, per cycle", journaled.ratios(0, 1));
    for (int c = 0; c < 3; c++) {
      row("one tab read (synthèse), " + labels[c], tabRead.describe(c));
    }
    for (int c = 0; c < 3; c++) {
      row("decode 1,200 payments, " + decoders[c], decode.describe(c));
    }
    row("  SDK / Moshi records, per cycle", decode.ratios(0, 1));
    for (RunResult r : separate) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      String variant = r.getParams().getParam("variant");
      double alloc = Double.NaN;
      for (String secondary : r.getSecondaryResults().keySet()) {
        if (secondary.endsWith("gc.alloc.rate.norm")) {
          alloc = r.getSecondaryResults().get(secondary).getScore();
        }
      }
      row(
          "separate forks: " + name + (variant == null ? "" : "[" + variant + "]"),
          String.format(
              Locale.ROOT,
              "%.3f ± %.3f %s; %.2f KB/op",
              r.getPrimaryResult().getScore(),
              r.getPrimaryResult().getScoreError(),
              r.getPrimaryResult().getScoreUnit(),
              alloc / 1024.0));
    }
    turns.forEach(
        (key, t) -> {
          if (key.contains("[")) {
            row(key + ", SDK", t.describe(0));
            row(key + ", SDK / raw", String.format(Locale.ROOT, "%.2f", t.medianRatio(0, 1)));
          }
        });

    return String.format(
        Locale.ROOT,
        "bench: sdk_vs_raw=%.2f sdk_vs_generated=%.2f journaled_vs_raw=%.2f large_decode_ms=%.2f"
            + " decode_vs_moshi=%.2f alloc_per_call_kb=%.1f",
        consultation.medianRatio(0, 1),
        consultation.medianRatio(0, 2),
        journaled.medianRatio(0, 1),
        decode.median(0) / 1000.0,
        decode.medianRatio(0, 1),
        tabRead.allocBytes(0) / 1024.0);
  }

  /** Runs the benchmarks matching a pattern with this run's settings (or their annotations). */
  private Collection<RunResult> runJmh(String pattern, int turnsPerCycle) throws RunnerException {
    boolean interleaved = turnsPerCycle > 0;
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(pattern)
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .resultFormat(ResultFormatType.JSON)
            .result(work.resolve(resultFile(pattern, interleaved)).toString())
            // Hundreds of short interleaved iterations: JMH's line per iteration would bury
            // the rest; the table below summarises them and the JSON file keeps them all.
            .verbosity(interleaved ? VerboseMode.SILENT : VerboseMode.NORMAL);
    if (interleaved) {
      System.out.println(
          "   running "
              + pattern
              + (pinnedJvm != null ? " pinned to CPU " + pinnedCpu : " (not pinned: no taskset)")
              + "; JMH output silenced, raw data in "
              + work.resolve(resultFile(pattern, interleaved)));
      if (pinnedJvm != null) {
        options.jvm(pinnedJvm.toString());
      }
      options
          .forks(settings.forks())
          .warmupIterations(settings.warmupTurns() * turnsPerCycle)
          .warmupTime(TimeValue.milliseconds(settings.turnMillis()))
          .measurementIterations(settings.measuredTurns() * turnsPerCycle)
          .measurementTime(TimeValue.milliseconds(settings.turnMillis()));
    }
    return new Runner(options.build()).run();
  }

  private static String resultFile(String pattern, boolean interleaved) {
    String name = pattern.replaceAll("[^A-Za-z]+.*", "");
    return "jmh-" + (interleaved ? name : "separate-forks") + ".json";
  }

  /** Runs {@link OverheadBreakdownBenchmark}: what each of the SDK's features adds to a call. */
  private void breakdown() throws RunnerException {
    int steps = OverheadBreakdownBenchmark.STEPS.size();
    Turns t = new Turns(steps);
    for (RunResult r : runJmh("OverheadBreakdownBenchmark", steps)) {
      for (BenchmarkResult fork : r.getBenchmarkResults()) {
        t.addFork(fork.getIterationResults());
      }
    }
    if (t.cycles.isEmpty()) {
      return;
    }
    for (int step = 0; step < steps; step++) {
      String increment =
          step == 0
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; %+.1f µs (%+.1f %% of raw) over the previous step",
                  t.median(step) - t.median(step - 1),
                  100 * (t.median(step) - t.median(step - 1)) / t.median(0));
      row(
          "breakdown, one tab read: " + OverheadBreakdownBenchmark.STEPS.get(step),
          String.format(Locale.ROOT, "%.1f µs/op median", t.median(step)) + increment);
    }
  }

  /**
   * The measurement iterations of an interleaved benchmark, split by client: iteration {@code j} of
   * a fork measured client {@code j % 3}, since warm-up counts are multiples of three.
   */
  private static final class Turns {
    final int clients;

    /** Per cycle: {score µs/op, allocated B/op} of each client. */
    final List<double[][]> cycles = new ArrayList<>();

    Turns(int clients) {
      this.clients = clients;
    }

    void addFork(Collection<IterationResult> iterations) {
      List<IterationResult> list = new ArrayList<>(iterations);
      for (int start = 0; start + clients <= list.size(); start += clients) {
        double[][] cycle = new double[clients][];
        for (int c = 0; c < clients; c++) {
          IterationResult it = list.get(start + c);
          double alloc = Double.NaN;
          for (String name : it.getSecondaryResults().keySet()) {
            if (name.endsWith("gc.alloc.rate.norm")) {
              alloc = it.getSecondaryResults().get(name).getScore();
            }
          }
          cycle[c] = new double[] {it.getPrimaryResult().getScore(), alloc};
        }
        cycles.add(cycle);
      }
    }

    double[] scores(int client) {
      return cycles.stream().mapToDouble(cycle -> cycle[client][0]).toArray();
    }

    double median(int client) {
      return medianOf(scores(client));
    }

    double best(int client) {
      return Arrays.stream(scores(client)).min().orElse(Double.NaN);
    }

    double allocBytes(int client) {
      return medianOf(cycles.stream().mapToDouble(cycle -> cycle[client][1]).toArray());
    }

    double[] ratioArray(int a, int b) {
      return cycles.stream().mapToDouble(cycle -> cycle[a][0] / cycle[b][0]).toArray();
    }

    double medianRatio(int a, int b) {
      return medianOf(ratioArray(a, b));
    }

    String ratios(int a, int b) {
      double[] r = ratioArray(a, b);
      Arrays.sort(r);
      return String.format(
          Locale.ROOT,
          "median %.2f (of %d cycles; quartiles %.2f–%.2f)",
          medianOf(r),
          r.length,
          r[r.length / 4],
          r[(3 * r.length) / 4]);
    }

    String describe(int client) {
      return String.format(
          Locale.ROOT,
          "%.1f µs/op median, %.1f best (%d iterations); %.1f KB/op",
          median(client),
          best(client),
          cycles.size(),
          allocBytes(client) / 1024.0);
    }
  }

  private static Turns need(Map<String, Turns> turns, String key) {
    Turns t = turns.get(key);
    if (t == null || t.cycles.isEmpty()) {
      throw new IllegalStateException("JMH produced no result for " + key + ": " + turns.keySet());
    }
    return t;
  }

  private static double medianOf(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  // ----------------------------------------------------------------------------------- cold start

  private String coldStart() throws IOException, InterruptedException {
    banner("Cold start: fresh JVMs that authenticate, consult and read the synthèse");
    List<String> classpath = sdkClasspath();
    Path archiveSdk = work.resolve("cdap-sdk.jsa");
    Path archiveRaw = work.resolve("cdap-raw.jsa");
    Files.deleteIfExists(archiveSdk);
    Files.deleteIfExists(archiveRaw);
    try (CannedServer server = CannedServer.start(Fixtures.consultationRoutes())) {
      String url = server.baseUrl();
      // One discarded run each: the first reads the jars from disk into the page cache.
      cold(classpath, List.of(), "sdk", url);
      cold(classpath, List.of(), "raw", url);
      // The CDS recipe, step 1: one training run that writes the archive at exit.
      cold(classpath, List.of("-XX:ArchiveClassesAtExit=" + archiveSdk), "sdk", url);
      cold(classpath, List.of("-XX:ArchiveClassesAtExit=" + archiveRaw), "raw", url);
      List<String> cdsSdk = List.of("-XX:SharedArchiveFile=" + archiveSdk);
      List<String> cdsRaw = List.of("-XX:SharedArchiveFile=" + archiveRaw);
      List<String> c1 = List.of("-XX:TieredStopAtLevel=1");
      Map<String, List<Long>> times = new LinkedHashMap<>();
      for (int i = 0; i < settings.coldRuns(); i++) {
        // Interleaved, so that drift in the machine's load touches every flow alike.
        times
            .computeIfAbsent("sdk", k -> new ArrayList<>())
            .add(cold(classpath, List.of(), "sdk", url));
        times
            .computeIfAbsent("raw", k -> new ArrayList<>())
            .add(cold(classpath, List.of(), "raw", url));
        times
            .computeIfAbsent("sdk+cds", k -> new ArrayList<>())
            .add(cold(classpath, cdsSdk, "sdk", url));
        times
            .computeIfAbsent("sdk+cds+c1", k -> new ArrayList<>())
            .add(cold(classpath, concat(cdsSdk, c1), "sdk", url));
        times
            .computeIfAbsent("raw+cds+c1", k -> new ArrayList<>())
            .add(cold(classpath, concat(cdsRaw, c1), "raw", url));
      }
      Map<String, Long> median = new LinkedHashMap<>();
      times.forEach((k, v) -> median.put(k, median(v)));
      times.forEach(
          (k, v) ->
              row(
                  "cold start, " + k,
                  median.get(k) + " ms (median of " + v.size() + ", min " + min(v) + ")"));
      long sdk = median.get("sdk");
      long raw = median.get("raw");
      // The recipe the README documents: the AppCDS archive and C1 only.
      long cds = median.get("sdk+cds+c1");
      return String.format(
          Locale.ROOT,
          "cold-start: sdk_ms=%d raw_ms=%d ratio=%.2f cds_ms=%d",
          sdk,
          raw,
          (double) sdk / raw,
          cds);
    }
  }

  /** Runs one cold flow; returns milliseconds from the process start to its result line. */
  private long cold(List<String> classpath, List<String> jvmFlags, String flow, String url)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(String.join(java.io.File.pathSeparator, classpath));
    command.add(ColdStart.class.getName());
    command.add(flow);
    command.add(url);
    Path log = work.resolve("cold-" + flow + ".stderr.log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
    long started = System.nanoTime();
    Process process = pb.start();
    long atResult = -1;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (atResult < 0 && line.startsWith("result ")) {
          atResult = System.nanoTime();
        }
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || atResult < 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "cold start " + flow + " " + jvmFlags + " failed; see " + log);
    }
    return TimeUnit.NANOSECONDS.toMillis(atResult - started);
  }

  // ---------------------------------------------------------------------------------------- batch

  private String batch() throws IOException, InterruptedException {
    int n = settings.batchItems();
    int rate = settings.batchRate();
    banner(
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
    Path targets = work.resolve("batch-targets.txt");
    writeTargets(targets, n);
    Process simulator =
        new ProcessBuilder(
                javaExecutable(),
                "-cp",
                target.resolve("benchmarks.jar").toString(),
                SimulatorMain.class.getName(),
                "0",
                // a consultation is two requests: the look-up and the tab
                Integer.toString(2 * rate))
            .redirectError(work.resolve("simulator.stderr.log").toFile())
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
      command.add(javaExecutable());
      command.add("-Xmx64m");
      command.add("-cp");
      command.add(String.join(java.io.File.pathSeparator, sdkClasspath()));
      command.add(BatchMain.class.getName());
      command.add(url);
      command.add(BATCH_CAF.value());
      command.add(targets.toString());
      command.add(Integer.toString(settings.batchConcurrency()));
      Process batch =
          new ProcessBuilder(command)
              .redirectError(work.resolve("batch.stderr.log").toFile())
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
      row(
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

  // --------------------------------------------------------------------------------------- report

  private void report(String bench, String batch, String cold) throws IOException {
    banner("Results");
    StringBuilder md = new StringBuilder();
    md.append("| measurement | result |\n|---|---|\n");
    table.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    System.out.print(md);
    Files.writeString(work.resolve("performance.md"), md.toString(), StandardCharsets.UTF_8);
    System.out.println();
    Stream.of(bench, batch, cold).filter(s -> s != null).forEach(System.out::println);
  }

  private void row(String what, String value) {
    table.put(what, value);
  }

  private static void banner(String text) {
    System.out.println();
    System.out.println("== " + text);
  }

  // ---------------------------------------------------------------------------------- processes

  private List<String> sdkClasspath() {
    Path lib = target.resolve("lib");
    List<String> jars = new ArrayList<>();
    jars.add(target.resolve("benchmarks-client.jar").toString());
    try (Stream<Path> files = Files.list(lib)) {
      files
          .filter(p -> SDK_RUNTIME_JARS.stream().anyMatch(p.getFileName().toString()::startsWith))
          .sorted()
          .forEach(p -> jars.add(p.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jars;
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
    return sorted.get(sorted.size() / 2);
  }

  private static long min(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).min().orElse(-1);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
