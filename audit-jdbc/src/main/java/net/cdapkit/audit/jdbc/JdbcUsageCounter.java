package net.cdapkit.audit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;
import javax.sql.DataSource;
import net.cdapkit.audit.AuditException;
import net.cdapkit.audit.UsageCounter;
import net.cdapkit.audit.UsageGuard;

/**
 * The usage guard's counts in PostgreSQL, shared by every node: an agent's consultations are
 * counted wherever they were made, with the same thresholds and the same WARN/BLOCK modes.
 *
 * <pre>{@code
 * UsageGuard guard = UsageGuard.builder()
 *     .counter(JdbcUsageCounter.open(pool))
 *     .mode(UsageGuard.Mode.BLOCK)
 *     .build();
 * }</pre>
 *
 * <p>Each count is two statements and no lock: count the agent's rows of the last hour and 24 hours
 * (an index probe), then insert this consultation's row if the guard keeps it. The same agent
 * consulting on two nodes at the very same moment may thus pass a threshold by one consultation per
 * extra node before the guard sees it — a margin of one or two on thresholds of tens to hundreds,
 * chosen over a lock every consultation of an agent would wait on. Rows older than 24 hours are
 * deleted as the agent's next consultation is kept. Thread-safe.
 */
public final class JdbcUsageCounter implements UsageCounter {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofHours(24);

  private final DataSource dataSource;

  private JdbcUsageCounter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * A counter on this data source, creating or upgrading the tables ({@link AuditSchema}).
   *
   * @param dataSource the database the consultations are counted in, shared by all nodes; not null
   * @return a thread-safe counter on the migrated tables
   * @throws AuditException if the tables cannot be created or upgraded
   */
  public static JdbcUsageCounter open(DataSource dataSource) {
    AuditSchema.migrate(Objects.requireNonNull(dataSource, "dataSource"));
    return new JdbcUsageCounter(dataSource);
  }

  /**
   * A guard with the defaults of {@link UsageGuard#builder()}, counting in this database.
   *
   * @return a guard builder whose counter is this one, to adjust and build
   */
  public UsageGuard.Builder guard() {
    return UsageGuard.builder().counter(this);
  }

  @Override
  public Counts count(String partner, String agent, Instant at, Predicate<Counts> keep) {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      Counts counts;
      try (PreparedStatement st = c.prepareStatement(COUNT_SQL)) {
        st.setTimestamp(1, Timestamp.from(at.minus(HOUR)));
        st.setString(2, partner);
        st.setString(3, agent);
        st.setTimestamp(4, Timestamp.from(at.minus(DAY)));
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          counts = new Counts(rs.getInt(1) + 1, rs.getInt(2) + 1);
        }
      }
      if (keep.test(counts)) {
        try (PreparedStatement st = c.prepareStatement(KEEP_SQL)) {
          st.setString(1, partner);
          st.setString(2, agent);
          st.setTimestamp(3, Timestamp.from(at.minus(DAY)));
          st.setString(4, partner);
          st.setString(5, agent);
          st.setTimestamp(6, Timestamp.from(at));
          st.executeUpdate();
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new AuditException(
          "Usage counts unavailable (" + JdbcAuditVerifier.sqlError(e) + ")", e);
    }
  }

  private static final String COUNT_SQL =
      "SELECT count(*) FILTER (WHERE consulted_at > ?), count(*) FROM cdap_usage"
          + " WHERE partner = ? AND agent = ? AND consulted_at > ?";

  // Counts older than 24 hours are forgotten as the agent's next consultation is kept.
  private static final String KEEP_SQL =
      "WITH expired AS (DELETE FROM cdap_usage WHERE partner = ? AND agent = ?"
          + " AND consulted_at <= ?)"
          + " INSERT INTO cdap_usage (partner, agent, consulted_at) VALUES (?, ?, ?)";

  @Override
  public String toString() {
    return "JdbcUsageCounter{table cdap_usage}";
  }
}
