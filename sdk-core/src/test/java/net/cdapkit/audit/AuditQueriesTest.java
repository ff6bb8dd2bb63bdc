package net.cdapkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditQueriesTest {
  private final AuditKey key = AuditKey.generate();

  @TempDir Path dir;

  @Test
  void who_returnsOnlyTheRecordsOfThatDossier_inJournalOrder() {
    Path file = dir.resolve("j.jsonl");
    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(file, key)) {
      journal.append(Records.tabRead(key, Records.NUMERO, 1));
      journal.append(Records.tabRead(key, Records.OTHER, 2));
      journal.append(Records.tabRead(key, Records.NUMERO, 3));
    }

    List<AuditRecord> found = AuditQueries.who(file, key, Records.CAF, Records.NUMERO);

    assertThat(found).extracting(AuditRecord::operationId).containsExactly("op-1", "op-3");
    assertThat(found).extracting(AuditRecord::agent).containsExactly("agent-1", "agent-0");
  }

  @Test
  void who_ignoresLinesWhoseMacDoesNotVerify() throws Exception {
    Path file = dir.resolve("j.jsonl");
    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(file, key)) {
      journal.append(Records.tabRead(key, Records.NUMERO, 1));
      journal.append(Records.tabRead(key, Records.NUMERO, 2));
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, text.replace("\"agent\":\"agent-2\"", "\"agent\":\"someone\""));

    assertThat(AuditQueries.who(file, key, Records.CAF, Records.NUMERO))
        .extracting(AuditRecord::operationId)
        .containsExactly("op-1");
  }

  @Test
  void who_withAnotherKey_findsNothing() {
    Path file = dir.resolve("j.jsonl");
    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(file, key)) {
      journal.append(Records.tabRead(key, Records.NUMERO, 1));
    }
    assertThat(AuditQueries.who(file, AuditKey.generate(), Records.CAF, Records.NUMERO)).isEmpty();
  }
}
