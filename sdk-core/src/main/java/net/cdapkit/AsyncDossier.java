package net.cdapkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CompositionFamille;
import net.cdapkit.model.Courrier;
import net.cdapkit.model.Creances;
import net.cdapkit.model.Droits;
import net.cdapkit.model.EnvoiPostalReceipt;
import net.cdapkit.model.InformationsLogement;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.Ressources;
import net.cdapkit.model.ResumeDossier;
import net.cdapkit.model.Rsa;
import net.cdapkit.model.Synthese;

/**
 * The operations of a {@link Dossier} as {@link CompletableFuture}s, reads and writes alike, with
 * the same result types as the blocking ones. They go through the same pipeline: the same checks,
 * journal records, retries, pacing, renewals and events; a future fails with the same typed {@link
 * CdapException} the blocking call would throw (a capability denial fails the future without
 * sending anything). Requests run on OkHttp's dispatcher: no thread waits per call, and waits for
 * the rate limit or a backoff are scheduled, not slept. Cancelling a future cancels its request.
 *
 * <pre>{@code
 * AsyncDossier d = dossier.async();
 * d.synthese().thenAcceptBoth(d.logement(), (synthese, logement) -> render(synthese, logement));
 * d.requestAttestationByPost(AttestationType.PAIEMENT, RequestOptions.defaults())
 *     .thenAccept(receipt -> store(receipt.reference()));
 * }</pre>
 *
 * <p>Callbacks run on OkHttp's dispatcher threads: keep them short, or continue with {@code
 * thenApplyAsync(…, yourExecutor)}.
 */
public final class AsyncDossier {
  private final Dossier dossier;

  AsyncDossier(Dossier dossier) {
    this.dossier = dossier;
  }

  /**
   * The dossier whose operations these are.
   *
   * @return the synchronous dossier this view was made from
   */
  public Dossier dossier() {
    return dossier;
  }

  /**
   * The asynchronous form of {@link Dossier#read(TabRead)}; a history is fetched whole.
   *
   * @param <T> the tab's value type
   * @param read which tab to read, e.g. {@link TabRead#RSA}
   * @return a future of the tab's value, failed with a {@link net.cdapkit.error.CdapException} when
   *     the read fails
   */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> read(TabRead<T> read) {
    if (read == null) {
      return CompletableFuture.failedFuture(new InvalidInputException("Tab read is required"));
    }
    if (read.paged()) {
      return (CompletableFuture<T>)
          (CompletableFuture<?>) dossier.ops().historyAsync(read.tab(), read.periode());
    }
    return dossier.pipeline().callAsync(dossier.ops().readOp(read));
  }

  /**
   * The synthèse tab.
   *
   * @return a future of the synthèse, failed with a {@link net.cdapkit.error.CdapException} when
   *     the read fails
   */
  public CompletableFuture<Synthese> synthese() {
    return read(TabRead.SYNTHESE);
  }

  /**
   * The résumé du dossier tab.
   *
   * @return a future of the résumé, failed with a {@link net.cdapkit.error.CdapException} when the
   *     read fails
   */
  public CompletableFuture<ResumeDossier> resume() {
    return read(TabRead.RESUME);
  }

  /**
   * The droits tab.
   *
   * @return a future of the droits, failed with a {@link net.cdapkit.error.CdapException} when the
   *     read fails
   */
  public CompletableFuture<Droits> droits() {
    return read(TabRead.DROITS);
  }

  /**
   * The composition de la famille tab.
   *
   * @return a future of the family composition, failed with a {@link
   *     net.cdapkit.error.CdapException} when the read fails
   */
  public CompletableFuture<CompositionFamille> compositionFamille() {
    return read(TabRead.FAMILLE);
  }

  /**
   * The ressources tab.
   *
   * @return a future of the ressources, failed with a {@link net.cdapkit.error.CdapException} when
   *     the read fails
   */
  public CompletableFuture<Ressources> ressources() {
    return read(TabRead.RESSOURCES);
  }

  /**
   * The RSA tab.
   *
   * @return a future of the RSA tab, failed with a {@link net.cdapkit.error.CdapException} when the
   *     read fails
   */
  public CompletableFuture<Rsa> rsa() {
    return read(TabRead.RSA);
  }

  /**
   * The informations logement tab.
   *
   * @return a future of the housing information, failed with a {@link
   *     net.cdapkit.error.CdapException} when the read fails
   */
  public CompletableFuture<InformationsLogement> logement() {
    return read(TabRead.LOGEMENT);
  }

  /**
   * The créances tab.
   *
   * @return a future of the créances, failed with a {@link net.cdapkit.error.CdapException} when
   *     the read fails
   */
  public CompletableFuture<Creances> creances() {
    return read(TabRead.CREANCES);
  }

  /**
   * Every payment of the period, newest first: the pages are fetched one after the other before the
   * future completes, so iterating the history sends nothing.
   *
   * @param periode the months to read; {@link Periode#all()} for the whole history
   * @return a future of the fully fetched history
   */
  public CompletableFuture<History<Paiement>> paiements(Periode periode) {
    return dossier.ops().historyAsync(net.cdapkit.capability.Tab.PAIEMENTS, periode);
  }

  /**
   * Every letter of the period, newest first, fetched before the future completes.
   *
   * @param periode the months to read; {@link Periode#all()} for the whole history
   * @return a future of the fully fetched history
   */
  public CompletableFuture<History<Courrier>> courriers(Periode periode) {
    return dossier.ops().historyAsync(net.cdapkit.capability.Tab.COURRIERS, periode);
  }

  /**
   * The asynchronous form of {@link Dossier#requestAttestation(AttestationType)}.
   *
   * @param type which attestation to produce
   * @return a future of the PDF, failed with a {@link net.cdapkit.error.CapabilityDeniedException}
   *     if the profile may not get this type
   */
  public CompletableFuture<AttestationPdf> requestAttestation(AttestationType type) {
    return dossier.pipeline().callAsync(dossier.ops().attestationOp(type));
  }

  /**
   * The asynchronous form of {@link Dossier#requestAttestationByPost(AttestationType,
   * RequestOptions)}: one letter whatever the retries; an unknown outcome fails the future with
   * {@link net.cdapkit.error.OutcomeUnknownException} and the key to resend with.
   *
   * @param type which attestation to post
   * @param options per-call options; give an idempotency key to resume safely after a restart
   * @return a future of the CAF's receipt for the letter
   */
  public CompletableFuture<EnvoiPostalReceipt> requestAttestationByPost(
      AttestationType type, RequestOptions options) {
    return dossier.pipeline().callAsync(dossier.ops().postalOp(type, options));
  }

  /**
   * Unwraps the {@link CompletionException} of a joined future into the SDK's exception.
   *
   * @param <T> the future's value type
   * @param future a future returned by this SDK
   * @return the future's value, once completed
   * @throws net.cdapkit.error.CdapException the SDK exception the future failed with, unwrapped
   *     from its {@link CompletionException}
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof CdapException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "AsyncDossier{" + dossier + "}";
  }
}
