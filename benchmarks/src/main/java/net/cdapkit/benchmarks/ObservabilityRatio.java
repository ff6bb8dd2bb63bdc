package net.cdapkit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link ObservabilityBenchmark} and prints what listening costs per call:
 *
 * <pre>
 * observability: listener_noop_vs_none=1.00 micrometer_otel_vs_noop=1.02
 * </pre>
 *
 * <p>Each ratio is the median, over cycles of three consecutive iterations, of the ratio of two
 * configurations' times within a cycle, so that the load of a shared machine, which drifts over
 * seconds, touches both sides alike. The target is {@code micrometer_otel_vs_noop} ≤ 1.05.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar net.cdapkit.benchmarks.ObservabilityRatio}
 * after {@code mvn -B -q -DskipTests -pl benchmarks -am package}. The JMH fork runs on one CPU when
 * {@code taskset} exists, as {@code Quick}'s interleaved runs do.
 */
public final class ObservabilityRatio {
  private ObservabilityRatio() {}

  public static void main(String[] args) throws Exception {
    int clients = ObservabilityBenchmark.VARIANTS.size();
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(ObservabilityBenchmark.class.getName() + "\\.")
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT);
    Path taskset = Path.of("/usr/bin/taskset");
    int cpu = Runtime.getRuntime().availableProcessors() - 1;
    if (Files.isExecutable(taskset)) {
      Path launcher = Files.createTempFile("java-on-cpu-", ".sh");
      launcher.toFile().deleteOnExit();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Files.writeString(
          launcher, "#!/bin/sh\nexec " + taskset + " -c " + cpu + " '" + java + "' \"$@\"\n");
      if (launcher.toFile().setExecutable(true)) {
        options.jvm(launcher.toString());
      }
    }
    System.out.println(
        "== observability: one tab read, "
            + ObservabilityBenchmark.VARIANTS
            + " taking turns"
            + (Files.isExecutable(taskset) ? ", pinned to CPU " + cpu : ""));
    List<double[]> cycles = new ArrayList<>();
    for (RunResult r : new Runner(options.build()).run()) {
      for (BenchmarkResult fork : r.getBenchmarkResults()) {
        List<IterationResult> its = new ArrayList<>(fork.getIterationResults());
        for (int start = 0; start + clients <= its.size(); start += clients) {
          double[] cycle = new double[clients];
          for (int c = 0; c < clients; c++) {
            cycle[c] = its.get(start + c).getPrimaryResult().getScore();
          }
          cycles.add(cycle);
        }
      }
    }
    if (cycles.isEmpty()) {
      throw new IllegalStateException("JMH produced no iteration of ObservabilityBenchmark");
    }
    for (int c = 0; c < clients; c++) {
      int client = c;
      System.out.printf(
          Locale.ROOT,
          "   %-22s %.1f µs/op median of %d iterations%n",
          ObservabilityBenchmark.VARIANTS.get(c),
          median(cycles.stream().mapToDouble(cycle -> cycle[client]).toArray()),
          cycles.size());
    }
    double noopVsNone = median(cycles.stream().mapToDouble(x -> x[1] / x[0]).toArray());
    double otelVsNoop = median(cycles.stream().mapToDouble(x -> x[2] / x[1]).toArray());
    System.out.printf(
        Locale.ROOT,
        "observability: listener_noop_vs_none=%.3f micrometer_otel_vs_noop=%.3f%n",
        noopVsNone,
        otelVsNoop);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
