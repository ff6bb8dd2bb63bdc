package net.cdapkit.testkit;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /** Reads per thread: a fixed amount of work, timed, rather than a time slept through. */
  private static final int READS_PER_THREAD = 150;

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
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
          List<Future<Integer>> counts =
              java.util.stream.IntStream.range(0, THREADS)
                  .mapToObj(
                      t ->
                          pool.submit(
                              () -> {
                                go.await();
                                for (int n = 0; n < READS_PER_THREAD; n++) {
                                  dossier.synthese();
                                }
                                return READS_PER_THREAD;
                              }))
                  .toList();
          long start = System.nanoTime();
          go.countDown(); // all threads start reading together
          int reads = 0;
          for (Future<Integer> c : counts) {
            reads += c.get();
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          System.out.printf(
              "testkit: first_start_ms=%d next_start_ms=%d reads_per_s=%.0f%n",
              firstStartMs, nextStartMs, reads / seconds);
          // Every timed read reached the simulator, besides the warm-up's 200.
          sim.verify().assertCount(Operation.TAB_SYNTHESE, 200 + reads);
          sim.assertConformance();
        } finally {
          pool.shutdownNow();
        }
      }
    }
  }
}
