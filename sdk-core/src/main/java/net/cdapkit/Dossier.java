package net.cdapkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.cdapkit.audit.AuditOperation;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.NotFoundException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.internal.http.ApiCaller;
import net.cdapkit.internal.http.CallContext;
import net.cdapkit.internal.http.Exchange;
import net.cdapkit.internal.json.DossierReferencePayload;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.CompositionFamille;
import net.cdapkit.model.Courrier;
import net.cdapkit.model.CourriersPage;
import net.cdapkit.model.Creances;
import net.cdapkit.model.Droits;
import net.cdapkit.model.EnvoiPostalReceipt;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.InformationsLogement;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.PaiementsPage;
import net.cdapkit.model.Perimetre;
import net.cdapkit.model.Ressources;
import net.cdapkit.model.ResumeDossier;
import net.cdapkit.model.Rsa;
import net.cdapkit.model.Synthese;
import okhttp3.ResponseBody;
import retrofit2.Call;

/**
 * A consulted dossier (steps 4 to 6 of the guide): one accessor per tab, attestations, and the
 * declared finalité that every request carries. Each accessor sends one request when called:
 * nothing is prefetched. Thread-safe.
 *
 * <p>Each read is checked against the session's habilitations first: a tab or action outside the
 * profile throws {@link net.cdapkit.error.CapabilityDeniedException} without a request. Each
 * request, and each refusal, leaves records in the client's audit sink: one operation per tab read,
 * per page of a history, per attestation.
 */
public final class Dossier {
  /** Lines per page asked for when walking a history; the contract's maximum. */
  static final int PAGE_SIZE = 100;

  private final CdapSession session;
  private final CafCode caf;
  private final NumeroAllocataire numero;
  private final Finalite finalite;
  private volatile Reference reference;

  /** A server reference and the token generation it was obtained under. */
  private static final class Reference {
    final String value;
    final long generation;

    Reference(String value, long generation) {
      this.value = value;
      this.generation = generation;
    }
  }

  Dossier(CdapSession session, CafCode caf, NumeroAllocataire numero, Finalite finalite) {
    this.session = session;
    this.caf = caf;
    this.numero = numero;
    this.finalite = finalite;
  }

  public CafCode caf() {
    return caf;
  }

  /** The numéro allocataire this dossier was opened with. Personal data: do not log. */
  public NumeroAllocataire numero() {
    return numero;
  }

  /** The purpose declared when the dossier was opened; sent with every request on it. */
  public Finalite finalite() {
    return finalite;
  }

  CdapSession session() {
    return session;
  }

  /**
   * The read operations of this dossier as {@code CompletableFuture}s, run on OkHttp's dispatcher
   * without a thread waiting per call.
   */
  public AsyncDossier async() {
    return new AsyncDossier(this);
  }

  /**
   * Reads any tab by its {@link Tab}, for code that walks tabs generically (a UI showing the tabs
   * the profile allows, a batch). Returns the tab's value type ({@code Synthese}, {@code Droits}…),
   * or, for paiements and courriers, the {@code List} of lines of {@code periode}.
   */
  public Object readTab(Tab tab, Periode periode) {
    requireNonNull(tab, "Tab");
    requireNonNull(periode, "Periode");
    switch (tab) {
      case SYNTHESE:
        return synthese();
      case RESUME:
        return resume();
      case PAIEMENTS:
        return paiements(periode).toList();
      case DROITS:
        return droits();
      case FAMILLE:
        return compositionFamille();
      case RESSOURCES:
        return ressources();
      case RSA:
        return rsa();
      case COURRIERS:
        return courriers(periode).toList();
      case LOGEMENT:
        return logement();
      case CREANCES:
        return creances();
      default:
        throw new InvalidInputException("Unknown tab " + tab);
    }
  }

  /** Synthèse: identity, family situation, quotient familial, open prestations. */
  public Synthese synthese() {
    return read(Tab.SYNTHESE, Synthese.class);
  }

  /** Résumé du dossier: address, affiliation, régime, status. */
  public ResumeDossier resume() {
    return read(Tab.RESUME, ResumeDossier.class);
  }

  /** The whole payment history, newest first, fetched page by page as it is iterated. */
  public History<Paiement> paiements() {
    return paiements(Periode.all());
  }

  /** The payments of a period, newest first, fetched page by page as they are iterated. */
  public History<Paiement> paiements(Periode periode) {
    requireNonNull(periode, "Periode");
    requireTab(Tab.PAIEMENTS);
    return new History<>(
        page -> {
          PaiementsPage p = readPage(Tab.PAIEMENTS, periode, page, PaiementsPage.class);
          return page(p.elements(), p.page().suivante(), p.perimetre());
        });
  }

  /** Droits: each prestation's right, open or closed, with dates and monthly amount. */
  public Droits droits() {
    return read(Tab.DROITS, Droits.class);
  }

