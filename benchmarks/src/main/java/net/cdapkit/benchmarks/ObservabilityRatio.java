package net.cdapkit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
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
    int cpu = Runtime.getRuntime().availableProcessors() - 1;
    Path dir = Files.createTempDirectory("cdapkit-observability");
    dir.toFile().deleteOnExit();
    Path launcher = PinnedJvm.launcher(dir, cpu);
    if (launcher != null) {
      launcher.toFile().deleteOnExit();
      options.jvm(launcher.toString());
    }
    System.out.println(
        "== observability: one tab read, "
            + ObservabilityBenchmark.VARIANTS
            + " taking turns"
            + (launcher != null ? ", pinned to CPU " + cpu : ""));
    Turns turns = new Turns(clients);
    for (RunResult r : new Runner(options.build()).run()) {
      for (BenchmarkResult fork : r.getBenchmarkResults()) {
        turns.addFork(fork.getIterationResults());
      }
    }
    Turns.need(Map.of("ObservabilityBenchmark", turns), "ObservabilityBenchmark");
    for (int c = 0; c < clients; c++) {
      System.out.printf(
          Locale.ROOT,
          "   %-22s %.1f µs/op median of %d iterations%n",
          ObservabilityBenchmark.VARIANTS.get(c),
          turns.median(c),
          turns.cycles.size());
    }
    System.out.printf(
        Locale.ROOT,
        "observability: listener_noop_vs_none=%.3f micrometer_otel_vs_noop=%.3f%n",
        turns.medianRatio(1, 0),
        turns.medianRatio(2, 1));
  }
}
