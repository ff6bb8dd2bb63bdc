package net.cdapkit.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.cdapkit.audit.AtypicalUse;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.UsageGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SharedBudgetTest {
  private static HikariDataSource pool;

  @BeforeAll
  static void openPool() {
    pool = TestPostgres.newDataSource("budget", 4);
    AuditSchema.migrate(pool);
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @Test
  void admit_whenTwoNodesCountTheSameAgent_blocksOnTheSharedCount() {
    JdbcUsageCounter counter = JdbcUsageCounter.open(pool);
    List<AtypicalUse> told = new ArrayList<>();
    UsageGuard nodeA =
        counter.guard().maxPerHour(3).noNightHours().mode(UsageGuard.Mode.BLOCK).build();
    UsageGuard nodeB =
        JdbcUsageCounter.open(pool)
            .guard()
            .maxPerHour(3)
            .noNightHours()
            .mode(UsageGuard.Mode.BLOCK)
            .listener(told::add)
            .build();
    Instant t = Instant.parse("2026-03-02T10:00:00Z");

    assertThat(nodeA.admit("PART-X", "agent-1", t)).isEmpty();
    assertThat(nodeB.admit("PART-X", "agent-1", t.plusSeconds(1))).isEmpty();
    assertThat(nodeA.admit("PART-X", "agent-1", t.plusSeconds(2))).isEmpty();
    Optional<AtypicalUse> fourth = nodeB.admit("PART-X", "agent-1", t.plusSeconds(3));

    assertThat(fourth).hasValueSatisfying(u -> assertThat(u.blocked()).isTrue());
    assertThat(fourth.get().lastHour()).isEqualTo(4);
    assertThat(told).hasSize(1);
    // Blocked consultations are not counted; another agent has its own count.
    assertThat(nodeA.admit("PART-X", "agent-1", t.plusSeconds(4))).isPresent();
    assertThat(nodeA.admit("PART-X", "agent-2", t.plusSeconds(4))).isEmpty();
  }

  @Test
  void admit_inWarnMode_countsAndLetsThrough() {
    UsageGuard guard = JdbcUsageCounter.open(pool).guard().maxPerHour(1).noNightHours().build();
    Instant t = Instant.parse("2026-03-02T10:00:00Z");

    guard.admit("PART-W", "agent-1", t);
    Optional<AtypicalUse> second = guard.admit("PART-W", "agent-1", t.plusSeconds(1));
    Optional<AtypicalUse> third = guard.admit("PART-W", "agent-1", t.plusSeconds(2));

    assertThat(second).hasValueSatisfying(u -> assertThat(u.blocked()).isFalse());
    assertThat(third.get().lastHour()).isEqualTo(3);
    assertThat(guard.admit("PART-W", "agent-1", t.plus(Duration.ofHours(2)))).isEmpty();
  }

  @Test
  void reserve_whenTwoStoresShareAnAccount_paceTogetherAtTheRate() {
    PostgresPermitStore a = PostgresPermitStore.open(pool);
    PostgresPermitStore b = PostgresPermitStore.open(pool);
    long[] waits = new long[40];
    long t0 = System.nanoTime();
    long due = 0;
    for (int i = 0; i < waits.length; i++) {
      waits[i] = (i % 2 == 0 ? a : b).reserve("PART-R", 10, 5, Duration.ofSeconds(30).toNanos());
      due = System.nanoTime() - t0 + waits[i];
    }
    System.out.println(
        "audit-jdbc: 40 reservations in " + (System.nanoTime() - t0) / 1_000_000 + " ms");

    // A burst of 5 is free; the other 35 are spaced 100 ms apart, whichever store asked.
    assertThat(waits[4]).isZero();
    // The last is due 3.5 s after the first at the earliest (later only if reserving itself was
    // slow): never sooner than the shared rate allows.
    assertThat(due).isGreaterThanOrEqualTo(Duration.ofMillis(3_400).toNanos());
    assertThat(a.reserve("PART-R", 10, 5, 0)).isEqualTo(-1);
    assertThat(a.reserve("PART-OTHER", 10, 5, 0)).isZero();
  }

  @Test
  void appendCountReserve_oneAfterAnother_printTheirCost() {
    AuditKey key = AuditKey.generate();
    JdbcAuditSink sink = JdbcAuditSink.builder(pool, key).open();
    JdbcUsageCounter counter = JdbcUsageCounter.open(pool);
    PostgresPermitStore permits = PostgresPermitStore.open(pool);
    int n = 100;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sink.append(
          JdbcAuditSinkTest.record(
              key, "PART-C", net.cdapkit.model.NumeroAllocataire.of("9900001"), i));
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      counter.count("PART-C", "a", Instant.now(), c -> true);
    }
    long t2 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      permits.reserve("PART-C", 1_000_000, 1_000_000, 0);
    }
    long t3 = System.nanoTime();
    System.out.printf(
        "audit-jdbc costs: append_us=%d count_us=%d reserve_us=%d%n",
        (t1 - t0) / n / 1000, (t2 - t1) / n / 1000, (t3 - t2) / n / 1000);
  }
}
