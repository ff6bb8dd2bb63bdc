package net.cdapkit.audit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import net.cdapkit.audit.AuditChain;
import net.cdapkit.audit.AuditJournalVerifier.Problem;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditRecord;

/**
 * Checks the chains of a {@link JdbcAuditSink} table against the key, one partner at a time: every
 * record's MAC, the chain of {@code prev} values and the sequence numbers, from the latest signed
 * retention checkpoint (or the chain's start) to the head; the query columns against the line the
 * MAC covers; and the head against the last record, which detects records removed from the end by
 * someone who did not also forge the head. Names the first bad record by its sequence number.
 *
 * <p>Records are read in pages of {@value #PAGE} in sequence order, so a chain of millions of
 * records is checked in constant memory. Against someone who rewrote the table <em>and</em> its
 * head consistently, keep the head's sequence number and MAC elsewhere from time to time and pass
 * the number as {@code expectedSeq}.
 */
public final class JdbcAuditVerifier {
  private static final int PAGE = 5_000;

  private JdbcAuditVerifier() {}

  /** The verdict on one partner's chain. Its {@link #toString()} is a sentence for a terminal. */
  public record Result(
      String partner,
      long records,
      long fromSeq,
      long lastSeq,
      String lastMac,
      long badSeq,
      Problem problemOrNull,
      String detail) {

    /**
     * Whether every record checked and none is missing.
     *
     * @return true if the chain verified whole, false if a problem was found
     */
    public boolean intact() {
      return problemOrNull == null;
    }

    /**
     * What was wrong, if anything.
     *
     * @return the problem found, or empty if the chain is intact
     */
    public Optional<Problem> problem() {
      return Optional.ofNullable(problemOrNull);
    }

    /**
     * The sequence number of the first bad record, if any.
     *
     * @return the first bad record's sequence number, or empty if no single record is at fault
     *     (chain intact, or the table could not be read)
     */
    public OptionalLong firstBadSeq() {
      return badSeq > 0 ? OptionalLong.of(badSeq) : OptionalLong.empty();
    }

    @Override
    public String toString() {
      String where = "partner " + partner + ": ";
      String range =
          fromSeq > 1 ? " from checkpoint after seq " + (fromSeq - 1) : " from the chain's start";
      if (problemOrNull == null) {
        return where + "intact: " + records + " record(s)" + range + ", chain and MACs verified";
      }
      return where
          + (badSeq > 0 ? "first bad record at seq " + badSeq + ": " : "")
          + problemOrNull
          + " — "
          + detail
          + " ("
          + records
          + " record(s) verified before it)";
    }
  }

