package net.cdapkit;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import net.cdapkit.capability.Action;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.OutcomeUnknownException;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.event.DenialKind;
import net.cdapkit.internal.http.ApiCaller;
import net.cdapkit.internal.http.CallContext;
import net.cdapkit.internal.json.DialogueRequest;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.DialogueReceipt;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.NumeroAllocataire;

/**
 * A session with one CAF selected (step 3 of the guide): consult a dossier of that CAF, or write to
 * it through Dialogue. Immutable; obtained from {@link CdapSession#selectCaf(CafCode)}. Every
 * operation also exists as a {@code CompletableFuture} ({@code …Async}), with the same checks,
 * journal records, retries and result types.
 */
public final class CafContext {
  private final CdapSession session;
  private final CafCode caf;

  CafContext(CdapSession session, CafCode caf) {
    this.session = session;
    this.caf = caf;
  }

  /**
   * The CAF selected.
   *
   * @return the CAF's code
   */
  public CafCode caf() {
    return caf;
  }

  /**
   * The session this CAF was selected in.
   *
   * @return the owning session, whose profile and rate limit apply here
   */
  public CdapSession session() {
    return session;
  }

  /**
   * Opens a dossier for a declared purpose (step 3, "consulter"). The numéro travels in a request
   * body, never in a URL; the server answers an opaque reference used by every tab. The
   * consultation is counted by the client's usage guard and recorded in its audit sink.
   *
   * @param numero the allocataire's numéro in this CAF
   * @param finalite the purpose of the consultation, recorded in the audit journal
   * @return the opened dossier, whose tabs are read on demand
   * @throws net.cdapkit.error.CapabilityDeniedException if the finalité is not one of the
   *     session's, before any request
   * @throws net.cdapkit.audit.AtypicalUseException if the usage guard blocks it, before any request
   * @throws net.cdapkit.error.NotFoundException if the CAF has no such dossier
   * @throws net.cdapkit.audit.AuditException if the audit sink fails and the client is fail-closed
   */
  public Dossier consultDossier(NumeroAllocataire numero, Finalite finalite) {
    return consultDossier(numero, finalite, RequestOptions.defaults());
  }

  /**
   * Opens a dossier with per-call options for the lookup: a time budget ({@link
   * RequestOptions#withBudget}) or a per-attempt timeout, as for any read; an idempotency key has
   * no use here (a lookup has no effect). The returned dossier's own calls use the client's
   * defaults: {@link Dossier#withOptions} sets theirs.
   *
   * @param numero the allocataire's numéro in this CAF
   * @param finalite the purpose of the consultation, recorded in the audit journal
   * @param options the options of the lookup
   * @return the opened dossier, whose tabs are read on demand
   * @throws net.cdapkit.error.TransportException if the budget ends before an answer
   */
  public Dossier consultDossier(
      NumeroAllocataire numero, Finalite finalite, RequestOptions options) {
    return session.client().pipeline().call(consultation(numero, finalite, options));
  }

  /**
   * Convenience for {@code consultDossier(NumeroAllocataire.of(numero), finalite)}.
   *
   * @param numero the allocataire's numéro as text, 1 to 7 digits
   * @param finalite the purpose of the consultation, recorded in the audit journal
   * @return the opened dossier, whose tabs are read on demand
   */
  public Dossier consultDossier(String numero, Finalite finalite) {
    return consultDossier(NumeroAllocataire.of(numero), finalite);
  }

  /**
   * The asynchronous form of {@link #consultDossier(NumeroAllocataire, Finalite)}.
   *
   * @param numero the allocataire's numéro in this CAF
   * @param finalite the purpose of the consultation, recorded in the audit journal
   * @return a future of the opened dossier, failed with a {@link net.cdapkit.error.CdapException}
   *     such as {@code NotFoundException}
   */
  public CompletableFuture<Dossier> consultDossierAsync(
      NumeroAllocataire numero, Finalite finalite) {
    return consultDossierAsync(numero, finalite, RequestOptions.defaults());
  }

  /**
   * The asynchronous form of {@link #consultDossier(NumeroAllocataire, Finalite, RequestOptions)}.
   *
   * @param numero the allocataire's numéro in this CAF
   * @param finalite the purpose of the consultation, recorded in the audit journal
   * @param options the options of the lookup
   * @return a future of the opened dossier, failed with a {@link net.cdapkit.error.CdapException}
   */
  public CompletableFuture<Dossier> consultDossierAsync(
      NumeroAllocataire numero, Finalite finalite, RequestOptions options) {
    return session.client().pipeline().callAsync(consultation(numero, finalite, options));
  }