  /** Composition de la famille: allocataire, conjoint, children, others. */
  public CompositionFamille compositionFamille() {
    return read(Tab.FAMILLE, CompositionFamille.class);
  }

  /** Ressources: quotient familial, N-2 income, quarterly declarations. */
  public Ressources ressources() {
    return read(Tab.RESSOURCES, Ressources.class);
  }

  /** RSA: the RSA dossier's state, nature, amount, orientation and referent. */
  public Rsa rsa() {
    return read(Tab.RSA, Rsa.class);
  }

  /** The whole history of letters, newest first, fetched page by page as it is iterated. */
  public History<Courrier> courriers() {
    return courriers(Periode.all());
  }

  /** The letters of a period, newest first, fetched page by page as they are iterated. */
  public History<Courrier> courriers(Periode periode) {
    requireNonNull(periode, "Periode");
    requireTab(Tab.COURRIERS);
    return new History<>(
        page -> {
          CourriersPage p = readPage(Tab.COURRIERS, periode, page, CourriersPage.class);
          return page(p.elements(), p.page().suivante(), Perimetre.COMPLET);
        });
  }

  /** Informations logement: housing, rent, landlord, tiers payant. */
  public InformationsLogement logement() {
    return read(Tab.LOGEMENT, InformationsLogement.class);
  }

  /** Créances: debts (indus), balances and repayment plans. */
  public Creances creances() {
    return read(Tab.CREANCES, Creances.class);
  }

  /**
   * The attestation as a PDF, to view or print (step 6).
   *
   * @throws net.cdapkit.error.CapabilityDeniedException if the profile may not get this type
   */
  public AttestationPdf requestAttestation(AttestationType type) {
    requireNonNull(type, "Attestation type");
    Audit.Event event = Audit.Event.on(this, AuditOperation.ATTESTATION_PDF).attestation(type);
    session.audit().check(event, () -> session.requireAttestation(type, Action.ATTESTATION_PDF));
    String operation = "attestation.pdf";
    return session
        .audit()
        .run(
            event,
            () ->
                call(
                    (auth, ref) ->
                        session
                            .client()
                            .api()
                            .attestationPdf(
                                auth,
                                session.agentHeader(),
                                finalite.code().code(),
                                ref,
                                type.name()),
                    session.context(
                        operation, "attestation " + type.name(), RequestOptions.defaults())),
            exchange -> {
              byte[] body = exchange.body();
              boolean isPdf =
                  body.length > 4
                      && body[0] == '%'
                      && body[1] == 'P'
                      && body[2] == 'D'
                      && body[3] == 'F';
              if (!exchange.contentType().equals("application/pdf") || !isPdf) {
                throw new ProtocolException(
                    "Expected a PDF document for " + operation,
                    exchange.requestId(),
                    exchange.attempts(),
                    null);
              }
              return new AttestationPdf(type, body);
            });
  }

  /** Has the CAF post the attestation to the allocataire, with a fresh idempotency key. */
  public EnvoiPostalReceipt requestAttestationByPost(AttestationType type) {
    return requestAttestationByPost(type, RequestOptions.defaults());
  }

  /**
   * Has the CAF post the attestation to the allocataire (step 6). The partner gets a receipt, never
   * the address. The idempotency key is reused on every retry, so one letter is sent.
   *
   * @throws net.cdapkit.error.OutcomeUnknownException if no answer confirmed the request; resend
   *     with its key
   */
  public EnvoiPostalReceipt requestAttestationByPost(AttestationType type, RequestOptions options) {
    requireNonNull(type, "Attestation type");
    requireNonNull(options, "Request options");
    Audit.Event event = Audit.Event.on(this, AuditOperation.ATTESTATION_POSTALE).attestation(type);
    session
        .audit()
        .check(event, () -> session.requireAttestation(type, Action.ATTESTATION_POSTALE));
    String key = options.idempotencyKey().orElseGet(() -> "env-" + UUID.randomUUID());
    CallContext context =
        session.context("attestation.postale", "attestation postale " + type.name(), options);
    return session
        .audit()
        .run(
            event,
            () ->
                CafContext.withEffect(
                    "attestation.postale",
                    key,
                    () ->
                        call(
                            (auth, ref) ->
                                session
                                    .client()
                                    .api()
                                    .attestationPostale(
                                        auth,
                                        session.agentHeader(),
                                        finalite.code().code(),
                                        key,
                                        ref,
                                        type.name()),
                            context)),
            exchange ->
                CafContext.withEffect(
                    "attestation.postale",
                    key,
                    () ->
                        ApiCaller.decode(
                            exchange, EnvoiPostalReceipt.class, "attestation.postale")));
  }

