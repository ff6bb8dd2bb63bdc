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

  /**
   * The purpose declared for every dossier of the batch. Required.
   *
   * @param finalite the purpose, declared once and recorded in the audit journal for each dossier
   * @return this description, for chaining
   */
  public BatchConsultation finalite(Finalite finalite) {
    this.finalite = finalite;
    return this;
  }

  /**
   * The tabs to read for each dossier. At least one; each must be allowed to the profile.
   *
   * @param tabs the tabs to read, in any order
   * @return this description, for chaining
   */
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

  /**
   * The period read for history tabs (paiements, courriers); the whole history by default.
   *
   * @param periode the months of history to read
   * @return this description, for chaining
   */
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
   *
   * @param concurrency the number of dossiers in flight, 1 to 64
   * @return this description, for chaining
   */
  public BatchConsultation concurrency(int concurrency) {
    if (concurrency < 1 || concurrency > 64) {
      throw new InvalidInputException("Concurrency must be between 1 and 64");
    }
    this.concurrency = concurrency;
    return this;
  }

  /**
   * Called after each dossier, one call at a time.
   *
   * @param onProgress told of the running counts after each dossier; need not be thread-safe
   * @return this description, for chaining
   */
  public BatchConsultation onProgress(Consumer<BatchProgress> onProgress) {
    this.onProgress = Objects.requireNonNullElse(onProgress, p -> {});
    return this;
  }

  /**
   * Runs the batch over numéros given as text (1 to 7 digits each).
   *
   * @param numeros the numéros as text, read lazily
   * @param results told of each dossier's outcome, once per numéro
   * @return the final counts and duration
   */
  public BatchProgress runNumeros(Stream<String> numeros, Consumer<BatchItem> results) {
    if (numeros == null) {
      throw new InvalidInputException("Numéros are required");
    }
    return run(numeros.map(NumeroAllocataire::of), results);
  }

  /**
   * Runs the batch over a stream of numéros; see {@link #run(Iterable, Consumer)}.
   *
   * @param numeros the numéros to consult, read lazily
   * @param results told of each dossier's outcome, once per numéro
   * @return the final counts and duration
   */
  public BatchProgress run(Stream<NumeroAllocataire> numeros, Consumer<BatchItem> results) {
    if (numeros == null) {
      throw new InvalidInputException("Numéros and a result consumer are required");
    }
    return run(numeros::iterator, results);
  }

  /**
   * Runs the batch and returns when every numéro has been handled. {@code results} is called
   * exactly once per numéro, one call at a time (it need not be thread-safe), in completion order:
   * with the tabs read, or with the typed failure of that dossier, whatever went wrong with it.
   * Once {@code run} has returned or thrown — interrupted included — {@code results} is never
   * called again.
   *
   * <p>A malformed numéro in the input stops the batch (the input is the caller's); so does an
   * exception thrown by {@code results} or {@code onProgress}, which {@code run} then rethrows.
   *
   * @param numeros the numéros to consult, read lazily as capacity frees up
   * @param results told of each dossier's outcome, once per numéro
   * @return the final counts and duration
   * @throws CapabilityDeniedException before anything is sent, if a tab or the finalité is not
   *     allowed to the profile
   * @throws CdapException if the calling thread is interrupted
   */
  public BatchProgress run(Iterable<NumeroAllocataire> numeros, Consumer<BatchItem> results) {
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
    Run run = new Run(numeros.iterator(), results);
    Thread[] threads = new Thread[concurrency];
    for (int i = 0; i < concurrency; i++) {
      threads[i] = new Thread(run::work, "cdapkit-batch-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.stop(new CdapException("Batch interrupted"));
      for (Thread t : threads) {
        t.interrupt();
      }
    }
    return run.finish();
  }

  /** One run of the batch: the input, the output, and when they stop. */
  private final class Run {
    private final Iterator<NumeroAllocataire> source;
    private final Consumer<BatchItem> results;
    private final Object inputLock = new Object();
    private final Object outputLock = new Object();
    private final long started = System.nanoTime();
    private long next; // guarded by inputLock
    private long completed; // guarded by outputLock
    private long failed; // guarded by outputLock
    private boolean closed; // guarded by outputLock: nothing is delivered once set
    private volatile RuntimeException stop;

    Run(Iterator<NumeroAllocataire> source, Consumer<BatchItem> results) {
      this.source = source;
      this.results = results;
    }

    void work() {
      while (true) {
        NumeroAllocataire numero;
        long index;
        synchronized (inputLock) {
          if (stop != null) {
            return;
          }
          try {
            if (!source.hasNext()) {
              return;
            }
            numero = source.next();
          } catch (RuntimeException e) {
            stop(e);
            return;
          }
          index = next++;
        }
        if (!deliver(consult(index, numero))) {
          return;
        }
      }
    }

    /** Hands one item over unless the run is closed; false when the worker should stop. */
    private boolean deliver(BatchItem item) {
      synchronized (outputLock) {
        if (closed) {
          return false;
        }
        completed++;
        if (!item.succeeded()) {
          failed++;
        }
        try {
          results.accept(item);
          onProgress.accept(progress());
          return true;
        } catch (RuntimeException e) {
          stopLocked(e);
          return false;
        }
      }
    }

    void stop(RuntimeException reason) {
      synchronized (outputLock) {
        stopLocked(reason);
      }
    }

    private void stopLocked(RuntimeException reason) {
      if (stop == null) {
        stop = reason;
      }
      closed = true;
    }

    BatchProgress finish() {
      synchronized (outputLock) {
        closed = true;
        if (stop != null) {
          throw stop;
        }
        return progress();
      }
    }

    private BatchProgress progress() {
      return new BatchProgress(completed, failed, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** Consults one dossier; whatever goes wrong with it is this item's failure, typed. */
  private BatchItem consult(long index, NumeroAllocataire numero) {
    Map<Tab, Object> values = new EnumMap<>(Tab.class);
    try {
      Dossier dossier = caf.consultDossier(numero, finalite);
      for (Tab tab : tabs) {
        Object value = dossier.read(TabRead.of(tab, periode));
        values.put(tab, value instanceof History<?> h ? h.toList() : value);
      }
      return new BatchItem(index, numero, values, null);
    } catch (CdapException e) {
      return new BatchItem(index, numero, values, e);
    } catch (RuntimeException | Error e) {
      // Its message may quote anything: the type is kept, the message and cause are not.
      return new BatchItem(
          index,
          numero,
          values,
          new CdapException(
              "Unexpected failure for this dossier (" + e.getClass().getName() + ")"));
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
