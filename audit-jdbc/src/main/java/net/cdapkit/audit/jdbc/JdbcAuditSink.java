package net.cdapkit.audit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import net.cdapkit.audit.AuditChain;
import net.cdapkit.audit.AuditException;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.audit.AuditSink;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;

/**
 * An audit sink in a PostgreSQL table, shared by every node of an application: the file journal's
 * records and HMAC chain ({@link AuditChain}), one chain per partner account.
 *
 * <pre>{@code
 * DataSource pool = ...;                       // the application's own (HikariCP or any pool)
 * JdbcAuditSink sink = JdbcAuditSink.builder(pool, AuditKey.load(keyFile)).open();
 * CdapClient client = CdapClient.builder().auditSink(sink)...build();
 * }</pre>
 *
 * <p><b>Many nodes at once.</b> Each append is one transaction that locks the partner's head row
 * ({@code SELECT … FOR UPDATE} on {@code cdap_audit_head}), checks the last record against the key,
 * inserts the new record chained to it and moves the head. Appends of one partner are thus
 * serialised across nodes and the chain has one order, whatever node wrote each record; different
 * partners do not wait for each other. The lock lasts one short transaction, so the throughput of
 * one partner's chain is bounded by the database's commit latency.
 *
 * <p><b>Fail-closed, as the file journal.</b> {@link #append} returns only after the transaction
 * committed; any failure (the database unreachable, a constraint, a timeout) throws {@link
 * AuditException}, and the client then sends nothing. An append refuses to continue a chain whose
 * last record does not verify under the key (altered, or written with another key), as the file
 * journal refuses to open such a file. A transaction either commits whole or not at all: there is
 * no partial record to undo.
 *
 * <p>Thread-safe, holds no connection between appends.
 */
public final class JdbcAuditSink implements AuditSink {
  private final DataSource dataSource;
  private final AuditKey key;

  private JdbcAuditSink(Builder b) {
    this.dataSource = b.dataSource;
    this.key = b.key;
  }

  /** A builder for a sink on this data source, chained under this key. */
  public static Builder builder(DataSource dataSource, AuditKey key) {
    return new Builder(dataSource, key);
  }

