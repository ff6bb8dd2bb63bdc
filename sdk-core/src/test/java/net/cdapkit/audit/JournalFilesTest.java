package net.cdapkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.cdapkit.audit.AuditJournalVerifier.Problem;
import net.cdapkit.audit.AuditJournalVerifier.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's file: what it refuses to write to, how it is created, and what it never writes. */
class JournalFilesTest {
  private final AuditKey key = AuditKey.generate();

  @TempDir Path dir;

  @Test
  void open_whenThePathIsASymlinkToDevNull_isRefused() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("audit.jsonl"), Path.of("/dev/null"));

    assertThatThrownBy(() -> JsonLinesAuditJournal.open(link, key))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("not a regular file")
        .hasMessageContaining("symbolic link");
    Files.delete(link); // the temporary directory's clean-up would warn about a link leaving it
  }

  @Test
  void open_whenThePathIsASymlinkToARegularFile_isRefusedAndTheFileIsUntouched() throws Exception {
    Path target = Files.writeString(dir.resolve("other.txt"), "precious\n");
    Path link = Files.createSymbolicLink(dir.resolve("audit.jsonl"), target);

    assertThatThrownBy(() -> JsonLinesAuditJournal.open(link, key))
        .isInstanceOf(AuditException.class);
    assertThat(Files.readString(target)).isEqualTo("precious\n");
  }

  @Test
  void open_whenThePathIsADeviceOrADirectory_isRefused() {
    assertThatThrownBy(() -> JsonLinesAuditJournal.open(Path.of("/dev/null"), key))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> JsonLinesAuditJournal.open(dir, key))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void open_whenTheJournalIsNew_createsItReadableByItsOwnerOnly() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(file, key)) {
      journal.append(Records.tabRead(key, Records.NUMERO, 1));
    }

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void append_whenServerTextIsHuge_writesABoundedLineThatLaterRunsReopenAndVerify()
      throws Exception {
    Path file = dir.resolve("audit.jsonl");
    String hugePartner = "P".repeat(70_000);
    String escapes = "\u001b[2J\u001b]0;owned\u0007".repeat(2_000);
    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(file, key)) {
      journal.append(
          AuditRecord.builder()
              .from(Records.tabRead(key, Records.NUMERO, 1))
              .partner(hugePartner)
              .agent(escapes)
              .requestId("r".repeat(100_000))
              .build());
    }
    String line = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    assertThat(line.length()).isLessThan(JournalFormat.MAX_LINE_BYTES / 4);
    assertThat(line).contains("\"partner\":\"" + "P".repeat(64) + "…sha256:");

    try (JsonLinesAuditJournal again = JsonLinesAuditJournal.open(file, key)) {
      again.append(Records.tabRead(key, Records.NUMERO, 2));
    }
    Result result = AuditJournalVerifier.verify(file, key);
    assertThat(result.intact()).as(result.toString()).isTrue();
    assertThat(AuditQueries.who(file, key, Records.CAF, Records.NUMERO).get(0).partner())
        .isEqualTo(JournalFormat.bound(hugePartner))
        .hasSize(64 + "…sha256:".length() + 64);
  }

  @Test
  void bound_keepsShortTextAndNeverSplitsASurrogatePair() {
    assertThat(JournalFormat.bound("PART-001")).isEqualTo("PART-001");
    assertThat(JournalFormat.bound(null)).isNull();
    String emoji = "a".repeat(63) + "😀".repeat(200);
    assertThat(JournalFormat.bound(emoji)).startsWith("a".repeat(63) + "…sha256:");
  }

  @Test
  void verify_whenALineIsGigabytesLong_reportsItMalformedInBoundedMemory() throws Exception {
    Path file = dir.resolve("huge.jsonl");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(3L * 1024 * 1024 * 1024); // sparse: one 3 GiB "line" of NUL bytes, no newline
    }

    Result result = AuditJournalVerifier.verify(file, key);

    assertThat(result.problem()).contains(Problem.MALFORMED);
    assertThat(result.firstBadLine()).hasValue(1);
    assertThat(result.toString()).contains("longer than " + JournalFormat.MAX_LINE_BYTES);
  }

  @Test
  void who_skipsAnOverlongLineAndFindsTheRecordsAfterIt() throws Exception {
    Path file = dir.resolve("mixed.jsonl");
    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(file, key)) {
      journal.append(Records.tabRead(key, Records.NUMERO, 1));
    }
    String record = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, record + "y".repeat(3 * JournalFormat.MAX_LINE_BYTES) + "\n" + record);

    assertThat(AuditQueries.who(file, key, Records.CAF, Records.NUMERO)).hasSize(2);
    assertThat(AuditJournalVerifier.verify(file, key).firstBadLine()).hasValue(2);
  }

  @Test
  void verify_whenALineIsJustOverTheBound_isMalformed_andOpenRefusesToExtendIt() throws Exception {
    Path file = dir.resolve("long.jsonl");
    Files.writeString(file, "x".repeat(JournalFormat.MAX_LINE_BYTES + 1) + "\n");

    assertThat(AuditJournalVerifier.verify(file, key).problem()).contains(Problem.MALFORMED);
    assertThatThrownBy(() -> JsonLinesAuditJournal.open(file, key))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("longer than");
  }

  @Test
  void shared_twoWritersAppendingAtOnce_extendOneChainThatVerifies() throws Exception {
    Path file = dir.resolve("shared.jsonl");
    int perWriter = 300;
    CountDownLatch bothOpen = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        writers.add(
            pool.submit(
                () -> {
                  try (JsonLinesAuditJournal journal =
                      JsonLinesAuditJournal.builder(file, key).shared(true).open()) {
                    // Both are open together: neither waits for the other's close.
                    bothOpen.countDown();
                    bothOpen.await();
                    for (int i = 1; i <= perWriter; i++) {
                      journal.append(Records.tabRead(key, Records.NUMERO, i));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : writers) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    Result result = AuditJournalVerifier.verify(file, key);
    assertThat(result.intact()).as(result.toString()).isTrue();
    assertThat(result.records()).isEqualTo(2L * perWriter);
  }

  @Test
  void exclusive_whenAnotherJournalHasTheFileOpen_isRefused() {
    Path file = dir.resolve("exclusive.jsonl");
    try (JsonLinesAuditJournal first = JsonLinesAuditJournal.open(file, key)) {
      assertThat(first.records()).isZero();
      assertThatThrownBy(() -> JsonLinesAuditJournal.open(file, key))
          .isInstanceOf(AuditException.class)
          .hasMessageContaining("already open");
    }
  }
}
