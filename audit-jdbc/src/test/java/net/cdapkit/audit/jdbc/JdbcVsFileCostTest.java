package net.cdapkit.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Locale;
import net.cdapkit.CafContext;
import net.cdapkit.CdapClient;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.RateLimit;
import net.cdapkit.audit.AuditJournalVerifier;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditSink;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.audit.UsageGuard;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.testkit.CdapSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What journaling to PostgreSQL costs a consultation, against the file journal: the same
 * consultations against one simulator, in alternating rounds so that both see the same machine.
 * Prints {@code audit-jdbc: jdbc_vs_file=}; asserts only that both journals verify.
 */
@ExtendWith(PostgresExtension.class)
class JdbcVsFileCostTest {
  private static final int ROUNDS = 6;
  private static final int PER_ROUND = 50;

  @Test
  void consult_journaledToJdbcAndToFile_printsTheCostRatio(@TempDir Path dir) {
    AuditKey key = AuditKey.generate();
    try (HikariDataSource pool = TestPostgres.newDataSource("cost", 4);
        JsonLinesAuditJournal file = JsonLinesAuditJournal.open(dir.resolve("audit.jsonl"), key);
        CdapSimulator sim = CdapSimulator.builder().recordRequests(false).build().start()) {
      JdbcAuditSink jdbc = JdbcAuditSink.builder(pool, key).open();
      CafContext viaFile = caf(sim, file);
      CafContext viaJdbc = caf(sim, jdbc);
      consult(viaFile, PER_ROUND);
      consult(viaJdbc, PER_ROUND);
      long fileNanos = 0;
      long jdbcNanos = 0;
      for (int round = 0; round < ROUNDS; round++) {
        fileNanos += consult(viaFile, PER_ROUND);
        jdbcNanos += consult(viaJdbc, PER_ROUND);
      }
      int n = ROUNDS * PER_ROUND;
      System.out.println(
          String.format(
              Locale.ROOT,
              "audit-jdbc: consultations=%d file_us=%.0f jdbc_us=%.0f jdbc_vs_file=%.2f",
              n,
              fileNanos / 1e3 / n,
              jdbcNanos / 1e3 / n,
              jdbcNanos / (double) fileNanos));

      assertThat(AuditJournalVerifier.verify(file.file(), key).intact()).isTrue();
      assertThat(JdbcAuditVerifier.verifyAll(pool, key)).allMatch(JdbcAuditVerifier.Result::intact);
    }
  }

  private static CafContext caf(CdapSimulator sim, AuditSink sink) {
    return CdapClient.builder()
        .baseUrl(sim.baseUrl())
        .credentials(CredentialsProvider.of("demo-t1", CdapSimulator.DEMO_PASSWORD))
        .auditSink(sink)
        .usageGuard(UsageGuard.off())
        .rateLimit(RateLimit.none())
        .build()
        .authenticate()
        .selectCaf(CafCode.of("751"));
  }

  private static long consult(CafContext caf, int n) {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      caf.consultDossier(
          NumeroAllocataire.of("9900001"), Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL));
    }
    return System.nanoTime() - t0;
  }
}
