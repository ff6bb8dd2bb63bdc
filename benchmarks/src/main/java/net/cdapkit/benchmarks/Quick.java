package net.cdapkit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.cdapkit.benchmarks.client.ColdStart;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
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

  final Settings settings;
  final Path target;
  final Path work;
  private final Map<String, String> table = new LinkedHashMap<>();
  private final int pinnedCpu;
  private final Path pinnedJvm;

  private Quick(Settings settings, Path target) throws IOException {
    this.settings = settings;
    this.target = target;
    this.work = Files.createDirectories(target.resolve("quick"));
    this.pinnedCpu = Runtime.getRuntime().availableProcessors() - 1;
    this.pinnedJvm = PinnedJvm.launcher(work, pinnedCpu);
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
    String batch = parts.contains("batch") ? new QuickBatch(quick).run() : null;
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

    Turns consultation = Turns.need(turns, "consultation");
    Turns journaled = Turns.need(turns, "consultation[WITH_AUDIT_JOURNAL]");
    Turns tabRead = Turns.need(turns, "tabRead");
    Turns decode = Turns.need(turns, "largeDecode");
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

  void row(String what, String value) {
    table.put(what, value);
  }

  static void banner(String text) {
    System.out.println();
    System.out.println("== " + text);
  }

  // ---------------------------------------------------------------------------------- processes

  List<String> sdkClasspath() {
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

  static String javaExecutable() {
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
