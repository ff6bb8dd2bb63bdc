package net.cdapkit.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.cdapkit.benchmarks.client.Demo;
import net.cdapkit.benchmarks.generated.invoker.ApiException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The comparisons of {@link ConsultationBenchmark} and {@link LargeDossierDecodeBenchmark}, with
 * the clients taking turns in one JVM: iteration {@code k} (warm-up included) measures client
 * {@code CLIENTS[k % 3]}. A ratio is then taken between iterations a second apart instead of a
 * minute apart, which on a machine shared with other work is the difference between a steady figure
 * and noise. JMH reports one mixed score per method; {@code Quick} splits the iterations by client.
 *
 * <p>The clients share the JIT's profile of the libraries they have in common (OkHttp, Okio,
 * Moshi), which a separate fork per client avoids: use the separate-fork benchmarks for absolute
 * figures, these for ratios. Warm-up iteration counts must be multiples of three.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 24, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class InterleavedBenchmark {
  /** The order in which the clients take turns, one iteration each. */
  public static final List<String> CLIENTS = List.of("sdk", "raw", "generated");

  /** The consultation of {@link ConsultationBenchmark}: look-up, synthèse, paiements. */
  @Benchmark
  public int consultation(
      Turn turn,
      ConsultationBenchmark.Sdk sdk,
      ConsultationBenchmark.Raw raw,
      ConsultationBenchmark.Generated generated)
      throws IOException, ApiException {
    switch (turn.of(CLIENTS.size())) {
      case 0:
        return ConsultationBenchmark.consult(sdk);
      case 1:
        return ConsultationBenchmark.consult(raw);
      default:
        return ConsultationBenchmark.consult(generated);
    }
  }

  /** One tab read (the synthèse) on a dossier already looked up: the unit of "per call". */
  @Benchmark
  public Object tabRead(
      Turn turn,
      ConsultationBenchmark.Sdk sdk,
      ConsultationBenchmark.Raw raw,
      ConsultationBenchmark.Generated generated)
      throws IOException, ApiException {
    switch (turn.of(CLIENTS.size())) {
      case 0:
        return sdk.dossier.synthese();
      case 1:
        return raw.client.synthese(raw.authorization, Demo.FINALITE, raw.reference);
      default:
        return generated.client.synthese(generated.reference);
    }
  }

  /** The 1,200-line decode of {@link LargeDossierDecodeBenchmark}. */
  @Benchmark
  public Object largeDecode(Turn turn, LargeDossierDecodeBenchmark decode) throws IOException {
    switch (turn.of(CLIENTS.size())) {
      case 0:
        return decode.sdk();
      case 1:
        return decode.moshiRecords();
      default:
        return decode.generated();
    }
  }
}
