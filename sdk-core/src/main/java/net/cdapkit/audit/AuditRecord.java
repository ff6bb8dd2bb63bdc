package net.cdapkit.audit;

import java.time.Instant;
import java.util.Optional;
import net.cdapkit.capability.Tab;
import net.cdapkit.internal.CdapStyle;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import org.immutables.value.Value;

/**
 * One line of the partner's audit journal: who (partner, agent, profile) did what (operation, tab
 * or attestation) on which dossier (a keyed pseudonym, never the numéro), when, why (finalité) and
 * how it ended. Holds no personal data of the allocataire, so that the journal can be kept for
 * years and shown to an auditor.
 */
@Value.Immutable
@CdapStyle
public abstract class AuditRecord {
  /** When the client wrote the record (the client's clock). */
  public abstract Instant time();

  /** The same for an operation's {@link AuditOutcome#PENDING} record and its outcome record. */
  public abstract String operationId();

  /** The partner organisation's identifier, as the server gave it at authentication. */
  public abstract String partner();

  /** The acting agent's identifier (their login), sent as {@code X-Cdap-Agent}. */
  public abstract String agent();

  /** The session's profile code, e.g. {@code T1}. */
  public abstract String profile();

  /** The CAF concerned, when the operation concerns one. */
  public abstract Optional<CafCode> caf();

  /**
   * The dossier's pseudonym: HMAC-SHA256 of {@code "caf:numéro"} (numéro on 7 digits) under the
   * journal key, in lower-case hex. Only a holder of the key can tell which dossier it is, by
   * recomputing it ({@link AuditKey#pseudonym}).
   */
  public abstract Optional<String> dossier();

  public abstract AuditOperation operation();

  /** The tab read, for {@link AuditOperation#TAB}. */
  public abstract Optional<Tab> tab();

  /** The page number requested, for the paged tabs (paiements, courriers). */
  public abstract Optional<Integer> page();

  /** The attestation type, for the attestation operations. */
  public abstract Optional<AttestationType> attestationType();

  /** The declared purpose; absent only for a Dialogue message about no dossier. */
  public abstract Optional<FinaliteCode> finalite();

  /** Whether the agent gave a free-text detail with the finalité. */
  @Value.Default
  public boolean finaliteDetailGiven() {
    return finaliteDetail().isPresent();
  }

  /**
   * The finalité's free-text detail, only when the partner opted in ({@code
   * CdapClient.Builder.auditFinaliteDetail(true)}): it may describe the household.
   */
  @Value.Redacted
  public abstract Optional<String> finaliteDetail();

  public abstract AuditOutcome outcome();

  /** The exception type's simple name, for every outcome but PENDING and SUCCESS. */
  public abstract Optional<String> failure();

  /** The request id of the last attempt, when a request was answered or sent. */
  public abstract Optional<String> requestId();

  /** HTTP attempts made; 0 for PENDING and for refusals decided before any request. */
  @Value.Default
  public int attempts() {
    return 0;
  }

  @Value.Check
  void check() {
    if (attempts() < 0) {
      throw new IllegalStateException("AuditRecord.attempts must not be negative");
    }
    if (dossier().isPresent() && !dossier().get().matches("[0-9a-f]{64}")) {
      throw new IllegalStateException(
          "AuditRecord.dossier must be a pseudonym of 64 lower-case hex digits");
    }
    if (finaliteDetail().isPresent() && !finaliteDetailGiven()) {
      throw new IllegalStateException(
          "AuditRecord.finaliteDetailGiven must be true when the detail is recorded");
    }
    boolean fine = outcome() == AuditOutcome.PENDING || outcome() == AuditOutcome.SUCCESS;
    if (fine == failure().isPresent()) {
      throw new IllegalStateException(
          "AuditRecord.failure is given exactly when the outcome is neither PENDING nor SUCCESS");
    }
    if (outcome() == AuditOutcome.PENDING && attempts() != 0) {
      throw new IllegalStateException("AuditRecord.attempts must be 0 for a PENDING record");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableAuditRecord.Builder {}
}
