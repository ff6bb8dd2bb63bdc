package net.cdapkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.Dossier;
import net.cdapkit.RateLimit;
import net.cdapkit.RetryPolicy;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.TestClock;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sixty-four threads share one client and one session while the server's clock expires the token
 * again and again: each expiry costs exactly one authentication (single flight), and no call fails.
 *
 * <p>Expiry is driven by the simulator's clock only. The client also renews ahead of expiry by its
 * own wall clock ({@code tokenRefreshMargin}); with one-hour tokens and a run of seconds that never
 * triggers, so the count of authentications is exact. Between two expiries the test waits until
 * every thread has finished two calls under the new token, so that no call still carrying an old
 * token can meet the next expiry (that would be a second expiry, not a race of the renewal).
 */
class SessionRenewalConcurrencyIntegrationTest {
  /** Notified after every call a worker completes. */
  private static final Object PROGRESS = new Object();

  private static final int THREADS = 64;
  private static final int EXPIRIES = 8;
  private static final Duration LIFETIME = Duration.ofHours(1);

  private static TestClock clock;
  private static CdapSimulator simulator;

  @BeforeAll
  static void start() {
    clock = TestClock.at(Instant.parse("2026-11-26T08:00:00Z"));
    simulator = CdapSimulator.builder().clock(clock).tokenLifetime(LIFETIME).build().start();
  }

  @AfterAll
  static void stop() {
    simulator.stop();
  }

  @Test
  void sharedSession_whenTokensExpireRepeatedly_authenticatesOncePerExpiryAndFailsNothing()
      throws Exception {
    CdapClient client =
        CdapClient.builder()
            .baseUrl(simulator.baseUrl())
            .credentials(CredentialsProvider.of("demo-t1", CdapSimulator.DEMO_PASSWORD))
            .okHttpClient(
                new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(THREADS, 1, TimeUnit.MINUTES))
                    .build())
            .rateLimit(RateLimit.none())
            .retryPolicy(RetryPolicy.none()) // a failure would show, not be retried away
            .build();
    CdapSession session = client.authenticate();
    Finalite finalite = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL);
    Dossier shared = session.selectCaf("751").consultDossier("9900001", finalite);

    AtomicLongArray completed = new AtomicLongArray(THREADS);
    AtomicLong calls = new AtomicLong();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch done = new CountDownLatch(THREADS);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int id = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  // Half the threads share a dossier, half open their own: renewal re-looks up
                  // both.
                  Dossier d =
                      id % 2 == 0
                          ? shared
                          : session.selectCaf("751").consultDossier("9900001", finalite);
                  for (int i = 0; running.get(); i++) {
                    try {
                      switch (i % 4) {
                        case 0 -> d.synthese();
                        case 1 -> d.droits();
                        case 2 -> d.rsa();
                        default -> session.help();
                      }
                      calls.incrementAndGet();
                    } catch (RuntimeException e) {
                      failures.add(e);
                    }
                    completed.incrementAndGet(id);
                    synchronized (PROGRESS) {
                      PROGRESS.notifyAll();
                    }
                  }
                } catch (RuntimeException e) {
                  failures.add(e);
                } finally {
                  done.countDown();
                }
              },
              "renewal-" + t);
      thread.start();
      threads.add(thread);
    }

    for (int expiry = 1; expiry <= EXPIRIES; expiry++) {
      awaitEveryThreadProgress(completed, 2);
      clock.advance(LIFETIME.plusSeconds(1));
      int expected = 1 + expiry;
      await(() -> simulator.authentications() >= expected);
      awaitEveryThreadProgress(completed, 2);
      assertThat(simulator.authentications()).as("after expiry %d", expiry).isEqualTo(expected);
    }
    running.set(false);
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

    System.out.println(
        "concurrency: threads="
            + THREADS
            + " expiries="
            + EXPIRIES
            + " authentications="
            + simulator.authentications()
            + " calls="
            + calls.get()
            + " failed="
            + failures.size());
    assertThat(failures).isEmpty();
    assertThat(simulator.authentications()).isEqualTo(1 + EXPIRIES);
    session.close();
  }

  /** Waits until each thread has completed {@code more} further calls. */
  private static void awaitEveryThreadProgress(AtomicLongArray completed, int more)
      throws InterruptedException {
    long[] from = new long[completed.length()];
    for (int i = 0; i < from.length; i++) {
      from[i] = completed.get(i);
    }
    await(
        () -> {
          for (int i = 0; i < from.length; i++) {
            if (completed.get(i) < from[i] + more) {
              return false;
            }
          }
          return true;
        });
  }

  /**
   * Waits, woken by each completed call rather than by polling, until the condition holds; the
   * workers' progress is the only thing that can make it true.
   */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    synchronized (PROGRESS) {
      while (!condition.getAsBoolean()) {
        long left = giveUp - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("condition not reached within 30 s");
        }
        TimeUnit.NANOSECONDS.timedWait(PROGRESS, left);
      }
    }
  }
}
