package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.Dossier;
import net.cdapkit.RateLimit;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import org.junit.jupiter.api.Test;

/**
 * What the simulator costs a partner's suite, for sizing it: the first start in a JVM (WireMock's
 * classes loaded and the contract read), a later start, and how many SDK reads a second it serves
 * with the default checks (contract conformance on, requests recorded). Runs in a failsafe
 * execution of its own, so its first start is the JVM's first. Prints {@code testkit:
 * first_start_ms= next_start_ms= reads_per_s=}; asserts no timing, only that the reads succeeded.
 */
class SimulatorFiguresIntegrationTest {
  private static final int THREADS = 4;
  private static final Duration READING = Duration.ofSeconds(3);

  @Test
  void figures_whenServingSdkReads_printsStartTimesAndThroughput() throws Exception {
    long t0 = System.nanoTime();
    CdapSimulator first =
        CdapSimulator.builder().conformance(Conformance.REQUESTS_AND_RESPONSES).build().start();
    long firstStartMs = (System.nanoTime() - t0) / 1_000_000;
    first.close();

    long t1 = System.nanoTime();
    try (CdapSimulator sim =
        CdapSimulator.builder().conformance(Conformance.REQUESTS_AND_RESPONSES).build().start()) {
      long nextStartMs = (System.nanoTime() - t1) / 1_000_000;
      CdapClient client =
          CdapClient.builder()
              .baseUrl(sim.baseUrl())
              .credentials(CredentialsProvider.of("demo-t1", CdapSimulator.DEMO_PASSWORD))
              .rateLimit(RateLimit.none())
              .build();
      Finalite finalite = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "mesure");
      try (CdapSession session = client.authenticate()) {
        Dossier dossier = session.selectCaf("751").consultDossier("9900001", finalite);
        for (int i = 0; i < 200; i++) {
          dossier.synthese(); // warm-up: JIT and connections
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
          List<Future<Integer>> counts =
              java.util.stream.IntStream.range(0, THREADS)
                  .mapToObj(
                      t ->
                          pool.submit(
                              () -> {
                                int n = 0;
                                while (!stop.get()) {
                                  dossier.synthese();
                                  n++;
                                }
                                return n;
                              }))
                  .toList();
          long start = System.nanoTime();
          Thread.sleep(READING.toMillis());
          stop.set(true);
          int reads = 0;
          for (Future<Integer> c : counts) {
            reads += c.get();
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          System.out.printf(
              "testkit: first_start_ms=%d next_start_ms=%d reads_per_s=%.0f%n",
              firstStartMs, nextStartMs, reads / seconds);
          assertThat(reads).isPositive();
          sim.assertConformance();
        } finally {
          pool.shutdownNow();
        }
      }
    }
  }
}
