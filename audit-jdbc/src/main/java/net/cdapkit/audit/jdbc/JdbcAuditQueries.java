package net.cdapkit.audit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import net.cdapkit.audit.AuditChain;
import net.cdapkit.audit.AuditException;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;

/**
 * "Who consulted this dossier", on a {@link JdbcAuditSink} table: the dossier's pseudonym is
 * recomputed with the key and looked up through the index on {@code (dossier, recorded_at)}, so the
 * answer costs one index probe however many records the table holds. Only records whose MAC
 * verifies are returned; run {@link JdbcAuditVerifier} to know whether the chain is whole.
 */
public final class JdbcAuditQueries {
  /** The statement {@link #who} runs; for {@code EXPLAIN}. */
  public static final String WHO_SQL =
      "SELECT line FROM cdap_audit_record WHERE dossier = ? ORDER BY recorded_at, partner, seq";

  private JdbcAuditQueries() {}

  /**
   * Every record about this dossier, oldest first, across partners: PENDING records and outcomes
   * alike.
   *
   * @param dataSource the database holding the {@link JdbcAuditSink} table
   * @param key the journal key the records were written under: it recomputes the dossier's
   *     pseudonym and verifies each record's MAC
   * @param caf the CAF holding the dossier; not null
   * @param numero the dossier's numéro allocataire; not null, never stored or logged in clear
   * @return the records whose MAC verifies, oldest first (by recording time, then partner and
   *     sequence number); an unmodifiable list, empty if none
   * @throws AuditException if the table cannot be read
   */
  public static List<AuditRecord> who(
      DataSource dataSource, AuditKey key, CafCode caf, NumeroAllocataire numero) {
    Objects.requireNonNull(caf, "caf");
    Objects.requireNonNull(numero, "numero");
    Optional<String> pseudonym = Optional.of(key.pseudonym(caf, numero));
    List<AuditRecord> found = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement(WHO_SQL)) {
      st.setString(1, pseudonym.get());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          AuditChain.check(key, rs.getString(1))
              .recordIfValid()
              .filter(r -> r.dossier().equals(pseudonym))
              .ifPresent(found::add);
        }
      }
    } catch (SQLException e) {
      throw new AuditException(
          "Audit table cannot be read (" + JdbcAuditVerifier.sqlError(e) + ")", e);
    }
    return List.copyOf(found);
  }
}
