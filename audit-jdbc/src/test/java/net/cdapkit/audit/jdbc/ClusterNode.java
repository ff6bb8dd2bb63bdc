package net.cdapkit.audit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.cdapkit.CafContext;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.RetryPolicy;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditOperation;
import net.cdapkit.audit.AuditOutcome;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.audit.AuditSink;
import net.cdapkit.audit.UsageGuard;
import net.cdapkit.error.RateLimitedException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.testkit.CdapSimulator;

/**
 * One node of {@link ClusterIntegrationTest}, in a JVM of its own: its own client, pool and
 * sessions of the simulator's demo partner account, consulting from several threads until a
 * deadline. Writes one line per consultation that returned to its caller ({@code ok <operation
 * id>}), or per 429 ({@code 429}), written through at once so that a SIGKILL loses none, and {@code
 * end <epoch ms>} when done.
 *
 * <p>Arguments: JDBC URL, simulator base URL, key file, output file, threads. Prints {@code READY}
 * once its sessions are open, then reads the end of the run (epoch ms) from its standard input and
 * starts at once: the line is the signal to go. Prints {@code HALFWAY} once a consultation returns
 * past the middle of its run, so that the test kills it while it consults.
 */
public final class ClusterNode {
  private ClusterNode() {}

  /** Runs the node. */
  public static void main(String[] args) throws Exception {
    String jdbcUrl = args[0];
    String baseUrl = args[1];
    AuditKey key = AuditKey.load(Path.of(args[2]));
    Path out = Path.of(args[3]);
    int threads = Integer.parseInt(args[4]);

    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername("postgres");
    config.setMaximumPoolSize(threads + 2);
    HikariDataSource pool = new HikariDataSource(config);
    JdbcAuditSink journal = JdbcAuditSink.builder(pool, key).open();
    // Learns, on the consulting thread, the operation id of the consultation it just journaled.
    ThreadLocal<String> lastSuccess = new ThreadLocal<>();
    java.util.concurrent.atomic.AtomicLong appendNanos =
        new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong appends = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong countNanos =
        new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong reserveNanos =
        new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong waitNanos = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong consultNanos =
        new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong consults = new java.util.concurrent.atomic.AtomicLong();
    AuditSink sink =
        new AuditSink() {
          @Override
          public void append(AuditRecord r) {
            long t0 = System.nanoTime();
            journal.append(r);
            appendNanos.addAndGet(System.nanoTime() - t0);
            appends.incrementAndGet();
            if (r.operation() == AuditOperation.CONSULTATION
                && r.outcome() == AuditOutcome.SUCCESS) {
              lastSuccess.set(r.operationId());
            }
          }

          @Override
          public String pseudonym(CafCode caf, NumeroAllocataire numero) {
            return journal.pseudonym(caf, numero);
          }
        };
    JdbcUsageCounter counter = JdbcUsageCounter.open(pool);
    UsageGuard guard =
        UsageGuard.builder()
            .counter(
                (p, a, at, keep) -> {
                  long t0 = System.nanoTime();
                  try {
                    return counter.count(p, a, at, keep);
                  } finally {
                    countNanos.addAndGet(System.nanoTime() - t0);
                  }
                })
            .maxPerHour(0)
            .maxPerDay(0)
            .noNightHours()
            .build();
    PostgresPermitStore store = PostgresPermitStore.open(pool);
    net.cdapkit.PermitStore timed =
        (account, rate, burst, max) -> {
          long t0 = System.nanoTime();
          long w = store.reserve(account, rate, burst, max);
          reserveNanos.addAndGet(System.nanoTime() - t0);
          waitNanos.addAndGet(Math.max(0, w));
          return w;
        };

    List<CafContext> cafs = new ArrayList<>();
    List<FinaliteCode> finalites = new ArrayList<>();
    List<CdapSession> sessions = new ArrayList<>();
    for (String login : List.of("demo-t1", "demo-t3", "demo-t5")) {
      CdapClient client =
          CdapClient.builder()
              .baseUrl(baseUrl)
              .credentials(CredentialsProvider.of(login, CdapSimulator.DEMO_PASSWORD))
              .auditSink(sink)
              .usageGuard(guard)
              .rateLimit(net.cdapkit.RateLimit.shared(timed))
              // A 429 must show, not be retried away.
              .retryPolicy(RetryPolicy.none())
              .build();
      CdapSession session = client.authenticate();
      sessions.add(session);
      cafs.add(session.selectCaf(CafCode.of("751")));
      finalites.add(
          switch (login) {
            case "demo-t1" -> FinaliteCode.ACCOMPAGNEMENT_SOCIAL;
            case "demo-t3" -> FinaliteCode.PROTECTION_MAJEURS;
            default -> FinaliteCode.GESTION_LOCATIVE;
          });
    }

    System.out.println("READY");
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    long end = Long.parseLong(in.readLine().trim());
    long start = System.currentTimeMillis();
    long halfway = start + (end - start) / 2;
    java.util.concurrent.atomic.AtomicBoolean halfwayTold =
        new java.util.concurrent.atomic.AtomicBoolean();

    try (OutputStream file = new FileOutputStream(out.toFile(), true)) {
      ExecutorService pool2 = Executors.newFixedThreadPool(threads);
      for (int t = 0; t < threads; t++) {
        CafContext caf = cafs.get(t % cafs.size());
        FinaliteCode finalite = finalites.get(t % cafs.size());
        pool2.submit(
            () -> {
              while (System.currentTimeMillis() < end) {
                try {
                  long c0 = System.nanoTime();
                  caf.consultDossier(
                      NumeroAllocataire.of("9900001"), net.cdapkit.model.Finalite.of(finalite));
                  consultNanos.addAndGet(System.nanoTime() - c0);
                  consults.incrementAndGet();
                  write(file, "ok " + lastSuccess.get());
                  if (System.currentTimeMillis() >= halfway
                      && halfwayTold.compareAndSet(false, true)) {
                    System.out.println("HALFWAY");
                    System.out.flush();
                  }
                } catch (RateLimitedException e) {
                  write(file, "429");
                } catch (RuntimeException e) {
                  write(file, "error " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
              }
              return null;
            });
      }
      pool2.shutdown();
      pool2.awaitTermination(5, TimeUnit.MINUTES);
      write(file, "end " + System.currentTimeMillis());
      long n = Math.max(1, consults.get());
      System.err.printf(
          "node: consults=%d consult_ms=%.1f append_ms=%.1f count_ms=%.1f reserve_ms=%.1f wait_ms=%.1f%n",
          consults.get(),
          consultNanos.get() / 1e6 / n,
          appendNanos.get() / 1e6 / Math.max(1, appends.get()),
          countNanos.get() / 1e6 / n,
          reserveNanos.get() / 1e6 / n,
          waitNanos.get() / 1e6 / n);
    }
    for (CdapSession s : sessions) {
      s.close();
    }
    pool.close();
  }

  private static void write(OutputStream file, String line) {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (file) {
      try {
        // Unbuffered: in the kernel once written, whatever happens to this JVM next.
        file.write(bytes);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
