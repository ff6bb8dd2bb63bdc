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
 * <p><b>Many nodes at once.</b> An append reads the partner's head ({@code cdap_audit_head}: the
 * last record's sequence number, MAC and line), checks that last record against the key, chains the
 * new record after it and, in one statement, moves the head <em>only if it is still the one
 * read</em> and inserts the record. Two nodes that race on the same head: one statement wins (the
 * row lock lasts that statement only), the other changes nothing, reads the new head and chains
 * after it. Appends of one partner are thus serialised across nodes and the chain has one order,
 * whatever node wrote each record; different partners do not wait for each other. Within one node,
 * appends that arrive while a transaction is under way are written together by the next one (group
 * commit): each caller still returns only once its own record is committed, and the head lock is
 * taken once per batch rather than once per record, which keeps a busy node's throughput from being
 * bound by the lock's round trips.
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

  /**
   * A builder for a sink on this data source, chained under this key.
   *
   * @param dataSource the database the records are written to; not null
   * @param key the journal key that pseudonymises dossiers and MACs the chain; not null
   * @return a builder that creates or upgrades the tables on {@link Builder#open()} by default
   */
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
      // No connection: nothing of the batch was written.
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
    } finally {
      // Whatever happened (even an Error), the waiting callers get a verdict and a next writer.
      AuditException verdict =
          failure != null ? failure : new AuditException("Audit record not written (stopped)");
      synchronized (queue) {
        for (Pending p : batch) {
          if (failure != null || !p.written) {
            p.failure = p.failure != null ? p.failure : verdict;
          }
          p.done = true;
        }
        writing = false;
        queue.notifyAll();
      }
    }
    mine.result();
  }

  /**
   * Writes a batch, one statement per partner: each partner's records are kept all or none, and a
   * partner's failure is its own records' failure only.
   */
  private void write(List<Pending> batch) throws SQLException {
    java.util.LinkedHashMap<String, List<Pending>> byPartner = new java.util.LinkedHashMap<>();
    for (Pending p : batch) {
      byPartner.computeIfAbsent(p.record.partner(), k -> new ArrayList<>()).add(p);
    }
    try (Connection c = dataSource.getConnection()) {
      for (var entry : byPartner.entrySet()) {
        try {
          appendChained(c, entry.getKey(), entry.getValue());
          entry.getValue().forEach(p -> p.written = true);
        } catch (SQLException | RuntimeException e) {
          AuditException failure =
              e instanceof AuditException a
                  ? a
                  : new AuditException(
                      "Audit record not written to the database ("
                          + (e instanceof SQLException sql
                              ? JdbcAuditVerifier.sqlError(sql)
                              : e.getClass().getSimpleName())
                          + ")",
                      e);
          entry.getValue().forEach(p -> p.failure = failure);
        }
      }
    }
  }

  /**
   * Chains the records after the partner's head and moves the head, in one statement that moves the
   * head only if it is still the one read: nodes that append at once never hold a lock across a
   * round trip; the loser of a race reads the new head and tries again.
   */
  private void appendChained(Connection c, String partner, List<Pending> records)
      throws SQLException {
    if (!c.getAutoCommit()) {
      c.setAutoCommit(true);
    }
    for (int attempt = 0; attempt < MAX_RACES; attempt++) {
      Head head = head(c, partner, false);
      int n = records.size();
      String[] partners = new String[n];
      Long[] seqs = new Long[n];
      Timestamp[] times = new Timestamp[n];
      String[] ops = new String[n];
      String[] agents = new String[n];
      String[] operations = new String[n];
      String[] outcomes = new String[n];
      String[] dossiers = new String[n];
      String[] macs = new String[n];
      String[] lines = new String[n];
      long seq = head.seq;
      String prev = head.mac;
      AuditChain.Link link = null;
      for (int i = 0; i < n; i++) {
        AuditRecord r = records.get(i).record;
        link = AuditChain.link(key, ++seq, r, prev);
        prev = link.mac();
        partners[i] = partner;
        seqs[i] = link.seq();
        times[i] = Timestamp.from(r.time());
        ops[i] = r.operationId();
        agents[i] = r.agent();
        operations[i] = r.operation().name();
        outcomes[i] = r.outcome().name();
        dossiers[i] = r.dossier().orElse(null);
        macs[i] = link.mac();
        lines[i] = link.line();
      }
      try (PreparedStatement st = c.prepareStatement(APPEND_SQL)) {
        st.setLong(1, link.seq());
        st.setString(2, link.mac());
        st.setString(3, link.line());
        st.setString(4, partner);
        st.setLong(5, head.seq);
        st.setString(6, head.mac);
        st.setArray(7, c.createArrayOf("text", partners));
        st.setArray(8, c.createArrayOf("int8", seqs));
        st.setArray(9, c.createArrayOf("timestamptz", times));
        st.setArray(10, c.createArrayOf("text", ops));
        st.setArray(11, c.createArrayOf("text", agents));
        st.setArray(12, c.createArrayOf("text", operations));
        st.setArray(13, c.createArrayOf("text", outcomes));
        st.setArray(14, c.createArrayOf("text", dossiers));
        st.setArray(15, c.createArrayOf("text", macs));
        st.setArray(16, c.createArrayOf("text", lines));
        if (st.executeUpdate() == n) {
          return;
        }
      }
    }
    throw new AuditException("Audit chain head kept moving: record not written, try again");
  }

  private static final int MAX_RACES = 100;

  private static final String APPEND_SQL =
      "WITH moved AS (UPDATE cdap_audit_head SET seq = ?, mac = ?, line = ?"
          + " WHERE partner = ? AND seq = ? AND mac = ? RETURNING partner)"
          + " INSERT INTO cdap_audit_record (partner, seq, recorded_at, operation_id, agent,"
          + " operation, outcome, dossier, mac, line)"
          + " SELECT * FROM unnest(?::text[], ?::int8[], ?::timestamptz[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
          + " WHERE EXISTS (SELECT 1 FROM moved)";

  /**
   * The partner's head row, created at the chain's start; locked for update when {@code lock} (the
   * writer's), read as is otherwise.
   */
  private Head head(Connection c, String partner, boolean lock) throws SQLException {
    Head head = selectHead(c, partner, lock);
    if (head == null) {
      createHead(c, partner);
      head = selectHead(c, partner, lock);
    }
    return head;
  }

  /** A record waiting for its batch to be committed. */
  private static final class Pending {
    final AuditRecord record;
    boolean written; // set by the writer once its partner's statement committed
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

  private static void createHead(Connection c, String partner) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO cdap_audit_head (partner, seq, mac) VALUES (?, 0, ?)"
                + " ON CONFLICT (partner) DO NOTHING")) {
      st.setString(1, partner);
      st.setString(2, AuditChain.GENESIS);
      st.executeUpdate();
    }
  }

  private Head selectHead(Connection c, String partner, boolean lock) throws SQLException {
    // The head keeps a copy of the last record's line, checked against the key before chaining.
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT seq, mac, line FROM cdap_audit_head WHERE partner = ?"
                + (lock ? " FOR UPDATE" : ""))) {
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
   * @param instant the cut-off: records recorded strictly before it are deleted (except each
   *     chain's last); not null, truncated to the microsecond as the database stores it
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
   * @param age the retention period, counted back from now; must be positive
   * @return how many records were deleted
   * @throws InvalidInputException if {@code age} is null, zero or negative
   * @see #purgeBefore(Instant)
   */
  public long purgeOlderThan(Duration age) {
    if (age == null || age.isNegative() || age.isZero()) {
      throw new InvalidInputException("Retention age must be positive");
    }
    return purgeBefore(Instant.now().minus(age));
  }

  private long purge(Connection c, String partner, Instant before) throws SQLException {
    Head head = head(c, partner, true);
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
     *
     * @param migrate true to migrate the tables on {@link #open()}, false to expect them present
     * @return this builder
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Opens the sink.
     *
     * @return a new sink, ready to append; thread-safe
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