  @Override
  public void append(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    String partner = record.partner();
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        Head head = lockHead(c, partner);
        AuditChain.Link link = AuditChain.link(key, head.seq + 1, record, head.mac);
        insert(c, record, link);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new AuditException(
          "Audit record not written to the database ("
              + e.getClass().getSimpleName()
              + (e.getSQLState() == null ? "" : ", SQL state " + e.getSQLState())
              + ")",
          e);
    }
  }

  private record Head(long seq, String mac) {}

  /** Locks the partner's head row (creating it at the chain's start) and checks its last record. */
  private Head lockHead(Connection c, String partner) throws SQLException {
    Head head = selectHead(c, partner);
    if (head == null) {
      try (PreparedStatement st =
          c.prepareStatement(
              "INSERT INTO cdap_audit_head (partner, seq, mac) VALUES (?, 0, ?)"
                  + " ON CONFLICT (partner) DO NOTHING")) {
        st.setString(1, partner);
        st.setString(2, AuditChain.GENESIS);
        st.executeUpdate();
      }
      head = selectHead(c, partner);
      if (head == null) {
        throw new AuditException("Audit chain head could not be created");
      }
    }
    return head;
  }

  private Head selectHead(Connection c, String partner) throws SQLException {
    // The head keeps a copy of the last record's line: the locking statement alone returns the
    // latest version after waiting for another node's transaction, in one round trip.
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT seq, mac, line FROM cdap_audit_head WHERE partner = ? FOR UPDATE")) {
      st.setString(1, partner);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long seq = rs.getLong(1);
        String mac = rs.getString(2);
        String line = rs.getString(3);
        if (seq > 0) {
          AuditChain.Checked last = line == null ? null : AuditChain.check(key, line);
          if (last == null
              || !last.valid()
              || last.seq() != seq
              || !AuditChain.sameMac(last.mac(), mac)) {
            throw new AuditException(
                "Audit chain's last record does not match the key (altered, or another key):"
                    + " run the verifier");
          }
        }
        return new Head(seq, mac);
      }
    }
  }

  /** Inserts the record and moves the head to it, in one statement (one round trip). */
  private static void insert(Connection c, AuditRecord r, AuditChain.Link link)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "WITH appended AS (INSERT INTO cdap_audit_record (partner, seq, recorded_at,"
                + " operation_id, agent, operation, outcome, dossier, mac, line)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"
                + " UPDATE cdap_audit_head SET seq = ?, mac = ?, line = ? WHERE partner = ?")) {
      st.setString(1, r.partner());
      st.setLong(2, link.seq());
      st.setTimestamp(3, Timestamp.from(r.time()));
      st.setString(4, r.operationId());
      st.setString(5, r.agent());
      st.setString(6, r.operation().name());
      st.setString(7, r.outcome().name());
      st.setString(8, r.dossier().orElse(null));
      st.setString(9, link.mac());
      st.setString(10, link.line());
      st.setLong(11, link.seq());
      st.setString(12, link.mac());
      st.setString(13, link.line());
      st.setString(14, r.partner());
      if (st.executeUpdate() != 1) {
        throw new AuditException("Audit chain head moved while locked");
      }
    }
  }

  @Override
  public String pseudonym(CafCode caf, NumeroAllocataire numero) {
    return key.pseudonym(caf, numero);
  }

  /**
   * Purges the records written before {@code before}, for every partner, leaving each chain
   * verifiable: before deleting, writes a checkpoint naming the last record purged (its sequence
   * number and MAC), signed under the journal key. The last record of a chain is always kept (it
   * anchors the head). Safe while other nodes append (it takes the same head lock, one partner at a
   * time).
   *
   * @return how many records were deleted
   * @throws AuditException if the database refuses; nothing of that partner is then deleted
   */
  public long purgeBefore(Instant instant) {
    // The database keeps microseconds; the signed statement must read back the same.
    Instant before = Objects.requireNonNull(instant, "before").truncatedTo(ChronoUnit.MICROS);
    long deleted = 0;
    try (Connection c = dataSource.getConnection()) {
      List<String> partners = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("SELECT partner FROM cdap_audit_head");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          partners.add(rs.getString(1));
        }
      }
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        for (String partner : partners) {
          deleted += purge(c, partner, before);
          c.commit();
        }
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new AuditException(
          "Audit records not purged (" + e.getClass().getSimpleName() + ")", e);
    }
    return deleted;
  }

  /**
   * Purges the records older than {@code age} (e.g. {@code Duration.ofDays(365)}).
   *
   * @see #purgeBefore(Instant)
   */
  public long purgeOlderThan(Duration age) {
    if (age == null || age.isNegative() || age.isZero()) {
      throw new InvalidInputException("Retention age must be positive");
    }
    return purgeBefore(Instant.now().minus(age));
  }

  private long purge(Connection c, String partner, Instant before) throws SQLException {
    Head head = lockHead(c, partner);
    long last;
    String mac;
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT seq, mac FROM cdap_audit_record WHERE partner = ? AND recorded_at < ?"
                + " AND seq < ? ORDER BY seq DESC LIMIT 1")) {
      st.setString(1, partner);
      st.setTimestamp(2, Timestamp.from(before));
      st.setLong(3, head.seq);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return 0;
        }
        last = rs.getLong(1);
        mac = rs.getString(2);
      }
    }
    String statement = Checkpoints.statement(partner, last, before);
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO cdap_audit_checkpoint (partner, seq, mac, purged_before, statement,"
                + " signature) VALUES (?, ?, ?, ?, ?, ?)")) {
      st.setString(1, partner);
      st.setLong(2, last);
      st.setString(3, mac);
      st.setTimestamp(4, Timestamp.from(before));
      st.setString(5, statement);
      st.setString(6, AuditChain.sign(key, mac, statement));
      st.executeUpdate();
    }
    try (PreparedStatement st =
        c.prepareStatement("DELETE FROM cdap_audit_record WHERE partner = ? AND seq <= ?")) {
      st.setString(1, partner);
      st.setLong(2, last);
      return st.executeUpdate();
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // The connection is broken; the pool discards it and the transaction dies with it.
    }
  }

  @Override
  public String toString() {
    return "JdbcAuditSink{one chain per partner, table cdap_audit_record}";
  }

  /** Configures a {@link JdbcAuditSink}. */
  public static final class Builder {
    private final DataSource dataSource;
    private final AuditKey key;
    private boolean migrate = true;

    private Builder(DataSource dataSource, AuditKey key) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * Whether {@link #open()} creates or upgrades the tables with Flyway ({@link AuditSchema});
     * default true. Turn it off when the tables are migrated apart, by a role allowed to.
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Opens the sink.
     *
     * @throws AuditException if the tables cannot be created or upgraded
     */
    public JdbcAuditSink open() {
      if (migrate) {
        AuditSchema.migrate(dataSource);
      }
      return new JdbcAuditSink(this);
    }
  }
}
