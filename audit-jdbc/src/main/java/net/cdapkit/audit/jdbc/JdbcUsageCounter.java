package net.cdapkit.audit.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * <p>Each count is one transaction holding a transaction-scoped advisory lock on the (partner,
 * agent) pair: two nodes counting the same agent at once take turns, so a threshold is never
 * crossed by two consultations that each saw room for one more. Rows older than 24 hours are
 * deleted as the agent's next consultation is counted. Thread-safe.
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
   * @throws AuditException if the tables cannot be created or upgraded
   */
  public static JdbcUsageCounter open(DataSource dataSource) {
    AuditSchema.migrate(Objects.requireNonNull(dataSource, "dataSource"));
    return new JdbcUsageCounter(dataSource);
  }

  /** A guard with the defaults of {@link UsageGuard#builder()}, counting in this database. */
  public UsageGuard.Builder guard() {
    return UsageGuard.builder().counter(this);
  }

  @Override
  public Counts count(String partner, String agent, Instant at, Predicate<Counts> keep) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          st.setLong(1, lockId(partner, agent));
          st.execute();
        }
        try (PreparedStatement st =
            c.prepareStatement(
                "DELETE FROM cdap_usage WHERE partner = ? AND agent = ? AND consulted_at <= ?")) {
          st.setString(1, partner);
          st.setString(2, agent);
          st.setTimestamp(3, Timestamp.from(at.minus(DAY)));
          st.executeUpdate();
        }
        Counts counts;
        try (PreparedStatement st =
            c.prepareStatement(
                "SELECT count(*) FILTER (WHERE consulted_at > ?), count(*) FROM cdap_usage"
                    + " WHERE partner = ? AND agent = ? AND consulted_at > ?")) {
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
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO cdap_usage (partner, agent, consulted_at) VALUES (?, ?, ?)")) {
            st.setString(1, partner);
            st.setString(2, agent);
            st.setTimestamp(3, Timestamp.from(at));
            st.executeUpdate();
          }
        }
        c.commit();
        return counts;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // The pool discards a broken connection.
        }
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new AuditException(
          "Usage counts unavailable (" + JdbcAuditVerifier.sqlError(e) + ")", e);
    }
  }

  /** The advisory lock of a (partner, agent) pair: 64 bits of its SHA-256. */
  private static long lockId(String partner, String agent) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("cdap-usage\u0000" + partner + '\u0000' + agent)
                      .getBytes(StandardCharsets.UTF_8));
      long id = 0;
      for (int i = 0; i < 8; i++) {
        id = (id << 8) | (d[i] & 0xff);
      }
      return id;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcUsageCounter{table cdap_usage}";
  }
}
