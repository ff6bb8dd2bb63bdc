package net.cdapkit;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.cdapkit.audit.AtypicalUse;
import net.cdapkit.audit.AtypicalUseException;
import net.cdapkit.audit.AuditException;
import net.cdapkit.audit.AuditOperation;
import net.cdapkit.audit.AuditOutcome;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.audit.AuditSink;
import net.cdapkit.audit.UsageGuard;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.NotFoundException;
import net.cdapkit.error.OutcomeUnknownException;
import net.cdapkit.internal.http.Exchange;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.NumeroAllocataire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's audit trail: writes a PENDING record before each request and an outcome record
 * after it, a DENIED record for each refusal decided before any request, and asks the usage guard
 * before each consultation. With fail-closed, a request whose PENDING record was not kept is not
 * sent. The {@link CallPipeline} calls it at its stages "usage guard", "audit PENDING" and "audit
 * outcome". Thread-safe (the sink is).
 */
final class Audit {
  private static final Logger LOG = LoggerFactory.getLogger("net.cdapkit.audit");

  private final AuditSink sink;
  private final boolean enabled;
  private final boolean failClosed;
  private final boolean includeDetail;
  private final UsageGuard guard;
  private final Clock clock;
  private final String partner;
  private final String agent;
  private final String profile;
  // Operation ids: a random (version 4) UUID per session, whose low half then counts. Unique like
  // random UUIDs, without a SecureRandom read per operation.
  private final long idHigh;
  private final AtomicLong idLow;
  // The last dossier named and its pseudonym: a consultation names the same dossier in every
  // record, and the pseudonym is an HMAC.
  private volatile Pseudonym lastPseudonym;

  /** A dossier and its pseudonym; never printed. */
  private record Pseudonym(CafCode caf, NumeroAllocataire numero, String value) {
    @Override
    public String toString() {
      return "Pseudonym[****]";
    }
  }

  Audit(
      AuditSink sink,
      boolean failClosed,
      boolean includeDetail,
      UsageGuard guard,
      Clock clock,
      String partner,
      String agent,
      String profile) {
    this.sink = sink;
    this.enabled = sink != AuditSink.none();
    this.failClosed = failClosed;
    this.includeDetail = includeDetail;
    this.guard = guard;
    this.clock = clock;
    this.partner = partner;
    this.agent = agent;
    this.profile = profile;
    UUID seed = UUID.randomUUID();
    this.idHigh = seed.getMostSignificantBits();
    this.idLow = new AtomicLong(seed.getLeastSignificantBits());
  }