  private Op<Dossier> consultation(
      NumeroAllocataire numero, Finalite finalite, RequestOptions options) {
    Op<Dossier> op = new Op<Dossier>(CdapOperation.DOSSIER_LOOKUP, session).options(options);
    op.caf = caf.value();
    op.capability = "CAF " + caf.value();
    op.consultation = true;
    op.event = Audit.Event.consultation(caf, numero, finalite);
    op.finalite = finalite == null ? null : finalite.code().code();
    Dossier dossier =
        numero == null || finalite == null ? null : new Dossier(session, caf, numero, finalite);
    return op.validate(
            () -> {
              if (numero == null) {
                throw new InvalidInputException("Numéro allocataire is required");
              }
              if (finalite == null) {
                throw new InvalidInputException(
                    "A finalité is required for every consultation (the convention with the CAF"
                        + " limits consultations to declared purposes)");
              }
              if (options == null) {
                throw new InvalidInputException("Request options must not be null; use defaults()");
              }
            })
        .check(DenialKind.FINALITE, () -> session.requireFinalite(finalite.code()))
        .request((api, tag, ref) -> api.lookupDossier(tag, dossier.lookupBody()))
        .decode(
            (exchange, generation) -> {
              dossier.accept(exchange, generation);
              return dossier;
            });
  }

  /**
   * Sends a message to this CAF (step 6, "Dialogue") with a fresh idempotency key.
   *
   * @param message the subject, body and optional dossier
   * @return the CAF's acknowledgement of the message
   */
  public DialogueReceipt sendDialogue(DialogueMessage message) {
    return sendDialogue(message, RequestOptions.defaults());
  }

  /**
   * Sends a message to this CAF. The idempotency key (the caller's, or one made for this call) is
   * reused on every retry, so the CAF receives the message once.
   *
   * @param message the subject, body and optional dossier
   * @param options per-call options; give an idempotency key to resume safely after a restart
   * @return the CAF's acknowledgement of the message
   * @throws OutcomeUnknownException if no answer confirmed the sending, or the answer could not be
   *     journaled; resend with its key
   */
  public DialogueReceipt sendDialogue(DialogueMessage message, RequestOptions options) {
    return session.client().pipeline().call(dialogue(message, options));
  }

  /**
   * The asynchronous form of {@link #sendDialogue(DialogueMessage, RequestOptions)}: the same key,
   * checks, journal records and {@link OutcomeUnknownException}, as a failed future.
   *
   * <pre>{@code
   * caf.sendDialogueAsync(message, RequestOptions.defaults().withIdempotencyKey(caseId + "-dlg"))
   *     .thenAccept(receipt -> store(receipt.reference()));
   * }</pre>
   *
   * @param message the subject, body and optional dossier
   * @param options per-call options; give an idempotency key to resume safely after a restart
   * @return a future of the CAF's acknowledgement
   */
  public CompletableFuture<DialogueReceipt> sendDialogueAsync(
      DialogueMessage message, RequestOptions options) {
    return session.client().pipeline().callAsync(dialogue(message, options));
  }

  private Op<DialogueReceipt> dialogue(DialogueMessage message, RequestOptions options) {
    Dossier about = message == null ? null : message.dossier().orElse(null);
    Op<DialogueReceipt> op = new Op<>(CdapOperation.DIALOGUE, session);
    op.caf = caf.value();
    op.capability = "action DIALOGUE";
    op.event = Audit.Event.dialogue(caf, about);
    op.dossier = about;
    op.finalite = about == null ? null : about.finalite().code().code();
    op.idempotencyKey =
        options == null
            ? null
            : options.idempotencyKey().orElseGet(() -> "dlg-" + UUID.randomUUID());
    return op.validate(
            () -> {
              if (message == null) {
                throw new InvalidInputException("Dialogue message is required");
              }
              if (options == null) {
                throw new InvalidInputException("Request options must not be null; use defaults()");
              }
              if (about != null && (about.session() != session || !about.caf().equals(caf))) {
                throw new InvalidInputException(
                    "The message's dossier belongs to another session or CAF than this one");
              }
            })
        .options(options)
        .check(DenialKind.CAPABILITY, () -> session.requireAction(Action.DIALOGUE))
        .request(
            (api, tag, ref) ->
                api.sendDialogue(
                    tag, caf.value(), new DialogueRequest(message.objet(), message.message(), ref)))
        .decode((exchange, g) -> ApiCaller.decode(exchange, DialogueReceipt.class, "dialogue"));
  }

  /**
   * Selecting {@code caf} in {@code session}, as the pipeline admits it: sends nothing, and reports
   * a CAF outside the session's as a {@link DenialKind#CAF} denial with its audit record.
   */
  static Op<Void> selection(CdapSession session, CafCode caf) {
    Op<Void> op = new Op<>(CdapOperation.CAF_SELECTION, session);
    op.caf = caf.value();
    op.capability = "CAF " + caf.value();
    op.event = Audit.Event.cafSelection(caf);
    return op.check(DenialKind.CAF, () -> session.requireCaf(caf));
  }

  /** The context of a dossier lookup, for the lookup that renews a reference. */
  static CallContext lookupContext(CdapSession session, CafCode caf) {
    return new CallContext("dossier.lookup", session.profile(), "CAF " + caf.value(), true, null);
  }

  /**
   * Starts describing a batch: many dossiers of this CAF, chosen tabs, bounded concurrency, paced
   * by the session's rate limit, results streamed as they arrive.
   *
   * @return a new batch description, to complete and run
   */
  public BatchConsultation batch() {
    session.ensureOpen();
    return new BatchConsultation(this);
  }

  @Override
  public String toString() {
    return "CafContext{caf=" + caf + ", profile=" + session.profile() + "}";
  }
}
