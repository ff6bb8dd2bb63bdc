package net.cdapkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import net.cdapkit.audit.AuditOperation;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.event.DenialKind;
import net.cdapkit.internal.http.ApiCaller;
import net.cdapkit.internal.http.Exchange;
import net.cdapkit.internal.json.DossierLookup;
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
import net.cdapkit.model.PageInfo;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.PaiementsPage;
import net.cdapkit.model.Perimetre;
import net.cdapkit.model.Ressources;
import net.cdapkit.model.ResumeDossier;
import net.cdapkit.model.Rsa;
import net.cdapkit.model.Synthese;

/**
 * A consulted dossier (steps 4 to 6 of the guide): one accessor per tab, attestations, and the
 * declared finalité that every request carries. Each accessor sends one request when called:
 * nothing is prefetched. Thread-safe.
 *
 * <p>Each read is checked against the session's habilitations first: a tab or action outside the
 * profile throws {@link net.cdapkit.error.CapabilityDeniedException} without a request. Each
 * request, and each refusal, leaves records in the client's audit sink: one operation per tab read,
 * per page of a history, per attestation. {@link #async()} gives every operation as a {@code
 * CompletableFuture}; {@link #withOptions(RequestOptions)} a view whose calls use other options (a
 * time budget, a per-attempt timeout).
 */
public final class Dossier {
  /** Lines per page asked for when walking a history; the contract's maximum. */
  static final int PAGE_SIZE = 100;

  private static final Pattern REFERENCE = Pattern.compile("dos_[A-Za-z0-9]{8,64}");

  private final CdapSession session;
  private final CafCode caf;
  private final NumeroAllocataire numero;
  private final Finalite finalite;
  private final ReferenceHolder holder;
  private final RequestOptions options;

  /** A server reference and the token generation it was obtained under. */
  private record Reference(String value, long generation) {}

  /** The reference, shared by the views of one dossier. */
  private static final class ReferenceHolder {
    volatile Reference reference;
  }

  Dossier(CdapSession session, CafCode caf, NumeroAllocataire numero, Finalite finalite) {
    this(session, caf, numero, finalite, new ReferenceHolder(), RequestOptions.defaults());
  }

  private Dossier(
      CdapSession session,
      CafCode caf,
      NumeroAllocataire numero,
      Finalite finalite,
      ReferenceHolder holder,
      RequestOptions options) {
    this.session = session;
    this.caf = caf;
    this.numero = numero;
    this.finalite = finalite;
    this.holder = holder;
    this.options = options;
  }

  /**
   * The CAF of this dossier.
   *
   * @return the CAF's code
   */
  public CafCode caf() {
    return caf;
  }

  /**
   * The numéro allocataire this dossier was opened with. Personal data: do not log.
   *
   * @return the numéro allocataire
   */
  public NumeroAllocataire numero() {
    return numero;
  }

  /**
   * The purpose declared when the dossier was opened; sent with every request on it.
   *
   * @return the declared purpose
   */
  public Finalite finalite() {
    return finalite;
  }

  CdapSession session() {
    return session;
  }

  /**
   * This dossier with per-call options for every operation made through the view: a time budget
   * ({@link RequestOptions#withBudget}) and a per-attempt timeout apply to reads as to writes; an
   * idempotency key applies to {@link #requestAttestationByPost} only.
   *
   * @param options the options applied to every call made through the returned view
   * @return a view of this dossier with those options; this dossier is unchanged
   */
  public Dossier withOptions(RequestOptions options) {
    if (options == null) {
      throw new InvalidInputException("Request options must not be null; use defaults()");
    }
    return new Dossier(session, caf, numero, finalite, holder, options);
  }

  /**
   * Every operation of this dossier as a {@code CompletableFuture}, run on OkHttp's dispatcher
   * without a thread waiting per call.
   *
   * @return the asynchronous view of this dossier
   */
  public AsyncDossier async() {
    return new AsyncDossier(this);
  }

  /**
   * Reads a tab, typed: {@code read(TabRead.RSA)} is an {@link Rsa}, {@code
   * read(TabRead.paiements(periode))} a {@link History}. See {@link TabRead} for the mapping
   * between tabs, methods and operations.
   *
   * @param <T> the tab's value type
   * @param read which tab to read, e.g. {@link TabRead#RSA}
   * @return the tab's value
   */
  @SuppressWarnings("unchecked")
  public <T> T read(TabRead<T> read) {
    requireNonNull(read, "Tab read");
    if (read.paged()) {
      return (T) history(read.tab(), read.periode());
    }
    return pipeline().call(readOp(read));
  }

