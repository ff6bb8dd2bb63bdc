package net.cdapkit;

import java.util.regex.Pattern;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.internal.http.ApiCaller;
import net.cdapkit.internal.http.Exchange;
import net.cdapkit.internal.json.DossierLookup;
import net.cdapkit.internal.json.DossierReferencePayload;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.CompositionFamille;
import net.cdapkit.model.Courrier;
import net.cdapkit.model.Creances;
import net.cdapkit.model.Droits;
import net.cdapkit.model.EnvoiPostalReceipt;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.InformationsLogement;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Paiement;
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
  private static final Pattern REFERENCE = Pattern.compile("dos_[A-Za-z0-9]{8,64}");

  private final CdapSession session;
  private final CafCode caf;
  private final NumeroAllocataire numero;
  private final Finalite finalite;
  private final ReferenceHolder holder;
  private final RequestOptions options;
  private final DossierOps ops;

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
    this.ops = new DossierOps(this);
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

  /** The options every call made through this view uses. */
  RequestOptions options() {
    return options;
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
      return (T) ops.history(read.tab(), read.periode());
    }
    return pipeline().call(ops.readOp(read));
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
    return pipeline().call(ops.attestationOp(type));
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
    return pipeline().call(ops.postalOp(type, options));
  }

  @Override
  public String toString() {
    return "Dossier{caf=" + caf + ", numero=*******, finalite=" + finalite.code() + "}";
  }

  // ---- the operations, described in DossierOps for the pipeline ----

  CallPipeline pipeline() {
    return session.client().pipeline();
  }

  /** How this view's operations are described to the pipeline, blocking and asynchronous. */
  DossierOps ops() {
    return ops;
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

  static void requireNonNull(Object value, String what) {
    if (value == null) {
      throw new InvalidInputException(what + " is required");
    }
  }
}
