package net.cdapkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditOperation;
import net.cdapkit.audit.AuditOutcome;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.audit.JournalFormat;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The file audit journal's append path alone, and its parts: the canonical text, the chain MAC, the
 * dossier pseudonym. A consultation of three requests makes six appends; these figures say what
 * they cost next to the HTTP exchanges. Run with {@code -prof gc} for allocation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AuditJournalBenchmark {
  private static final CafCode CAF = CafCode.of("751");
  private static final NumeroAllocataire NUMERO = NumeroAllocataire.of("9900001");

  /** Whether the journal is locked per append (as {@code cdap} opens it) or while open. */
  @Param({"false", "true"})
  public boolean shared;

  private Path dir;
  private AuditKey key;
  private JsonLinesAuditJournal journal;
  private AuditRecord record;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("cdapkit-bench-journal");
    key = AuditKey.generate();
    journal = JsonLinesAuditJournal.builder(dir.resolve("audit.jsonl"), key).shared(shared).open();
    record =
        AuditRecord.builder()
            .time(Instant.parse("2026-03-02T09:14:03.512Z"))
            .operationId("5d0e8c8e-2f4b-4a53-9d0f-2c1e8d5b7a10")
            .partner("PART-DEMO-001")
            .agent("demo-t1")
            .profile("T1")
            .caf(CAF)
            .dossier(key.pseudonym(CAF, NUMERO))
            .operation(AuditOperation.TAB)
            .tab(Tab.SYNTHESE)
            .finalite(FinaliteCode.ACCOMPAGNEMENT_SOCIAL)
            .finaliteDetailGiven(true)
            .outcome(AuditOutcome.SUCCESS)
            .requestId("1b4c2a3e-7d5f-4e6a-8b9c-0d1e2f3a4b5c")
            .attempts(1)
            .build();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    journal.close();
    Files.deleteIfExists(dir.resolve("audit.jsonl"));
    Files.deleteIfExists(dir);
  }

  /** One record appended: text, MAC, one positional write. */
  @Benchmark
  public void append() {
    journal.append(record);
  }

  /** The canonical text alone. */
  @Benchmark
  public String canonical() {
    return JournalFormat.canonical(42, record, JournalFormat.GENESIS);
  }

  /** The chain step alone, from the canonical text. */
  @Benchmark
  public String chainMac() {
    return JournalFormat.mac(key, JournalFormat.GENESIS, "{\"v\":2,\"seq\":1}");
  }

  /** The dossier pseudonym, computed once per consultation. */
  @Benchmark
  public String pseudonym() {
    return key.pseudonym(CAF, NUMERO);
  }
}