  /** A fresh operation id, shaped as a random UUID (version 4, IETF variant). */
  private String operationId() {
    long low = (idLow.incrementAndGet() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(idHigh, low).toString();
  }

  /** What an audited operation is about. Null fields are absent from the record. */
  record Event(
      AuditOperation operation,
      CafCode caf,
      NumeroAllocataire numero,
      Finalite finalite,
      Tab tab,
      Integer page,
      AttestationType attestation) {

    static Event cafSelection(CafCode caf) {
      return new Event(AuditOperation.CAF_SELECTION, caf, null, null, null, null, null);
    }

    static Event consultation(CafCode caf, NumeroAllocataire numero, Finalite finalite) {
      return new Event(AuditOperation.CONSULTATION, caf, numero, finalite, null, null, null);
    }

    static Event dialogue(CafCode caf, Dossier dossier) {
      return dossier == null
          ? new Event(AuditOperation.DIALOGUE, caf, null, null, null, null, null)
          : new Event(
              AuditOperation.DIALOGUE, caf, dossier.numero(), dossier.finalite(), null, null, null);
    }

    static Event on(Dossier dossier, AuditOperation operation) {
      return new Event(
          operation, dossier.caf(), dossier.numero(), dossier.finalite(), null, null, null);
    }

    Event tab(Tab t) {
      return new Event(operation, caf, numero, finalite, t, page, attestation);
    }

    Event page(int p) {
      return new Event(operation, caf, numero, finalite, tab, p, attestation);
    }

    Event attestation(AttestationType type) {
      return new Event(operation, caf, numero, finalite, tab, page, type);
    }
  }

  /**
   * Asks the usage guard about one more consultation by this agent; when it blocks, records DENIED
   * and throws.
   */
  void admitConsultation(Event event) {
    Optional<AtypicalUse> use = guard.admit(partner, agent, clock.instant());
    if (use.isPresent() && use.get().blocked()) {
      AtypicalUseException e = new AtypicalUseException(use.get());
      denied(event, e);
      throw e;
    }
  }

  /** Writes the PENDING record of an operation about to be sent. */
  Pending begin(Event event) {
    if (!enabled) {
      return new Pending(event, Optional.empty(), null);
    }
    String operationId = operationId();
    Optional<String> dossier = pseudonym(event);
    try {
      write(record(event, dossier, operationId, AuditOutcome.PENDING, null, null, 0));
    } catch (AuditException e) {
      throw new AuditException(
          "Request not sent: its audit record could not be written (" + event.operation() + ")", e);
    }
    return new Pending(event, dossier, operationId);
  }

  /** An operation whose PENDING record was written (or that is not audited: no operation id). */
  final class Pending {
    private final Event event;
    private final Optional<String> dossier;
    private final String operationId;

    Pending(Event event, Optional<String> dossier, String operationId) {
      this.event = event;
      this.dossier = dossier;
      this.operationId = operationId;
    }

    /** Records the failure; a journal failure is attached to it, never thrown instead of it. */
    void failed(RuntimeException failure) {
      if (operationId == null) {
        return;
      }
      CdapException typed = failure instanceof CdapException ? (CdapException) failure : null;
      try {
        write(
            record(
                event,
                dossier,
                operationId,
                outcomeOf(failure),
                failure.getClass().getSimpleName(),
                typed == null ? null : typed.requestId().orElse(null),
                typed == null ? 0 : typed.attempts()));
      } catch (AuditException e) {
        failure.addSuppressed(e);
      }
    }

    /** Records the success; with fail-closed, a journal failure withholds the answer. */
    void succeeded(Exchange exchange) {
      if (operationId == null) {
        return;
      }
      try {
        write(
            record(
                event,
                dossier,
                operationId,
                AuditOutcome.SUCCESS,
                null,
                exchange.requestId(),
                exchange.attempts()));
      } catch (AuditException e) {
        throw new AuditException(
            "Answer withheld: the outcome of "
                + event.operation()
                + " could not be written to the audit journal (request id "
                + exchange.requestId()
                + "; its PENDING record is there)",
            e);
      }
    }
  }

  /** Records a refusal decided before any request. */
  void denied(Event event, RuntimeException cause) {
    if (!enabled) {
      return;
    }
    try {
      write(
          record(
              event,
              pseudonym(event),
              operationId(),
              AuditOutcome.DENIED,
              cause.getClass().getSimpleName(),
              null,
              0));
    } catch (AuditException e) {
      cause.addSuppressed(e);
    }
  }

  private Optional<String> pseudonym(Event event) {
    if (event.numero() == null) {
      return Optional.empty();
    }
    Pseudonym last = lastPseudonym;
    if (last != null && last.numero.equals(event.numero()) && last.caf.equals(event.caf())) {
      return Optional.of(last.value);
    }
    try {
      String value = sink.pseudonym(event.caf(), event.numero());
      lastPseudonym = new Pseudonym(event.caf(), event.numero(), value);
      return Optional.of(value);
    } catch (RuntimeException e) {
      if (failClosed) {
        throw sinkFailure(e, event.operation(), AuditOutcome.PENDING);
      }
      LOG.warn(
          "cdap audit pseudonym not computed ({}): {}",
          event.operation(),
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private AuditRecord record(
      Event event,
      Optional<String> dossier,
      String operationId,
      AuditOutcome outcome,
      String failure,
      String requestId,
      int attempts) {
    AuditRecord.Builder b =
        AuditRecord.builder()
            .time(clock.instant())
            .operationId(operationId)
            .partner(partner)
            .agent(agent)
            .profile(profile)
            .operation(event.operation())
            .caf(Optional.ofNullable(event.caf()))
            .dossier(dossier)
            .tab(Optional.ofNullable(event.tab()))
            .page(Optional.ofNullable(event.page()))
            .attestationType(Optional.ofNullable(event.attestation()))
            .outcome(outcome)
            .failure(Optional.ofNullable(failure))
            .requestId(Optional.ofNullable(requestId).filter(id -> !id.isEmpty()))
            .attempts(attempts);
    Finalite f = event.finalite();
    if (f != null) {
      b.finalite(f.code()).finaliteDetailGiven(f.detail().isPresent());
      if (includeDetail) {
        b.finaliteDetail(f.detail());
      }
    }
    return b.build();
  }

  /** Appends; with fail-closed a failure becomes {@link AuditException}, otherwise a WARN line. */
  private void write(AuditRecord record) {
    try {
      sink.append(record);
    } catch (RuntimeException e) {
      AuditException failure = sinkFailure(e, record.operation(), record.outcome());
      if (failClosed) {
        throw failure;
      }
      LOG.warn(
          "cdap audit record not written ({} {}): {}",
          record.operation(),
          record.outcome(),
          e.getClass().getSimpleName());
    }
  }

  private static AuditException sinkFailure(
      RuntimeException e, AuditOperation operation, AuditOutcome outcome) {
    if (e instanceof AuditException) {
      return (AuditException) e;
    }
    // A custom sink's message may quote the record: keep only its type.
    return new AuditException(
        "Audit sink failed on the "
            + outcome
            + " record of "
            + operation
            + " ("
            + e.getClass().getSimpleName()
            + ")",
        e);
  }

  static AuditOutcome outcomeOf(RuntimeException e) {
    if (e instanceof CapabilityDeniedException || e instanceof AtypicalUseException) {
      return AuditOutcome.DENIED;
    }
    if (e instanceof NotFoundException) {
      return AuditOutcome.NOT_FOUND;
    }
    if (e instanceof OutcomeUnknownException) {
      return AuditOutcome.OUTCOME_UNKNOWN;
    }
    return AuditOutcome.FAILED;
  }
}