  /**
   * Synthèse: identity, family situation, quotient familial, open prestations.
   *
   * @return the synthèse tab
   */
  public Synthese synthese() {
    return read(TabRead.SYNTHESE);
  }

  /**
   * Résumé du dossier: address, affiliation, régime, status.
   *
   * @return the résumé du dossier tab
   */
  public ResumeDossier resume() {
    return read(TabRead.RESUME);
  }

  /**
   * The whole payment history, newest first, fetched page by page as it is iterated.
   *
   * @return the lazily fetched history; iterating it may throw a {@link
   *     net.cdapkit.error.CdapException}
   */
  public History<Paiement> paiements() {
    return paiements(Periode.all());
  }

  /**
   * The payments of a period, newest first, fetched page by page as they are iterated.
   *
   * @param periode the months to read
   * @return the lazily fetched history; iterating it may throw a {@link
   *     net.cdapkit.error.CdapException}
   */
  public History<Paiement> paiements(Periode periode) {
    requireNonNull(periode, "Periode");
    return read(TabRead.paiements(periode));
  }

  /**
   * Droits: each prestation's right, open or closed, with dates and monthly amount.
   *
   * @return the droits tab
   */
  public Droits droits() {
    return read(TabRead.DROITS);
  }

  /**
   * Composition de la famille: allocataire, conjoint, children, others.
   *
   * @return the composition de la famille tab
   */
  public CompositionFamille compositionFamille() {
    return read(TabRead.FAMILLE);
  }

  /**
   * Ressources: quotient familial, N-2 income, quarterly declarations.
   *
   * @return the ressources tab
   */
  public Ressources ressources() {
    return read(TabRead.RESSOURCES);
  }

  /**
   * RSA: the RSA dossier's state, nature, amount, orientation and referent.
   *
   * @return the RSA tab
   */
  public Rsa rsa() {
    return read(TabRead.RSA);
  }

  /**
   * The whole history of letters, newest first, fetched page by page as it is iterated.
   *
   * @return the lazily fetched history; iterating it may throw a {@link
   *     net.cdapkit.error.CdapException}
   */
  public History<Courrier> courriers() {
    return courriers(Periode.all());
  }

  /**
   * The letters of a period, newest first, fetched page by page as they are iterated.
   *
   * @param periode the months to read
   * @return the lazily fetched history; iterating it may throw a {@link
   *     net.cdapkit.error.CdapException}
   */
  public History<Courrier> courriers(Periode periode) {
    requireNonNull(periode, "Periode");
    return read(TabRead.courriers(periode));
  }

  /**
   * Informations logement: housing, rent, landlord, tiers payant.
   *
   * @return the informations logement tab
   */
  public InformationsLogement logement() {
    return read(TabRead.LOGEMENT);
  }

  /**
   * Créances: debts (indus), balances and repayment plans.
   *
   * @return the créances tab
   */
  public Creances creances() {
    return read(TabRead.CREANCES);
  }

  /**
   * The attestation as a PDF, to view or print (step 6).
   *
   * @param type which attestation to produce
   * @return the PDF document
   * @throws net.cdapkit.error.CapabilityDeniedException if the profile may not get this type
   */
  public AttestationPdf requestAttestation(AttestationType type) {
    return session.client().pipeline().call(attestationOp(type));
  }

  /**
   * Has the CAF post the attestation to the allocataire, with a fresh idempotency key.
   *
   * @param type which attestation to post
   * @return the CAF's receipt for the letter
   */
  public EnvoiPostalReceipt requestAttestationByPost(AttestationType type) {
    return requestAttestationByPost(type, options);
  }

  /**
   * Has the CAF post the attestation to the allocataire (step 6). The partner gets a receipt, never
   * the address. The idempotency key is reused on every retry, so one letter is sent.
   *
   * @param type which attestation to post
   * @param options per-call options; give an idempotency key to resume safely after a restart
   * @return the CAF's receipt for the letter
   * @throws net.cdapkit.error.OutcomeUnknownException if no answer confirmed the request, or the
   *     answer could not be journaled; resend with its key
   */
  public EnvoiPostalReceipt requestAttestationByPost(AttestationType type, RequestOptions options) {
    return session.client().pipeline().call(postalOp(type, options));
  }

  @Override
  public String toString() {
    return "Dossier{caf=" + caf + ", numero=*******, finalite=" + finalite.code() + "}";
  }

  // ---- the operations, as the pipeline runs them (blocking here, asynchronous in AsyncDossier) --

