package net.cdapkit.audit;

/** How an audited operation ended, as the partner's journal records it. */
public enum AuditOutcome {
  /**
   * Written before the request is sent. Exactly one outcome record with the same {@linkplain
   * AuditRecord#operationId() operation id} follows, unless the process stopped during the call: a
   * PENDING record without an outcome is an attempt whose result is not known.
   */
  PENDING,
  /** The server answered and the answer was decoded. */
  SUCCESS,
  /**
   * Refused: by the client before any request (habilitation, finalité, atypical use — then {@code
   * attempts} is 0) or by the server (403).
   */
  DENIED,
  /** No such dossier in this CAF. */
  NOT_FOUND,
  /** Any other failure; {@link AuditRecord#failure()} names the exception type. */
  FAILED,
  /** An operation with effects was sent but no answer confirmed it (dialogue, postal send). */
  OUTCOME_UNKNOWN
}
