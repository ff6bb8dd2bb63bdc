package net.cdapkit.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.benchmarks.client.SdkConfig;
import net.cdapkit.benchmarks.client.SdkConfig.Variant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What observability costs per call: one tab read (the synthèse) against the canned loopback server
 * by three clients taking turns, one iteration each, in one JVM — without a listener, with a
 * listener that does nothing, and with the Micrometer and OpenTelemetry listeners ({@link
 * #VARIANTS}). {@link ObservabilityRatio} runs it and prints the ratios taken within each cycle of
 * three iterations. Warm-up iteration counts must be multiples of three.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 150, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 180, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class ObservabilityBenchmark {
  /** The configurations, in the order they take turns. */
  public static final List<Variant> VARIANTS =
      List.of(Variant.PARTNER_DEFAULT, Variant.WITH_NOOP_LISTENER, Variant.WITH_MICROMETER_OTEL);

  /** One canned server and a dossier looked up by each configuration. */
  @State(Scope.Benchmark)
  public static class Clients {
    CannedServer server;
    final CdapSession[] sessions = new CdapSession[VARIANTS.size()];
    final Dossier[] dossiers = new Dossier[VARIANTS.size()];

    @Setup(Level.Trial)
    public void open() throws IOException {
      server = CannedServer.start(Fixtures.consultationRoutes());
      for (int i = 0; i < VARIANTS.size(); i++) {
        sessions[i] = SdkConfig.client(server.baseUrl(), VARIANTS.get(i)).authenticate();
        dossiers[i] =
            sessions[i]
                .selectCaf(SdkConfig.CAF)
                .consultDossier(SdkConfig.NUMERO, SdkConfig.FINALITE);
        Checks.expect(dossiers[i].synthese() != null, "synthèse of " + VARIANTS.get(i));
      }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      for (CdapSession session : sessions) {
        session.close();
      }
      server.close();
    }
  }

  /** One tab read on a dossier already looked up: the unit of "per call". */
  @Benchmark
  public Object tabRead(Turn turn, Clients clients) {
    return clients.dossiers[turn.of(VARIANTS.size())].synthese();
  }
}
