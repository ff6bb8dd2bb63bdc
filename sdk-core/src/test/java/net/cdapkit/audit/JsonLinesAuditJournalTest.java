package net.cdapkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.cdapkit.audit.AuditJournalVerifier.Problem;
import net.cdapkit.audit.AuditJournalVerifier.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chained journal: what it writes, and every alteration the verifier must name. */
class JsonLinesAuditJournalTest {
  private static final byte[] KEY_BYTES = new byte[32];
  private final AuditKey key = AuditKey.of(KEY_BYTES);

  @TempDir Path dir;

  private Path journalOf(int records) {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(file, key)) {
      for (int i = 1; i <= records; i++) {
        journal.append(Records.tabRead(key, Records.NUMERO, i));
      }
    }
    return file;
  }

  private static List<String> lines(Path file) throws Exception {
    return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  private static void write(Path file, List<String> lines) throws Exception {
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  @Test
  void append_writesOneChainedLinePerRecord_thatTheVerifierAccepts() throws Exception {
    Path file = journalOf(5);

    List<String> lines = lines(file);
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0))
        .startsWith("{\"v\":2,\"seq\":1,")
        .contains("\"prev\":\"" + "0".repeat(64) + "\"")
        .contains("\"operation\":\"TAB\",\"tab\":\"paiements\",\"page\":0")
        .doesNotContain("9900001");
    Result result = AuditJournalVerifier.verify(file, key);
    assertThat(result.intact()).as(result.toString()).isTrue();
    assertThat(result.records()).isEqualTo(5);
    assertThat(result.toString()).startsWith("intact: 5 record(s)");
  }

  @Test
  void mac_isTheDocumentedHmacOfPrevAndTheLineWithoutItsMac_underTheDerivedChainKey()
      throws Exception {
    Path file = journalOf(2);
    String second = lines(file).get(1);
    String prev = lines(file).get(0).replaceAll(".*\"mac\":\"([0-9a-f]{64})\"}$", "$1");
    String canonical = second.replaceAll(",\"mac\":\"[0-9a-f]{64}\"}$", "}");

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Derived.key(KEY_BYTES, AuditKey.CHAIN_LABEL), "HmacSHA256"));
    mac.update(HexFormat.of().parseHex(prev));
    String expected =
        HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));

    assertThat(canonical).contains("\"prev\":\"" + prev + "\"");
    assertThat(second).endsWith(",\"mac\":\"" + expected + "\"}");
  }

  @Test
  void open_whenJournalExists_continuesItsChain() throws Exception {
    Path file = journalOf(3);
    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(file, key)) {
      assertThat(journal.records()).isEqualTo(3);
      journal.append(Records.tabRead(key, Records.NUMERO, 4));
      assertThat(journal.records()).isEqualTo(4);
    }
    Result result = AuditJournalVerifier.verify(file, key);
    assertThat(result.intact()).as(result.toString()).isTrue();
    assertThat(result.records()).isEqualTo(4);
  }

  @Test
  void verify_whenOneByteFlipped_namesThatLine() throws Exception {
    Path file = journalOf(5);
    byte[] bytes = Files.readAllBytes(file);
    int thirdLine = lines(file).get(0).length() + lines(file).get(1).length() + 2;
    int at = thirdLine + lines(file).get(2).indexOf("agent-") + 6;
    bytes[at] = (byte) (bytes[at] == '1' ? '2' : '1');
    Files.write(file, bytes);

    Result result = AuditJournalVerifier.verify(file, key);

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBadLine()).hasValue(3);
    assertThat(result.problem()).contains(Problem.BAD_MAC);
    assertThat(result.records()).isEqualTo(2);
    assertThat(result.toString()).contains("line 3");
  }

  @Test
  void verify_whenALineDeleted_namesWhereTheChainBreaks() throws Exception {
    Path file = journalOf(5);
    List<String> lines = lines(file);
    lines.remove(2);
    write(file, lines);

    Result result = AuditJournalVerifier.verify(file, key);

    assertThat(result.firstBadLine()).hasValue(3);
    assertThat(result.problem()).contains(Problem.BROKEN_CHAIN);
  }

  @Test
  void verify_whenFirstLineDeleted_namesLine1() throws Exception {
    Path file = journalOf(3);
    List<String> lines = lines(file);
    lines.remove(0);
    write(file, lines);

    assertThat(AuditJournalVerifier.verify(file, key).firstBadLine()).hasValue(1);
  }

  @Test
  void verify_whenTwoLinesSwapped_namesTheFirstOfThem() throws Exception {
    Path file = journalOf(5);
    List<String> lines = lines(file);
    Collections.swap(lines, 1, 3);
    write(file, lines);

    Result result = AuditJournalVerifier.verify(file, key);

    assertThat(result.firstBadLine()).hasValue(2);
    assertThat(result.problem()).contains(Problem.BROKEN_CHAIN);
  }

  @Test
  void verify_whenAGenuineLineIsCopiedIn_namesTheInsertion() throws Exception {
    Path file = journalOf(4);
    List<String> lines = lines(file);
    lines.add(2, lines.get(0));
    write(file, lines);

    assertThat(AuditJournalVerifier.verify(file, key).firstBadLine()).hasValue(3);
  }

  @Test
  void verify_whenAForgedLineIsInserted_namesItsBadMac() throws Exception {
    Path file = journalOf(3);
    List<String> lines = lines(file);
    String forged =
        lines
            .get(1)
            .replace("\"seq\":2", "\"seq\":3")
            .replaceAll("[0-9a-f]{64}\"}$", "0".repeat(64) + "\"}");
    lines.add(2, forged);
    write(file, lines);

    Result result = AuditJournalVerifier.verify(file, key);
    assertThat(result.firstBadLine()).hasValue(3);
    assertThat(result.problem()).contains(Problem.BAD_MAC);
  }

  @Test
  void verify_whenWholeFileRewrittenUnderAnotherKey_refusesTheFirstLine() throws Exception {
    Path file = dir.resolve("rewritten.jsonl");
    AuditKey forger = AuditKey.generate();
    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(file, forger)) {
      journal.append(Records.tabRead(forger, Records.NUMERO, 1));
    }

    Result result = AuditJournalVerifier.verify(file, key);
    assertThat(result.firstBadLine()).hasValue(1);
    assertThat(result.problem()).contains(Problem.BAD_MAC);
  }

  @Test
  void verify_whenTailRemoved_needsTheExpectedCountToNoticeIt() throws Exception {
    Path file = journalOf(5);
    List<String> lines = lines(file);
    write(file, lines.subList(0, 3));

    assertThat(AuditJournalVerifier.verify(file, key).intact()).isTrue();
    Result result = AuditJournalVerifier.verify(file, key, 5);
    assertThat(result.problem()).contains(Problem.TRUNCATED);
    assertThat(result.toString()).contains("5 record(s) expected, 3 found");
  }

  @Test
  void verify_whenLastLineCut_reportsItMalformed_andOpenRefusesToExtendIt() throws Exception {
    Path file = journalOf(3);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));

    Result result = AuditJournalVerifier.verify(file, key);
    assertThat(result.firstBadLine()).hasValue(3);
    assertThat(result.problem()).contains(Problem.MALFORMED);
    assertThatThrownBy(() -> JsonLinesAuditJournal.open(file, key))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("incomplete");
  }

  @Test
  void open_whenLastRecordWasWrittenUnderAnotherKey_refusesToExtendIt() {
    Path file = journalOf(2);
    assertThatThrownBy(() -> JsonLinesAuditJournal.open(file, AuditKey.generate()))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("does not match the key");
  }

  @Test
  void open_whenAlreadyOpen_refusesASecondWriter() {
    Path file = dir.resolve("locked.jsonl");
    try (JsonLinesAuditJournal first = JsonLinesAuditJournal.open(file, key)) {
      assertThat(first.records()).isZero();
      assertThatThrownBy(() -> JsonLinesAuditJournal.open(file, key))
          .isInstanceOf(AuditException.class)
          .hasMessageContaining("already open");
    }
  }

  @Test
  void append_whenClosed_throwsAuditException() {
    JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(dir.resolve("c.jsonl"), key);
    journal.close();
    assertThatThrownBy(() -> journal.append(Records.tabRead(key, Records.NUMERO, 1)))
        .isInstanceOf(AuditException.class);
  }

  @Test
  void append_fromManyThreads_keepsOneUnbrokenChain() throws Exception {
    Path file = dir.resolve("threads.jsonl");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (JsonLinesAuditJournal journal =
        JsonLinesAuditJournal.builder(file, key).fsync(true).open()) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    journal.append(Records.tabRead(key, Records.NUMERO, thread * 100 + i));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Result result = AuditJournalVerifier.verify(file, key, 200);
    assertThat(result.intact()).as(result.toString()).isTrue();
    assertThat(result.records()).isEqualTo(200);
  }

  @Test
  void finaliteDetail_isWrittenOnlyWhenTheRecordCarriesIt() throws Exception {
    Path file = dir.resolve("detail.jsonl");
    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(file, key)) {
      journal.append(Records.tabRead(key, Records.NUMERO, 1));
      journal.append(
          AuditRecord.builder()
              .from(Records.tabRead(key, Records.NUMERO, 2))
              .finaliteDetail("Dossier FSL n° 2026-104 \"urgent\"\nligne 2")
              .build());
    }
    List<String> lines = lines(file);
    assertThat(lines.get(0)).contains("\"finaliteDetailGiven\":true,\"finaliteDetail\":null");
    assertThat(lines.get(1))
        .contains("\"finaliteDetail\":\"Dossier FSL n° 2026-104 \\\"urgent\\\"\\nligne 2\"");
    assertThat(AuditJournalVerifier.verify(file, key).intact()).isTrue();
    assertThat(AuditQueries.who(file, key, Records.CAF, Records.NUMERO).get(1).finaliteDetail())
        .contains("Dossier FSL n° 2026-104 \"urgent\"\nligne 2");
  }

  @Test
  void toString_showsNeitherKeyNorRecords() {
    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(dir.resolve("t.jsonl"), key)) {
      assertThat(journal.toString()).contains("t.jsonl").doesNotContain("AAAA");
      assertThat(key.toString()).isEqualTo("AuditKey{****}");
    }
  }
}