  @Override
  public String toString() {
    return "Dossier{caf=" + caf + ", numero=*******, finalite=" + finalite.code() + "}";
  }

  // ---- plumbing ----

  /** Looks the dossier up again, within an operation already audited (its reference expired). */
  void lookup() {
    long generation = session.tokenGeneration();
    accept(new CafContext(session, caf).lookupExchange(numero, finalite), generation);
  }

  /** Takes the reference from a lookup's answer. */
  void accept(Exchange exchange, long generation) {
    DossierReferencePayload payload = CafContext.lookupPayload(exchange);
    if (payload.reference() == null || !payload.reference().matches("dos_[A-Za-z0-9]{8,64}")) {
      throw new ProtocolException(
          "Malformed response for dossier.lookup: no valid reference",
          exchange.requestId(),
          exchange.attempts(),
          null);
    }
    reference = new Reference(payload.reference(), generation);
  }

  /** The current server reference, renewed if the session's token changed since. */
  String reference() {
    Reference r = reference;
    if (r == null || r.generation != session.tokenGeneration()) {
      synchronized (this) {
        r = reference;
        if (r == null || r.generation != session.tokenGeneration()) {
          lookup();
          r = reference;
        }
      }
    }
    return r.value;
  }

  private void requireTab(Tab tab) {
    session.audit().check(tabEvent(tab), () -> session.requireTab(tab));
  }

  private Audit.Event tabEvent(Tab tab) {
    return Audit.Event.on(this, AuditOperation.TAB).tab(tab);
  }

  private <T> T read(Tab tab, Class<T> type) {
    requireTab(tab);
    String operation = "tab." + tab.wireName();
    return session
        .audit()
        .run(
            tabEvent(tab),
            () ->
                call(
                    (auth, ref) ->
                        session
                            .client()
                            .api()
                            .tab(
                                auth,
                                session.agentHeader(),
                                finalite.code().code(),
                                ref,
                                tab.wireName()),
                    session.context(operation, "tab " + tab.wireName(), RequestOptions.defaults())),
            exchange -> ApiCaller.decode(exchange, type, operation));
  }

  private <T> T readPage(Tab tab, Periode periode, int page, Class<T> type) {
    Audit.Event event = tabEvent(tab).page(page);
    session.audit().check(event, () -> session.requireTab(tab));
    String operation = "tab." + tab.wireName();
    String du = periode.du().map(Object::toString).orElse(null);
    String au = periode.au().map(Object::toString).orElse(null);
    return session
        .audit()
        .run(
            event,
            () ->
                call(
                    (auth, ref) ->
                        session
                            .client()
                            .api()
                            .pagedTab(
                                auth,
                                session.agentHeader(),
                                finalite.code().code(),
                                ref,
                                tab.wireName(),
                                du,
                                au,
                                page,
                                PAGE_SIZE),
                    session.context(operation, "tab " + tab.wireName(), RequestOptions.defaults())),
            exchange -> ApiCaller.decode(exchange, type, operation));
  }

  /**
   * Sends a request on this dossier; if the server no longer knows the reference (it is scoped to a
   * token, which may have been renewed), looks the dossier up again and replays once.
   */
  private Exchange call(
      BiFunction<String, String, Call<ResponseBody>> request, CallContext context) {
    // The reference is read when the request is built, after any token renewal, so that a
    // renewed session never sends a reference obtained under the previous token.
    // The lookup, the call and any replay share one time budget.
    return session.withinBudget(
        () -> {
          String[] sent = new String[1];
          try {
            return session.send(
                auth -> {
                  sent[0] = reference();
                  return request.apply(auth, sent[0]);
                },
                context);
          } catch (NotFoundException e) {
            if (!"37004".equals(e.errorCode())) {
              throw e;
            }
            synchronized (this) {
              if (reference != null && reference.value.equals(sent[0])) {
                reference = null;
              }
            }
            try {
              return session.send(auth -> request.apply(auth, reference()), context);
            } catch (CdapException replay) {
              throw ApiCaller.carryAmbiguity(replay, e);
            }
          }
        });
  }

  // ---- asynchronous plumbing, used by AsyncDossier ----

  <T> CompletableFuture<T> readAsync(Tab tab, Class<T> type) {
    try {
      requireTab(tab);
    } catch (CdapException e) {
      return CompletableFuture.failedFuture(e);
    }
    String operation = "tab." + tab.wireName();
    return session
        .audit()
        .runAsync(
            tabEvent(tab),
            () ->
                callAsync(
                    (auth, ref) ->
                        session
                            .client()
                            .api()
                            .tab(
                                auth,
                                session.agentHeader(),
                                finalite.code().code(),
                                ref,
                                tab.wireName()),
                    session.context(operation, "tab " + tab.wireName(), RequestOptions.defaults())),
            exchange -> ApiCaller.decode(exchange, type, operation));
  }

