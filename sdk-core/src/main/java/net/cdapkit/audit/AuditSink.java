package net.cdapkit.audit;

import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;

/**
 * Where the client writes its audit records: the partner's proof of who consulted which dossier,
 * when and why. {@link JsonLinesAuditJournal} is the ready-made one; a partner may write its own (a
 * database table, a log shipper) by implementing these two methods.
 *
 * <p>Implementations must be thread-safe (a client serves many threads) and must make a record
 * durable enough before {@link #append} returns: with the client's default fail-closed setting, a
 * request is sent only after its {@link AuditOutcome#PENDING} record was appended without an
 * exception.
 */
public interface AuditSink {

  /**
   * Appends one record. Called before each request (PENDING), after it (the outcome), and for each
   * refusal decided before any request.
   *
   * @param record the record to keep, never null
   * @throws RuntimeException if the record could not be kept; with fail-closed (the default) the
   *     client then sends nothing and throws {@link AuditException}
   */
  void append(AuditRecord record);

  /**
   * The dossier's pseudonym for {@link AuditRecord#dossier()}: a keyed hash that only the journal's
   * key holder can link back to a dossier. Use {@link AuditKey#pseudonym} unless you have a reason
   * not to; never return the numéro or an unkeyed hash of it (seven digits are quickly enumerated).
   * It must be stable: a session computes the pseudonym of the dossier it consults once and names
   * it so in that dossier's following records.
   *
   * @param caf the dossier's CAF
   * @param numero the dossier's numéro allocataire
   * @return 64 lower-case hex digits
   */
  String pseudonym(CafCode caf, NumeroAllocataire numero);

  /**
   * A sink that keeps nothing: the client's default. A partner's production configuration must set
   * a real sink — the convention with the CAF requires being able to say who consulted which
   * dossier, when and why, and without a sink the SDK cannot.
   *
   * @return the sink that discards records
   */
  static AuditSink none() {
    return NoAuditSink.INSTANCE;
  }
}