  CallPipeline pipeline() {
    return session.client().pipeline();
  }

  private <T> Op<T> on(CdapOperation operation, AuditOperation audited, RequestOptions opts) {
    Op<T> op = new Op<T>(operation, session).options(opts);
    op.caf = caf.value();
    op.dossier = this;
    op.finalite = finalite.code().code();
    op.event = Audit.Event.on(this, audited);
    return op;
  }

  @SuppressWarnings("unchecked")
  <T> Op<T> readOp(TabRead<T> read) {
    Tab tab = read.tab();
    String operation = "tab." + tab.wireName();
    Op<T> op = on(read.operation(), AuditOperation.TAB, options);
    op.event = op.event.tab(tab);
    op.capability = "tab " + tab.wireName();
    return op.check(DenialKind.CAPABILITY, () -> session.requireTab(tab))
        .request((api, tag, ref) -> api.tab(tag, ref, tab.wireName()))
        .decode((exchange, g) -> (T) ApiCaller.decode(exchange, read.type(), operation));
  }

  /**
   * A lazy history: its checks run now (a denied tab fails at once, nothing sent), and each page is
   * a call of its own when the iteration reaches it.
   */
  private History<Object> history(Tab tab, Periode periode) {
    pipeline().admit(pageOp(tab, periode, 0));
    return new History<>(n -> pipeline().call(pageOp(tab, periode, n)));
  }

  /** One page of a history tab. */
  Op<History.Page<Object>> pageOp(Tab tab, Periode periode, int number) {
    String operation = "tab." + tab.wireName();
    String du = periode.du().map(Object::toString).orElse(null);
    String au = periode.au().map(Object::toString).orElse(null);
    Op<History.Page<Object>> op = on(CdapOperation.forTab(tab), AuditOperation.TAB, options);
    op.event = op.event.tab(tab).page(number);
    op.capability = "tab " + tab.wireName();
    return op.check(DenialKind.CAPABILITY, () -> session.requireTab(tab))
        .request(
            (api, tag, ref) -> api.pagedTab(tag, ref, tab.wireName(), du, au, number, PAGE_SIZE))
        .decode(
            (exchange, g) ->
                tab == Tab.PAIEMENTS
                    ? page(ApiCaller.decode(exchange, PaiementsPage.class, operation))
                    : page(ApiCaller.decode(exchange, CourriersPage.class, operation)));
  }