  CompletableFuture<List<Paiement>> paiementsAsync(Periode periode) {
    return historyAsync(
        Tab.PAIEMENTS,
        periode,
        PaiementsPage.class,
        p -> page(p.elements(), p.page().suivante(), p.perimetre()));
  }

  CompletableFuture<List<Courrier>> courriersAsync(Periode periode) {
    return historyAsync(
        Tab.COURRIERS,
        periode,
        CourriersPage.class,
        p -> page(p.elements(), p.page().suivante(), Perimetre.COMPLET));
  }

  private <P, T> CompletableFuture<List<T>> historyAsync(
      Tab tab, Periode periode, Class<P> pageType, Function<P, History.Page<T>> toPage) {
    if (periode == null) {
      return CompletableFuture.failedFuture(new InvalidInputException("Periode is required"));
    }
    try {
      requireTab(tab);
    } catch (CdapException e) {
      return CompletableFuture.failedFuture(e);
    }
    List<T> lines = new ArrayList<>();
    return pageAsync(tab, periode, 0, pageType, toPage, lines)
        .thenApply(done -> List.copyOf(lines));
  }

  private <P, T> CompletableFuture<Void> pageAsync(
      Tab tab,
      Periode periode,
      int number,
      Class<P> pageType,
      Function<P, History.Page<T>> toPage,
      List<T> lines) {
    String operation = "tab." + tab.wireName();
    String du = periode.du().map(Object::toString).orElse(null);
    String au = periode.au().map(Object::toString).orElse(null);
    return session
        .audit()
        .runAsync(
            tabEvent(tab).page(number),
            () ->
                callAsync(
                    (auth, ref) ->
                        session
                            .client()
                            .api()
                            .pagedTab(
                                auth,
                                session.agentHeader(),
                                finalite.code().code(),
                                ref,
                                tab.wireName(),
                                du,
                                au,
                                number,
                                PAGE_SIZE),
                    session.context(operation, "tab " + tab.wireName(), RequestOptions.defaults())),
            exchange -> ApiCaller.decode(exchange, pageType, operation))
        .thenCompose(
            decoded -> {
              History.Page<T> page = toPage.apply(decoded);
              lines.addAll(page.elements());
              return page.next().isPresent()
                  ? pageAsync(tab, periode, page.next().get(), pageType, toPage, lines)
                  : CompletableFuture.<Void>completedFuture(null);
            });
  }

  /** The asynchronous form of {@link #call}, with the same reference handling. */
  private CompletableFuture<Exchange> callAsync(
      BiFunction<String, String, Call<ResponseBody>> request, CallContext context) {
    return referenceAsync()
        .thenCompose(
            ref ->
                session
                    .sendAsync(auth -> request.apply(auth, ref), context)
                    .handle(
                        (exchange, error) -> {
                          Throwable cause =
                              error instanceof CompletionException ? error.getCause() : error;
                          if (cause == null) {
                            return CompletableFuture.completedFuture(exchange);
                          }
                          if (cause instanceof NotFoundException
                              && "37004".equals(((NotFoundException) cause).errorCode())) {
                            synchronized (this) {
                              if (reference != null && reference.value.equals(ref)) {
                                reference = null;
                              }
                            }
                            CdapException first = (CdapException) cause;
                            return referenceAsync()
                                .thenCompose(
                                    fresh ->
                                        session.sendAsync(
                                            auth -> request.apply(auth, fresh), context))
                                .exceptionallyCompose(
                                    later -> {
                                      Throwable c =
                                          later instanceof CompletionException
                                              ? later.getCause()
                                              : later;
                                      return CompletableFuture.failedFuture(
                                          c instanceof CdapException
                                              ? ApiCaller.carryAmbiguity((CdapException) c, first)
                                              : c);
                                    });
                          }
                          return CompletableFuture.<Exchange>failedFuture(cause);
                        })
                    .thenCompose(f -> f));
  }

  /** The current reference without blocking, or a lookup run on the client's dispatcher pool. */
  private CompletableFuture<String> referenceAsync() {
    Reference r = reference;
    if (r != null && r.generation == session.tokenGeneration()) {
      return CompletableFuture.completedFuture(r.value);
    }
    return CompletableFuture.supplyAsync(this::reference, session.client().blockingExecutor());
  }

  private static <T> History.Page<T> page(
      java.util.List<T> elements, Optional<Integer> next, Perimetre perimetre) {
    return new History.Page<>() {
      @Override
      public java.util.List<T> elements() {
        return elements;
      }

      @Override
      public Optional<Integer> next() {
        return next;
      }

      @Override
      public Perimetre perimetre() {
        return perimetre;
      }
    };
  }

  private static void requireNonNull(Object value, String what) {
    if (value == null) {
      throw new InvalidInputException(what + " is required");
    }
  }
}
