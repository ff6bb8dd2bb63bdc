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
 * partners do not wait for each other. Within one node, appends that arrive while a transaction is
 * under way are written together by the next one (group commit): each caller still returns only
 * once its own record is committed, and the head lock is taken once per batch rather than once per
 * record, which keeps a busy node's throughput from being bound by the lock's round trips.
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
  private static final int MAX_BATCH = 256;

  private final DataSource dataSource;
  private final AuditKey key;
  private final java.util.ArrayDeque<Pending> queue = new java.util.ArrayDeque<>();
  private boolean writing; // guarded by queue

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
    Pending mine = new Pending(record);
    List<Pending> batch;
    synchronized (queue) {
      queue.add(mine);
      // Group commit: while one thread writes, the others queue up; the next writer takes every
      // record queued meanwhile into one transaction, so the head lock is taken once per batch.
      boolean interrupted = false;
      while (!mine.done && writing) {
        try {
          queue.wait();
        } catch (InterruptedException e) {
          // Written or not, the caller must know: wait for the verdict, then restore the flag.
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (mine.done) {
        mine.result();
        return;
      }
      writing = true;
      batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
      while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
        batch.add(queue.poll());
      }
    }
    AuditException failure = null;
    try {
      write(batch);
    } catch (SQLException e) {
      failure =
          new AuditException(
              "Audit record not written to the database (" + JdbcAuditVerifier.sqlError(e) + ")",
              e);
    } catch (RuntimeException e) {
      failure =
          e instanceof AuditException a
              ? a
              : new AuditException(
                  "Audit record not written to the database (" + e.getClass().getSimpleName() + ")",
                  e);
    }
    synchronized (queue) {
      for (Pending p : batch) {
        p.failure = failure;
        p.done = true;
      }
      writing = false;
      queue.notifyAll();
    }
    mine.result();
  }

  /** Writes a batch in one transaction: every record of it is kept, or none. */
  private void write(List<Pending> batch) throws SQLException {
    // Heads are locked in partner order, so that two nodes' batches never deadlock.
    java.util.TreeMap<String, List<AuditRecord>> byPartner = new java.util.TreeMap<>();
    for (Pending p : batch) {
      byPartner.computeIfAbsent(p.record.partner(), k -> new ArrayList<>()).add(p.record);
    }
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        for (var entry : byPartner.entrySet()) {
          Head head = lockHead(c, entry.getKey());
          append(c, entry.getKey(), head, entry.getValue());
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  /** A record waiting for its batch to be committed. */
  private static final class Pending {
    final AuditRecord record;
    boolean done; // guarded by the queue
    AuditException failure; // guarded by the queue

    Pending(AuditRecord record) {
      this.record = record;
    }

    void result() {
      if (failure != null) {
        // Each caller gets its own exception, with the batch's cause.
        throw new AuditException(failure.getMessage(), failure.getCause());
      }
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

  /** Inserts the records chained after the head, then moves the head to the last of them. */
  private void append(Connection c, String partner, Head head, List<AuditRecord> records)
      throws SQLException {
    long seq = head.seq;
    String prev = head.mac;
    AuditChain.Link link = null;
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO cdap_audit_record (partner, seq, recorded_at, operation_id, agent,"
                + " operation, outcome, dossier, mac, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditRecord r : records) {
        link = AuditChain.link(key, ++seq, r, prev);
        prev = link.mac();
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
        st.addBatch();
      }
      st.executeBatch();
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "UPDATE cdap_audit_head SET seq = ?, mac = ?, line = ? WHERE partner = ?")) {
      st.setLong(1, link.seq());
      st.setString(2, link.mac());
      st.setString(3, link.line());
      st.setString(4, partner);
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