  /**
   * Verifies every partner's chain.
   *
   * @param dataSource the database holding the {@link JdbcAuditSink} tables
   * @param key the journal key the records were written under
   * @return one result per partner, in partner order; a single result for partner {@code "*"} with
   *     {@link Problem#UNREADABLE} if the partners cannot be listed
   */
  public static List<Result> verifyAll(DataSource dataSource, AuditKey key) {
    List<Result> results = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      List<String> partners = new ArrayList<>();
      try (PreparedStatement st =
              c.prepareStatement("SELECT partner FROM cdap_audit_head ORDER BY partner");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          partners.add(rs.getString(1));
        }
      }
      for (String partner : partners) {
        results.add(verify(c, key, partner, 0));
      }
    } catch (SQLException e) {
      results.add(
          new Result("*", 0, 0, 0, null, 0, Problem.UNREADABLE, "cannot read: " + sqlError(e)));
    }
    return results;
  }

  /**
   * Verifies one partner's chain, and that it reaches at least {@code expectedSeq} (a head kept
   * elsewhere; 0 for no such check).
   *
   * @param dataSource the database holding the {@link JdbcAuditSink} tables
   * @param key the journal key the records were written under
   * @param partner the partner whose chain is verified
   * @param expectedSeq the lowest sequence number the chain's head must reach, as recorded
   *     elsewhere; 0 to skip this check
   * @return the verdict; {@link Problem#UNREADABLE} if the table cannot be read, never thrown
   */
  public static Result verify(
      DataSource dataSource, AuditKey key, String partner, long expectedSeq) {
    try (Connection c = dataSource.getConnection()) {
      return verify(c, key, partner, expectedSeq);
    } catch (SQLException e) {
      return new Result(
          partner, 0, 0, 0, null, 0, Problem.UNREADABLE, "cannot read: " + sqlError(e));
    }
  }

  private static Result verify(Connection c, AuditKey key, String partner, long expectedSeq)
      throws SQLException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(partner, "partner");
    Progress progress = new Progress(partner);
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT seq, mac, purged_before, statement, signature FROM cdap_audit_checkpoint"
                + " WHERE partner = ? ORDER BY seq DESC LIMIT 1")) {
      st.setString(1, partner);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          long seq = rs.getLong(1);
          String mac = rs.getString(2);
          String statement = rs.getString(4);
          boolean sameText =
              statement.equals(Checkpoints.statement(partner, seq, rs.getTimestamp(3).toInstant()));
          if (!sameText
              || !AuditChain.sameMac(rs.getString(5), AuditChain.sign(key, mac, statement))) {
            return new Result(
                partner,
                0,
                seq + 1,
                0,
                null,
                0,
                Problem.BAD_MAC,
                "the retention checkpoint after seq "
                    + seq
                    + " was changed, or was not signed with this key");
          }
          progress.startAfterCheckpoint(seq, mac);
        }
      }
    }
    boolean more = true;
    while (more) {
      more = false;
      try (PreparedStatement st =
          c.prepareStatement(
              "SELECT seq, partner, dossier, operation_id, line FROM cdap_audit_record"
                  + " WHERE partner = ? AND seq >= ? ORDER BY seq LIMIT "
                  + PAGE)) {
        st.setString(1, partner);
        st.setLong(2, progress.expected());
        try (ResultSet rs = st.executeQuery()) {
          int rows = 0;
          while (rs.next()) {
            rows++;
            Result bad = progress.check(key, rs);
            if (bad != null) {
              return bad;
            }
          }
          more = rows == PAGE;
        }
      }
    }
    String truncation = truncation(c, progress, expectedSeq);
    return truncation == null ? progress.intact() : progress.bad(0, Problem.TRUNCATED, truncation);
  }

  /**
   * What is missing at the chain's end, or null: the head must name the last record, and the last
   * record must reach the sequence number kept elsewhere.
   */
  private static String truncation(Connection c, Progress progress, long expectedSeq)
      throws SQLException {
    long lastSeq = progress.expected() - 1;
    long headSeq = -1;
    String headMac = null;
    try (PreparedStatement st =
        c.prepareStatement("SELECT seq, mac FROM cdap_audit_head WHERE partner = ?")) {
      st.setString(1, progress.partner);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          headSeq = rs.getLong(1);
          headMac = rs.getString(2);
        }
      }
    }
    if (headSeq != lastSeq || !progress.prev.equals(headMac)) {
      return "the chain's head names seq "
          + (headSeq < 0 ? "none" : String.valueOf(headSeq))
          + ", the records end at "
          + lastSeq;
    }
    return lastSeq < expectedSeq
        ? "seq " + expectedSeq + " expected, the records end at " + lastSeq
        : null;
  }

  /** How far the check has gone along one partner's chain: what any verdict reports. */
  private static final class Progress {
    final String partner;
    long fromSeq = 1;
    String prev = AuditChain.GENESIS;
    long verified;

    Progress(String partner) {
      this.partner = partner;
    }

    void startAfterCheckpoint(long seq, String mac) {
      fromSeq = seq + 1;
      prev = mac;
    }

    /** The sequence number the next record must carry. */
    long expected() {
      return fromSeq + verified;
    }

    /**
     * Checks the record at the cursor's row ({@code seq, partner, dossier, operation_id, line}) and
     * counts it if sound.
     *
     * @return the verdict on the first bad record, or null if this one is sound
     */
    Result check(AuditKey key, ResultSet rs) throws SQLException {
      long rowSeq = rs.getLong(1);
      AuditChain.Checked checked = AuditChain.check(key, rs.getString(5));
      if (!checked.valid()) {
        return bad(rowSeq, checked.problem(), checked.detail());
      }
      if (!checked.prev().equals(prev)) {
        return bad(
            rowSeq,
            Problem.BROKEN_CHAIN,
            rowSeq == fromSeq && rowSeq == expected()
                ? "not chained to the record before it (removed, or a checkpoint missing)"
                : "a record was removed, inserted or moved here");
      }
      if (checked.seq() != expected() || rowSeq != expected()) {
        return bad(
            rowSeq,
            Problem.BAD_SEQUENCE,
            "sequence " + checked.seq() + " where " + expected() + " was expected");
      }
      AuditRecord r = checked.record();
      if (!r.partner().equals(rs.getString(2))
          || !r.dossier().equals(Optional.ofNullable(rs.getString(3)))
          || !r.operationId().equals(rs.getString(4))) {
        return bad(
            rowSeq,
            Problem.MALFORMED,
            "the row's query columns differ from the record its MAC covers");
      }
      verified++;
      prev = checked.mac();
      return null;
    }

    Result bad(long badSeq, Problem problem, String detail) {
      return new Result(partner, verified, fromSeq, expected() - 1, prev, badSeq, problem, detail);
    }

    Result intact() {
      return new Result(partner, verified, fromSeq, expected() - 1, prev, 0, null, null);
    }
  }

  static String sqlError(SQLException e) {
    return e.getClass().getSimpleName()
        + (e.getSQLState() == null ? "" : ", SQL state " + e.getSQLState());
  }
}