  Op<AttestationPdf> attestationOp(AttestationType type) {
    Op<AttestationPdf> op =
        on(CdapOperation.ATTESTATION_PDF, AuditOperation.ATTESTATION_PDF, options);
    op.event = op.event.attestation(type);
    op.capability = type == null ? "attestation" : "attestation " + type.name();
    String operation = "attestation.pdf";
    return op.validate(() -> requireNonNull(type, "Attestation type"))
        .check(
            DenialKind.CAPABILITY, () -> session.requireAttestation(type, Action.ATTESTATION_PDF))
        .request((api, tag, ref) -> api.attestationPdf(tag, ref, type.name()))
        .decode(
            (exchange, g) -> {
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

  Op<EnvoiPostalReceipt> postalOp(AttestationType type, RequestOptions opts) {
    Op<EnvoiPostalReceipt> op =
        on(CdapOperation.ATTESTATION_POSTALE, AuditOperation.ATTESTATION_POSTALE, opts);
    op.event = op.event.attestation(type);
    op.capability = type == null ? "attestation postale" : "attestation postale " + type.name();
    op.idempotencyKey =
        opts == null ? null : opts.idempotencyKey().orElseGet(() -> "env-" + UUID.randomUUID());
    return op.validate(
            () -> {
              requireNonNull(type, "Attestation type");
              requireNonNull(opts, "Request options");
            })
        .check(
            DenialKind.CAPABILITY,
            () -> session.requireAttestation(type, Action.ATTESTATION_POSTALE))
        .request((api, tag, ref) -> api.attestationPostale(tag, ref, type.name()))
        .decode((exchange, g) -> receipt(exchange, type));
  }

  /**
   * Decodes a postal receipt. Its {@code type} is the one field of the contract holding a single
   * enum value: a type this SDK does not know is read as the type requested (the server has sent
   * that letter) rather than failing a send that took effect.
   */
  private static EnvoiPostalReceipt receipt(Exchange exchange, AttestationType requested) {
    try {
      return ApiCaller.decode(exchange, EnvoiPostalReceipt.class, "attestation.postale");
    } catch (ProtocolException e) {
      try {
        com.squareup.moshi.JsonAdapter<Object> tree =
            net.cdapkit.internal.json.CdapJson.moshi().adapter(Object.class);
        Object parsed = tree.fromJson(new okio.Buffer().write(exchange.body()));
        if (parsed instanceof java.util.Map<?, ?> map
            && map.get("type") instanceof String t
            && java.util.Arrays.stream(AttestationType.values())
                .noneMatch(v -> v.name().equals(t))) {
          @SuppressWarnings("unchecked")
          java.util.Map<String, Object> copy =
              new java.util.LinkedHashMap<>((java.util.Map<String, Object>) map);
          copy.put("type", requested.name());
          okio.Buffer rewritten = new okio.Buffer();
          tree.toJson(rewritten, copy);
          return ApiCaller.decode(
              new Exchange(
                  exchange.status(),
                  rewritten.readByteArray(),
                  exchange.contentType(),
                  exchange.requestId(),
                  exchange.attempts()),
              EnvoiPostalReceipt.class,
              "attestation.postale");
        }
      } catch (java.io.IOException | RuntimeException ignored) {
        // not the one leniency this decoder allows: the original failure stands
      }
      throw e;
    }
  }

  /** The asynchronous form of a history: every page fetched, one after the other. */
  <T> CompletableFuture<History<T>> historyAsync(Tab tab, Periode periode) {
    if (periode == null) {
      return CompletableFuture.failedFuture(new InvalidInputException("Periode is required"));
    }
    try {
      pipeline().admit(pageOp(tab, periode, 0));
    } catch (RuntimeException refused) {
      return CompletableFuture.failedFuture(refused);
    }
    List<History.Page<T>> pages = new ArrayList<>();
    return pageAsync(tab, periode, 0, pages).thenApply(done -> History.of(List.copyOf(pages)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <T> CompletableFuture<Void> pageAsync(
      Tab tab, Periode periode, int number, List<History.Page<T>> pages) {
    return pipeline()
        .callAsync(pageOp(tab, periode, number))
        .thenCompose(
            page -> {
              History.checkPage(page, number, pages.size() + 1, "tab." + tab.wireName());
              pages.add((History.Page) page);
              return page.next().isPresent()
                  ? pageAsync(tab, periode, page.next().get(), pages)
                  : CompletableFuture.<Void>completedFuture(null);
            });
  }

  // ---- the dossier reference ----

  /** The body of this dossier's lookup: CAF and numéro, never in a URL. */
  DossierLookup lookupBody() {
    return new DossierLookup(caf.value(), numero.value());
  }

  /** The reference obtained under token generation {@code generation}, or null. */
  String referenceFor(long generation) {
    Reference r = holder.reference;
    return r != null && r.generation() == generation ? r.value() : null;
  }

  /**
   * Takes the reference from a lookup's answer, sent under token generation {@code generation}: a
   * reference is only ever sent again with the token it was obtained under.
   */
  String accept(Exchange exchange, long generation) {
    DossierReferencePayload payload =
        ApiCaller.decode(exchange, DossierReferencePayload.class, "dossier.lookup");
    if (payload.reference() == null || !REFERENCE.matcher(payload.reference()).matches()) {
      throw new ProtocolException(
          "Malformed response for dossier.lookup: no valid reference",
          exchange.requestId(),
          exchange.attempts(),
          null);
    }
    holder.reference = new Reference(payload.reference(), generation);
    return payload.reference();
  }

  /** Forgets {@code value} if it is still the current reference: the server no longer knows it. */
  void forget(String value) {
    synchronized (holder) {
      Reference r = holder.reference;
      if (r != null && r.value().equals(value)) {
        holder.reference = null;
      }
    }
  }

  private static History.Page<Object> page(PaiementsPage p) {
    return page(p.page(), new ArrayList<Object>(p.elements()), p.perimetre());
  }

  private static History.Page<Object> page(CourriersPage p) {
    return page(p.page(), new ArrayList<Object>(p.elements()), Perimetre.COMPLET);
  }

  private static History.Page<Object> page(
      PageInfo info, List<Object> elements, Perimetre perimetre) {
    List<Object> lines = List.copyOf(elements);
    return new History.Page<>() {
      @Override
      public int numero() {
        return info.numero();
      }

      @Override
      public List<Object> elements() {
        return lines;
      }

      @Override
      public Optional<Integer> next() {
        return info.suivante();
      }

      @Override
      public Perimetre perimetre() {
        return perimetre;
      }
    };
  }

  static void requireNonNull(Object value, String what) {
    if (value == null) {
      throw new InvalidInputException(what + " is required");
    }
  }
}
