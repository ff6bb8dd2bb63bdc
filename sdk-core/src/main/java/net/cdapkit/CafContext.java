package net.cdapkit;

import java.util.UUID;
import net.cdapkit.capability.Action;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.OutcomeUnknownException;
import net.cdapkit.internal.http.ApiCaller;
import net.cdapkit.internal.http.CallContext;
import net.cdapkit.internal.http.Exchange;
import net.cdapkit.internal.json.DialogueRequest;
import net.cdapkit.internal.json.DossierLookup;
import net.cdapkit.internal.json.DossierReferencePayload;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.DialogueReceipt;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.NumeroAllocataire;

/**
 * A session with one CAF selected (step 3 of the guide): consult a dossier of that CAF, or write to
 * it through Dialogue. Immutable; obtained from {@link CdapSession#selectCaf(CafCode)}.
 */
public final class CafContext {
  private final CdapSession session;
  private final CafCode caf;

  CafContext(CdapSession session, CafCode caf) {
    this.session = session;
    this.caf = caf;
  }

  public CafCode caf() {
    return caf;
  }

  public CdapSession session() {
    return session;
  }

  /**
   * Opens a dossier for a declared purpose (step 3, "consulter"). The numéro travels in a request
   * body, never in a URL; the server answers an opaque reference used by every tab. The
   * consultation is counted by the client's usage guard and recorded in its audit sink.
   *
   * @throws net.cdapkit.error.CapabilityDeniedException if the finalité is not one of the
   *     session's, before any request
   * @throws net.cdapkit.audit.AtypicalUseException if the usage guard blocks it, before any request
   * @throws net.cdapkit.error.NotFoundException if the CAF has no such dossier
   * @throws net.cdapkit.audit.AuditException if the audit sink fails and the client is fail-closed
   */
  public Dossier consultDossier(NumeroAllocataire numero, Finalite finalite) {
    if (numero == null) {
      throw new InvalidInputException("Numéro allocataire is required");
    }
    if (finalite == null) {
      throw new InvalidInputException(
          "A finalité is required for every consultation (the convention with the CAF limits"
              + " consultations to declared purposes)");
    }
    Audit audit = session.audit();
    Audit.Event event = Audit.Event.consultation(caf, numero, finalite);
    audit.check(event, () -> session.requireFinalite(finalite.code()));
    audit.admitConsultation(event);
    Dossier dossier = new Dossier(session, caf, numero, finalite);
    long generation = session.tokenGeneration();
    return audit.run(
        event,
        () -> lookupExchange(numero, finalite),
        exchange -> {
          dossier.accept(exchange, generation);
          return dossier;
        });
  }

  /** Convenience for {@code consultDossier(NumeroAllocataire.of(numero), finalite)}. */
  public Dossier consultDossier(String numero, Finalite finalite) {
    return consultDossier(NumeroAllocataire.of(numero), finalite);
  }

  /** Sends a message to this CAF (step 6, "Dialogue") with a fresh idempotency key. */
  public DialogueReceipt sendDialogue(DialogueMessage message) {
    return sendDialogue(message, RequestOptions.defaults());
  }

  /**
   * Sends a message to this CAF. The idempotency key (the caller's, or one made for this call) is
   * reused on every retry, so the CAF receives the message once.
   *
   * @throws OutcomeUnknownException if no answer confirmed the sending; resend with its key
   */
  public DialogueReceipt sendDialogue(DialogueMessage message, RequestOptions options) {
    if (message == null) {
      throw new InvalidInputException("Dialogue message is required");
    }
    if (options == null) {
      throw new InvalidInputException("Request options must not be null; use defaults()");
    }
    Dossier about = message.dossier().orElse(null);
    if (about != null && (about.session() != session || !about.caf().equals(caf))) {
      throw new InvalidInputException(
          "The message's dossier belongs to another session or CAF than this one");
    }
    Audit.Event event = Audit.Event.dialogue(caf, about);
    session.audit().check(event, () -> session.requireAction(Action.DIALOGUE));
    String finaliteHeader = about == null ? null : about.finalite().code().code();
    String key = options.idempotencyKey().orElseGet(() -> "dlg-" + UUID.randomUUID());
    CallContext context =
        new CallContext(
            "dialogue", session.profile(), "action DIALOGUE", true, options.timeout().orElse(null));
    return session
        .audit()
        .run(
            event,
            () ->
                withEffect(
                    "dialogue",
                    key,
                    () ->
                        session.send(
                            auth -> {
                              // The dossier reference is read as the request is built: a replay
                              // after a token renewal carries the one looked up under the new
                              // token.
                              DialogueRequest body =
                                  new DialogueRequest(
                                      message.objet(),
                                      message.message(),
                                      about == null ? null : about.reference());
                              return session
                                  .client()
                                  .api()
                                  .sendDialogue(
                                      auth,
                                      session.agentHeader(),
                                      finaliteHeader,
                                      key,
                                      caf.value(),
                                      body);
                            },
                            context)),
            exchange ->
                withEffect(
                    "dialogue",
                    key,
                    () -> ApiCaller.decode(exchange, DialogueReceipt.class, "dialogue")));
  }

  /** Sends the lookup of a dossier reference; used by {@link Dossier}. */
  Exchange lookupExchange(NumeroAllocataire numero, Finalite finalite) {
    DossierLookup body = new DossierLookup(caf.value(), numero.value());
    return session.send(
        auth ->
            session
                .client()
                .api()
                .lookupDossier(auth, session.agentHeader(), finalite.code().code(), body),
        new CallContext("dossier.lookup", session.profile(), "CAF " + caf.value(), true, null));
  }

  /** Decodes a lookup's answer. */
  static DossierReferencePayload lookupPayload(Exchange exchange) {
    return ApiCaller.decode(exchange, DossierReferencePayload.class, "dossier.lookup");
  }

  /**
   * Sends an operation with effects; a failure that leaves the outcome unknown (no answer, or a
   * gateway error) becomes {@link OutcomeUnknownException} carrying the key to resend with.
   */
  static <T> T withEffect(String operation, String key, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (CdapException e) {
      // Unknown too: a 2xx whose receipt is unreadable, and a definite refusal (say a 429) that
      // came after an attempt with no answer.
      if (ApiCaller.mayHaveTakenEffect(e)) {
        throw new OutcomeUnknownException(
            operation, key, e.requestId().orElse(null), e.attempts(), e);
      }
      throw e;
    }
  }

  /**
   * Starts describing a batch: many dossiers of this CAF, chosen tabs, bounded concurrency, paced
   * by the session's rate limit, results streamed as they arrive.
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
