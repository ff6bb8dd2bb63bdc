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

  /** The dossier whose operations these are. */
  public Dossier dossier() {
    return dossier;
  }

  /** The asynchronous form of {@link Dossier#read(TabRead)}; a history is fetched whole. */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> read(TabRead<T> read) {
    if (read == null) {
      return CompletableFuture.failedFuture(new InvalidInputException("Tab read is required"));
    }
    if (read.paged()) {
      return (CompletableFuture<T>)
          (CompletableFuture<?>) dossier.historyAsync(read.tab(), read.periode());
    }
    return dossier.pipeline().callAsync(dossier.readOp(read));
  }

  /** The synthèse tab. */
  public CompletableFuture<Synthese> synthese() {
    return read(TabRead.SYNTHESE);
  }

  /** The résumé du dossier tab. */
  public CompletableFuture<ResumeDossier> resume() {
    return read(TabRead.RESUME);
  }

  /** The droits tab. */
  public CompletableFuture<Droits> droits() {
    return read(TabRead.DROITS);
  }

  /** The composition de la famille tab. */
  public CompletableFuture<CompositionFamille> compositionFamille() {
    return read(TabRead.FAMILLE);
  }

  /** The ressources tab. */
  public CompletableFuture<Ressources> ressources() {
    return read(TabRead.RESSOURCES);
  }

  /** The RSA tab. */
  public CompletableFuture<Rsa> rsa() {
    return read(TabRead.RSA);
  }

  /** The informations logement tab. */
  public CompletableFuture<InformationsLogement> logement() {
    return read(TabRead.LOGEMENT);
  }

  /** The créances tab. */
  public CompletableFuture<Creances> creances() {
    return read(TabRead.CREANCES);
  }

  /**
   * Every payment of the period, newest first: the pages are fetched one after the other before the
   * future completes, so iterating the history sends nothing.
   */
  public CompletableFuture<History<Paiement>> paiements(Periode periode) {
    return dossier.historyAsync(net.cdapkit.capability.Tab.PAIEMENTS, periode);
  }

  /** Every letter of the period, newest first, fetched before the future completes. */
  public CompletableFuture<History<Courrier>> courriers(Periode periode) {
    return dossier.historyAsync(net.cdapkit.capability.Tab.COURRIERS, periode);
  }

  /** The asynchronous form of {@link Dossier#requestAttestation(AttestationType)}. */
  public CompletableFuture<AttestationPdf> requestAttestation(AttestationType type) {
    return dossier.pipeline().callAsync(dossier.attestationOp(type));
  }

  /**
   * The asynchronous form of {@link Dossier#requestAttestationByPost(AttestationType,
   * RequestOptions)}: one letter whatever the retries; an unknown outcome fails the future with
   * {@link net.cdapkit.error.OutcomeUnknownException} and the key to resend with.
   */
  public CompletableFuture<EnvoiPostalReceipt> requestAttestationByPost(
      AttestationType type, RequestOptions options) {
    return dossier.pipeline().callAsync(dossier.postalOp(type, options));
  }

  /** Unwraps the {@link CompletionException} of a joined future into the SDK's exception. */
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
