package net.cdapkit.benchmarks.client;

import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import net.cdapkit.CdapSession;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Synthese;

/**
 * Consults a stream of dossiers through the SDK's public API at a paced rate with bounded
 * concurrency, reporting each result or failure as it arrives and keeping nothing but counters.
 *
 * <p>This is the whole batch logic of the batch benchmark, in one class, so that it can be swapped
 * for the SDK's own batch API when that exists: {@link BatchMain} only builds a client, opens a
 * session and calls {@link #run}. One item is a consultation (a dossier look-up) and a read of its
 * synthèse: two requests.
 */
public final class BatchDriver {
  /** One dossier to consult. */
  public record Target(CafCode caf, NumeroAllocataire numero) {
    @Override
    public String toString() {
      return "Target{caf=" + caf.value() + ", numero=*******}";
    }
  }

  /** Receives each item's outcome, on the thread that consulted it. */
  public interface Listener {
    void onResult(Target target, Synthese synthese);

    void onFailure(Target target, RuntimeException failure);
  }

  /** What a run did: items started, how they ended, and the time from first start to last end. */
  public record Summary(
      long started, long succeeded, long failed, long wallNanos, long behindScheduleNanos) {}

  private final CdapSession session;
  private final Finalite finalite;
  private final double ratePerSecond;
  private final int concurrency;

  /**
   * @param ratePerSecond items started per second
   * @param concurrency the most items in flight at once
   */
  public BatchDriver(
      CdapSession session, Finalite finalite, double ratePerSecond, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    this.session = session;
    this.finalite = finalite;
    this.ratePerSecond = ratePerSecond;
    this.concurrency = concurrency;
  }

  /** Consults every target, then returns once the last one has ended. */
  public Summary run(Iterator<Target> targets, Listener listener) throws InterruptedException {
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            concurrency,
            r -> {
              Thread t = new Thread(r, "batch-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Semaphore slots = new Semaphore(concurrency);
    LongAdder succeeded = new LongAdder();
    LongAdder failed = new LongAdder();
    Pacer pacer = Pacer.of(ratePerSecond);
    long started = 0;
    long t0 = System.nanoTime();
    try {
      while (targets.hasNext()) {
        Target target = targets.next();
        slots.acquire();
        pacer.await();
        started++;
        pool.execute(
            () -> {
              try {
                Synthese synthese;
                try {
                  synthese =
                      session
                          .selectCaf(target.caf())
                          .consultDossier(target.numero(), finalite)
                          .synthese();
                } catch (RuntimeException e) {
                  failed.increment();
                  listener.onFailure(target, e);
                  return;
                }
                succeeded.increment();
                listener.onResult(target, synthese);
              } finally {
                slots.release();
              }
            });
      }
      slots.acquire(concurrency);
      long wall = System.nanoTime() - t0;
      return new Summary(started, succeeded.sum(), failed.sum(), wall, pacer.forgivenNanos());
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
