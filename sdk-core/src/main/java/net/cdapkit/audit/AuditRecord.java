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
  /**
   * When the client wrote the record (the client's clock).
   *
   * @return the record's instant
   */
  public abstract Instant time();

  /**
   * The same for an operation's {@link AuditOutcome#PENDING} record and its outcome record.
   *
   * @return the operation's identifier, shared by its two records
   */
  public abstract String operationId();

  /**
   * The partner organisation's identifier, as the server gave it at authentication.
   *
   * @return the partner's identifier
   */
  public abstract String partner();

  /**
   * The acting agent's identifier (their login), sent as {@code X-Cdap-Agent}.
   *
   * @return the agent's login
   */
  public abstract String agent();

  /**
   * The session's profile code, e.g. {@code T1}.
   *
   * @return the profile code
   */
  public abstract String profile();

  /**
   * The CAF concerned, when the operation concerns one.
   *
   * @return the CAF; empty for an operation that concerns none
   */
  public abstract Optional<CafCode> caf();

  /**
   * The dossier's pseudonym: HMAC-SHA256 of {@code "caf:numéro"} (numéro on 7 digits) under the
   * journal key, in lower-case hex. Only a holder of the key can tell which dossier it is, by
   * recomputing it ({@link AuditKey#pseudonym}).
   *
   * @return the pseudonym in lower-case hex; empty when the operation concerns no dossier
   */
  public abstract Optional<String> dossier();

  /**
   * What the agent did: select a CAF, open a dossier, read a tab, get an attestation, send a
   * message.
   *
   * @return the operation
   */
  public abstract AuditOperation operation();

  /**
   * The tab read, for {@link AuditOperation#TAB}.
   *
   * @return the tab; empty for other operations
   */
  public abstract Optional<Tab> tab();

  /**
   * The page number requested, for the paged tabs (paiements, courriers).
   *
   * @return the page number; empty for unpaged operations
   */
  public abstract Optional<Integer> page();

  /**
   * The attestation type, for the attestation operations.
   *
   * @return the attestation type; empty for other operations
   */
  public abstract Optional<AttestationType> attestationType();

  /**
   * The declared purpose; absent only for a Dialogue message about no dossier.
   *
   * @return the finalité's code; empty only for such a message
   */
  public abstract Optional<FinaliteCode> finalite();

  /**
   * Whether the agent gave a free-text detail with the finalité.
   *
   * @return true when a detail was given, whether or not it is recorded
   */
  @Value.Default
  public boolean finaliteDetailGiven() {
    return finaliteDetail().isPresent();
  }

  /**
   * The finalité's free-text detail, only when the partner opted in ({@code
   * CdapClient.Builder.auditFinaliteDetail(true)}): it may describe the household.
   *
   * @return the detail; empty unless given and opted in
   */
  @Value.Redacted
  public abstract Optional<String> finaliteDetail();

  /**
   * How the operation ended, or {@link AuditOutcome#PENDING} before its request is sent.
   *
   * @return the outcome
   */
  public abstract AuditOutcome outcome();

  /**
   * The exception type's simple name, for every outcome but PENDING and SUCCESS.
   *
   * @return the exception's simple name, e.g. {@code NotFoundException}; empty for PENDING and
   *     SUCCESS
   */
  public abstract Optional<String> failure();

  /**
   * The request id of the last attempt, when a request was answered or sent.
   *
   * @return the request id; empty when no request was sent
   */
  public abstract Optional<String> requestId();

  /**
   * HTTP attempts made; 0 for PENDING and for refusals decided before any request.
   *
   * @return the number of HTTP attempts
   */
  @Value.Default
  public int attempts() {
    return 0;
  }

  @Value.Check
  void check() {
    if (attempts() < 0) {
      throw new IllegalStateException("AuditRecord.attempts must not be negative");
    }
    if (dossier().isPresent() && !isPseudonym(dossier().get())) {
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

  /**
   * Starts a record, e.g. for a custom {@link AuditSink} in tests; every non-optional attribute is
   * required.
   *
   * @return a new empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an {@link AuditRecord}; {@code build()} throws {@link IllegalStateException} if a
   * required attribute is missing or the outcome and failure disagree.
   */
  public static final class Builder extends ImmutableAuditRecord.Builder {}

  /** Whether {@code s} is 64 lower-case hex digits; checked for every record, so no regex. */
  private static boolean isPseudonym(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
