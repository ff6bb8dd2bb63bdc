package net.cdapkit.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.cdapkit.audit.AuditChain;
import net.cdapkit.audit.AuditException;
import net.cdapkit.audit.AuditJournalVerifier;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditOperation;
import net.cdapkit.audit.AuditOutcome;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class JdbcAuditSinkTest {
  private static final CafCode CAF = CafCode.of("751");
  private static final NumeroAllocataire NUMERO = NumeroAllocataire.of("9900001");
  private static final NumeroAllocataire OTHER = NumeroAllocataire.of("9900002");

  private static HikariDataSource pool;
  private final AuditKey key = AuditKey.generate();
  private JdbcAuditSink sink;

  @BeforeAll
  static void openPool() {
    pool = TestPostgres.newDataSource("audit", 8);
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @BeforeEach
  void openSink() throws SQLException {
    sink = JdbcAuditSink.builder(pool, key).open();
    sql("TRUNCATE cdap_audit_record, cdap_audit_head, cdap_audit_checkpoint");
  }

  static AuditRecord record(AuditKey key, String partner, NumeroAllocataire numero, int i) {
    return AuditRecord.builder()
        .time(Instant.parse("2026-03-02T09:00:00Z").plusSeconds(i))
        .operationId("op-" + partner + "-" + i)
        .partner(partner)
        .agent("agent-" + (i % 3))
        .profile("T1")
        .caf(CAF)
        .dossier(key.pseudonym(CAF, numero))
        .operation(AuditOperation.TAB)
        .tab(Tab.PAIEMENTS)
        .page(0)
        .finalite(FinaliteCode.ACCOMPAGNEMENT_SOCIAL)
        .outcome(AuditOutcome.SUCCESS)
        .attempts(1)
        .build();
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  @Test
  void append_whenManyThreadsAndSinksAppendAtOnce_chainVerifiesWithEveryRecord() throws Exception {
    // Three sinks on three pools stand for three nodes; each appends from four threads.
    List<HikariDataSource> pools = new ArrayList<>();
    List<JdbcAuditSink> sinks = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      HikariDataSource p = TestPostgres.dataSource(pool.getJdbcUrl(), 4);
      pools.add(p);
      sinks.add(JdbcAuditSink.builder(p, key).open());
    }
    ExecutorService threads = Executors.newFixedThreadPool(12);
    try {
      List<Future<?>> done = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int t = 0; t < 12; t++) {
        JdbcAuditSink s = sinks.get(t % 3);
        int base = t * 100;
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    s.append(record(key, "PART-TEST", NUMERO, base + i));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      System.out.println(
          "audit-jdbc: 600 appends from 12 threads on 3 pools in "
              + (System.nanoTime() - t0) / 1_000_000
              + " ms");
    } finally {
      threads.shutdown();
      pools.forEach(HikariDataSource::close);
    }

    JdbcAuditVerifier.Result result = JdbcAuditVerifier.verify(pool, key, "PART-TEST", 600);

    assertThat(result.intact()).as(result.toString()).isTrue();
    assertThat(result.records()).isEqualTo(600);
  }

  @Test
  void append_writesTheFileJournalsLine_sameBytesSameMac(@TempDir Path dir) throws Exception {
    AuditRecord r = record(key, "PART-TEST", NUMERO, 1);
    sink.append(r);
    try (JsonLinesAuditJournal file = JsonLinesAuditJournal.open(dir.resolve("j.jsonl"), key)) {
      file.append(r);
      String fileLine = java.nio.file.Files.readAllLines(file.file()).get(0);
      try (Connection c = pool.getConnection();
          Statement st = c.createStatement();
          var rs = st.executeQuery("SELECT line FROM cdap_audit_record")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(fileLine);
      }
    }
  }

  @Test
  void verify_whenALineWasChanged_reportsBadMacAtItsSeq() throws Exception {
    for (int i = 1; i <= 5; i++) {
      sink.append(record(key, "PART-TEST", NUMERO, i));
    }
    sql(
        "UPDATE cdap_audit_record SET line = replace(line, '\"agent-0\"', '\"agent-9\"') WHERE seq = 3");

    JdbcAuditVerifier.Result result = JdbcAuditVerifier.verify(pool, key, "PART-TEST", 0);

    assertThat(result.problem()).contains(AuditJournalVerifier.Problem.BAD_MAC);
    assertThat(result.firstBadSeq()).hasValue(3);
  }

  @Test
  void verify_whenARecordWasDeleted_reportsBrokenChain() throws Exception {
    for (int i = 1; i <= 5; i++) {
      sink.append(record(key, "PART-TEST", NUMERO, i));
    }
    sql("DELETE FROM cdap_audit_record WHERE seq = 2");

    JdbcAuditVerifier.Result result = JdbcAuditVerifier.verify(pool, key, "PART-TEST", 0);

    assertThat(result.problem()).contains(AuditJournalVerifier.Problem.BROKEN_CHAIN);
    assertThat(result.firstBadSeq()).hasValue(3);
  }

  @Test
  void verify_whenTheLastRecordsWereDeleted_reportsTruncated() throws Exception {
    for (int i = 1; i <= 5; i++) {
      sink.append(record(key, "PART-TEST", NUMERO, i));
    }
    sql("DELETE FROM cdap_audit_record WHERE seq >= 4");

    assertThat(JdbcAuditVerifier.verify(pool, key, "PART-TEST", 0).problem())
        .contains(AuditJournalVerifier.Problem.TRUNCATED);
  }

  @Test
  void verify_whenAQueryColumnWasChanged_reportsIt() throws Exception {
    sink.append(record(key, "PART-TEST", NUMERO, 1));
    sql("UPDATE cdap_audit_record SET dossier = '" + "0".repeat(64) + "'");

    assertThat(JdbcAuditVerifier.verify(pool, key, "PART-TEST", 0).intact()).isFalse();
  }

  @Test
  void append_whenTheLastRecordIsNotTheKeys_refusesAndWritesNothing() {
    sink.append(record(key, "PART-TEST", NUMERO, 1));
    JdbcAuditSink otherKey = JdbcAuditSink.builder(pool, AuditKey.generate()).open();

    assertThatThrownBy(() -> otherKey.append(record(key, "PART-TEST", NUMERO, 2)))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("does not match the key");
    assertThat(JdbcAuditVerifier.verify(pool, key, "PART-TEST", 0).records()).isEqualTo(1);
  }

  @Test
  void append_whenTheDatabaseIsUnreachable_throwsAuditException() {
    HikariDataSource closing = TestPostgres.dataSource(pool.getJdbcUrl(), 1);
    JdbcAuditSink down = JdbcAuditSink.builder(closing, key).migrate(false).open();
    down.append(record(key, "PART-TEST", NUMERO, 1));
    closing.close();

    assertThatThrownBy(() -> down.append(record(key, "PART-TEST", NUMERO, 2)))
        .isInstanceOf(AuditException.class)
        .hasMessageNotContaining("9900001");
  }

  @Test
  void purgeBefore_thenAppend_whatRemainsStillVerifiesFromTheSignedCheckpoint() {
    for (int i = 1; i <= 10; i++) {
      sink.append(record(key, "PART-TEST", NUMERO, i));
    }

    long deleted = sink.purgeBefore(Instant.parse("2026-03-02T09:00:06Z"));
    sink.append(record(key, "PART-TEST", NUMERO, 11));

    JdbcAuditVerifier.Result result = JdbcAuditVerifier.verify(pool, key, "PART-TEST", 11);
    assertThat(deleted).isEqualTo(5);
    assertThat(result.intact()).as(result.toString()).isTrue();
    assertThat(result.records()).isEqualTo(6);
    assertThat(result.fromSeq()).isEqualTo(6);
  }

  @Test
  void verify_whenACheckpointWasForgedToHideDeletedRecords_reportsIt() throws Exception {
    for (int i = 1; i <= 10; i++) {
      sink.append(record(key, "PART-TEST", NUMERO, i));
    }
    sink.purgeBefore(Instant.parse("2026-03-02T09:00:04Z"));
    // Someone without the key deletes more and moves the checkpoint forward.
    sql("DELETE FROM cdap_audit_record WHERE seq <= 6");
    sql(
        "UPDATE cdap_audit_checkpoint SET seq = 6, mac = (SELECT substr(line, length(line) - 66,"
            + " 64) FROM cdap_audit_record WHERE seq = 7)");

    assertThat(JdbcAuditVerifier.verify(pool, key, "PART-TEST", 0).problem())
        .contains(AuditJournalVerifier.Problem.BAD_MAC);
  }

  @Test
  void who_findsEveryRecordOfTheDossierAndOnlyThose() {
    sink.append(record(key, "PART-A", NUMERO, 1));
    sink.append(record(key, "PART-A", OTHER, 2));
    sink.append(record(key, "PART-B", NUMERO, 3));

    List<AuditRecord> found = JdbcAuditQueries.who(pool, key, CAF, NUMERO);

    assertThat(found)
        .extracting(AuditRecord::operationId)
        .containsExactly("op-PART-A-1", "op-PART-B-3");
    assertThat(JdbcAuditVerifier.verifyAll(pool, key)).allMatch(JdbcAuditVerifier.Result::intact);
  }

  @Test
  void who_queryAsTheDriverSendsIt_canUseTheDossierIndex() throws SQLException {
    // A CHAR column compared with the driver's varchar parameter would be cast and never indexed.
    StringBuilder plan = new StringBuilder();
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      st.execute("SET enable_seqscan = off");
      try (var explain = c.prepareStatement("EXPLAIN " + JdbcAuditQueries.WHO_SQL)) {
        explain.setString(1, key.pseudonym(CAF, NUMERO));
        try (var rs = explain.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
      } finally {
        st.execute("RESET enable_seqscan");
      }
    }

    assertThat(plan.toString()).contains("cdap_audit_record_dossier");
  }

  @Test
  void link_isTheChainStepAChainStartsAtGenesis() {
    AuditChain.Link link = AuditChain.link(key, 1, record(key, "P", NUMERO, 1), AuditChain.GENESIS);

    assertThat(AuditChain.check(key, link.line()).valid()).isTrue();
    assertThat(AuditChain.check(AuditKey.generate(), link.line()).problem())
        .isEqualTo(AuditJournalVerifier.Problem.BAD_MAC);
  }
}
