package net.cdapkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import net.cdapkit.audit.AuditJournalVerifier.Result;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A thread's interrupt is its own business: a cancelled web request, a batch stopped halfway or an
 * executor shut down must not close the journal that every other thread of the application writes
 * to. (A {@code FileChannel} closes itself when a thread using it is interrupted; after that, with
 * fail-closed, no consultation could be sent until a restart.)
 */
class JournalInterruptTest {
  private final AuditKey key = AuditKey.of(new byte[32]);

  @TempDir Path dir;

  private JsonLinesAuditJournal open(Path file, boolean shared) {
    return JsonLinesAuditJournal.builder(file, key).shared(shared).open();
  }

  @ParameterizedTest(name = "shared={0}")
  @ValueSource(booleans = {false, true})
  void append_byAnInterruptedThread_writesTheRecord_keepsTheFlag_andTheJournalStaysOpen(
      boolean shared) throws Exception {
    Path file = dir.resolve("interrupted.jsonl");
    try (JsonLinesAuditJournal journal = open(file, shared)) {
      journal.append(Records.tabRead(key, Records.NUMERO, 1));

      Thread.currentThread().interrupt();
      try {
        journal.append(Records.tabRead(key, Records.NUMERO, 2));
        assertThat(Thread.currentThread().isInterrupted())
            .as("the caller's interrupt is still there for it to act on")
            .isTrue();
      } finally {
        Thread.interrupted();
      }

      Thread other = new Thread(() -> journal.append(Records.tabRead(key, Records.NUMERO, 3)));
      AtomicReference<Throwable> failure = new AtomicReference<>();
      other.setUncaughtExceptionHandler((t, e) -> failure.set(e));
      other.start();
      other.join();
      assertThat(failure.get()).as("another thread's append after the interrupt").isNull();
      assertThat(journal.records()).isEqualTo(3);
    }
    Result result = AuditJournalVerifier.verify(file, key, 3);
    assertThat(result.intact()).as(result.toString()).isTrue();
  }

  @ParameterizedTest(name = "shared={0}")
  @ValueSource(booleans = {false, true})
  void append_whileAnotherThreadKeepsInterruptingTheWriter_losesAndRepeatsNothing(boolean shared)
      throws Exception {
    Path file = dir.resolve("storm.jsonl");
    int records = 5_000;
    AtomicInteger written = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean done = new AtomicBoolean();
    try (JsonLinesAuditJournal journal = open(file, shared)) {
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (int i = 1; i <= records; i++) {
                    journal.append(Records.tabRead(key, Records.NUMERO, i));
                    written.incrementAndGet();
                  }
                } catch (Throwable t) {
                  failure.set(t);
                } finally {
                  done.set(true);
                }
              });
      writer.start();
      // Interrupts at random moments, a fraction of a millisecond apart: before an append, between
      // two, and inside the write itself, which closes the channel under the writer.
      int interrupts = 0;
      while (!done.get()) {
        writer.interrupt();
        interrupts++;
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000, 1_000_000));
      }
      writer.join();
      assertThat(interrupts).isPositive();
      assertThat(failure.get()).as("an append failed under interrupts").isNull();
      assertThat(written.get()).isEqualTo(records);
      assertThat(journal.records()).isEqualTo(records);
    }
    Result result = AuditJournalVerifier.verify(file, key, records);
    assertThat(result.intact()).as(result.toString()).isTrue();
    List<String> ids = new ArrayList<>();
    AuditQueries.who(file, key, Records.CAF, Records.NUMERO).forEach(r -> ids.add(r.operationId()));
    Set<String> distinct = new HashSet<>(ids);
    assertThat(ids).hasSize(records);
    assertThat(distinct).as("no record written twice").hasSize(records);
  }
}
