package net.cdapkit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.NumeroAllocataire;

/**
 * Consults many dossiers of one CAF for the same finalité and reads chosen tabs of each, with
 * bounded concurrency, paced by the session's rate limit (see {@link RateLimit}). Results are
 * handed over as they arrive and nothing is accumulated, so a batch of any size runs in constant
 * memory; a dossier that fails is reported as such and the batch goes on. Each dossier is consulted
 * and audited exactly as a single call would be.
 *
 * <pre>{@code
 * BatchProgress summary = session.selectCaf("751").batch()
 *     .finalite(Finalite.of(FinaliteCode.GESTION_LOCATIVE))
 *     .tabs(Tab.LOGEMENT)
 *     .concurrency(8)
 *     .onProgress(p -> log.info("{} dossiers done", p.completed()))
 *     .run(numeros, item -> {
 *       // called for one item at a time, in completion order
 *       item.tab(Tab.LOGEMENT, InformationsLogement.class).ifPresent(this::check);
 *     });
 * }</pre>
 */
public final class BatchConsultation {
  private final CafContext caf;
  private Finalite finalite;
  private final Set<Tab> tabs = EnumSet.noneOf(Tab.class);
  private Periode periode = Periode.all();
  private int concurrency = 4;
  private Consumer<BatchProgress> onProgress = p -> {};

  BatchConsultation(CafContext caf) {
    this.caf = caf;
  }

  /** The purpose declared for every dossier of the batch. Required. */
  public BatchConsultation finalite(Finalite finalite) {
    this.finalite = finalite;
    return this;
  }

  /** The tabs to read for each dossier. At least one; each must be allowed to the profile. */
  public BatchConsultation tabs(Tab... tabs) {
    if (tabs == null) {
      throw new InvalidInputException("Tabs are required");
    }
    for (Tab t : tabs) {
      if (t == null) {
        throw new InvalidInputException("Tabs must not contain null");
      }
      this.tabs.add(t);
    }
    return this;
  }

  /** The period read for history tabs (paiements, courriers); the whole history by default. */
  public BatchConsultation periode(Periode periode) {
    if (periode == null) {
      throw new InvalidInputException("Periode is required; use Periode.all()");
    }
    this.periode = periode;
    return this;
  }

  /**
   * How many dossiers are in flight at once (default 4, at most 64). The rate limit, not this, sets
   * the pace: a little more concurrency than rate × latency is enough.
   */
  public BatchConsultation concurrency(int concurrency) {
    if (concurrency < 1 || concurrency > 64) {
      throw new InvalidInputException("Concurrency must be between 1 and 64");
    }
    this.concurrency = concurrency;
    return this;
  }

  /** Called after each dossier, one call at a time. */
  public BatchConsultation onProgress(Consumer<BatchProgress> onProgress) {
    this.onProgress = Objects.requireNonNullElse(onProgress, p -> {});
    return this;
  }

  /** Runs the batch over numéros given as text (1 to 7 digits each). */
  public BatchProgress runNumeros(Stream<String> numeros, Consumer<BatchItem> results) {
    if (numeros == null) {
      throw new InvalidInputException("Numéros are required");
    }
    return run(numeros.map(NumeroAllocataire::of), results);
  }

  /**
   * Runs the batch and returns when every numéro has been handled. {@code results} is called once
   * per numéro, one call at a time (it need not be thread-safe), in completion order.
   *
   * <p>A malformed numéro in the stream stops the batch (the stream is the caller's input);
   * failures of a consultation are per item.
   *
   * @throws CapabilityDeniedException before anything is sent, if a tab or the finalité is not
   *     allowed to the profile
   */
  public BatchProgress run(Stream<NumeroAllocataire> numeros, Consumer<BatchItem> results) {
    if (numeros == null || results == null) {
      throw new InvalidInputException("Numéros and a result consumer are required");
    }
    if (finalite == null) {
      throw new InvalidInputException("A finalité is required for every consultation of a batch");
    }
    if (tabs.isEmpty()) {
      throw new InvalidInputException("At least one tab is required");
    }
    CdapSession session = caf.session();
    session.requireFinalite(finalite.code());
    for (Tab tab : tabs) {
      session.requireTab(tab);
    }
    Iterator<NumeroAllocataire> source = numeros.iterator();
    Object inputLock = new Object();
    Object outputLock = new Object();
    long[] counters = new long[3]; // next index, completed, failed
    long started = System.nanoTime();
    RuntimeException[] stop = new RuntimeException[1];
    Runnable worker =
        () -> {
          while (true) {
            NumeroAllocataire numero;
            long index;
            synchronized (inputLock) {
              if (stop[0] != null) {
                return;
              }
              try {
                if (!source.hasNext()) {
                  return;
                }
                numero = source.next();
              } catch (RuntimeException e) {
                stop[0] = e;
                return;
              }
              index = counters[0]++;
            }
            BatchItem item = consult(index, numero);
            synchronized (outputLock) {
              counters[1]++;
              if (!item.succeeded()) {
                counters[2]++;
              }
              try {
                results.accept(item);
                onProgress.accept(
                    new BatchProgress(
                        counters[1], counters[2], Duration.ofNanos(System.nanoTime() - started)));
              } catch (RuntimeException e) {
                synchronized (inputLock) {
                  stop[0] = e;
                }
                return;
              }
            }
          }
        };
    Thread[] threads = new Thread[concurrency];
    for (int i = 0; i < concurrency; i++) {
      threads[i] = new Thread(worker, "cdapkit-batch-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      synchronized (inputLock) {
        stop[0] = new CdapException("Batch interrupted");
      }
      for (Thread t : threads) {
        t.interrupt();
      }
    }
    if (stop[0] != null) {
      throw stop[0];
    }
    return new BatchProgress(
        counters[1], counters[2], Duration.ofNanos(System.nanoTime() - started));
  }

  private BatchItem consult(long index, NumeroAllocataire numero) {
    Map<Tab, Object> values = new EnumMap<>(Tab.class);
    try {
      Dossier dossier = caf.consultDossier(numero, finalite);
      for (Tab tab : tabs) {
        values.put(tab, dossier.readTab(tab, periode));
      }
      return new BatchItem(index, numero, values, null);
    } catch (CdapException e) {
      return new BatchItem(index, numero, values, e);
    }
  }

  @Override
  public String toString() {
    return "BatchConsultation{caf="
        + caf.caf()
        + ", tabs="
        + tabs
        + ", concurrency="
        + concurrency
        + "}";
  }
}
