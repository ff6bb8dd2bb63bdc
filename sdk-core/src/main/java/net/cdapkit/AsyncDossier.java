package net.cdapkit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CdapException;
import net.cdapkit.model.CompositionFamille;
import net.cdapkit.model.Courrier;
import net.cdapkit.model.Creances;
import net.cdapkit.model.Droits;
import net.cdapkit.model.InformationsLogement;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.Ressources;
import net.cdapkit.model.ResumeDossier;
import net.cdapkit.model.Rsa;
import net.cdapkit.model.Synthese;

/**
 * The read operations of a {@link Dossier} as {@link CompletableFuture}s. Requests run on OkHttp's
 * dispatcher: no thread waits per call, and waits for the rate limit or a backoff are scheduled,
 * not slept. The same checks, retries, pacing and renewals apply as to the blocking calls; a future
 * fails with the same typed {@link CdapException} the blocking call would throw (a capability
 * denial fails the future without sending anything).
 *
 * <pre>{@code
 * AsyncDossier d = dossier.async();
 * CompletableFuture<Synthese> s = d.synthese();
 * CompletableFuture<InformationsLogement> l = d.logement();
 * s.thenAcceptBoth(l, (synthese, logement) -> render(synthese, logement));
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

  public Dossier dossier() {
    return dossier;
  }

  public CompletableFuture<Synthese> synthese() {
    return dossier.readAsync(Tab.SYNTHESE, Synthese.class);
  }

  public CompletableFuture<ResumeDossier> resume() {
    return dossier.readAsync(Tab.RESUME, ResumeDossier.class);
  }

  public CompletableFuture<Droits> droits() {
    return dossier.readAsync(Tab.DROITS, Droits.class);
  }

  public CompletableFuture<CompositionFamille> compositionFamille() {
    return dossier.readAsync(Tab.FAMILLE, CompositionFamille.class);
  }

  public CompletableFuture<Ressources> ressources() {
    return dossier.readAsync(Tab.RESSOURCES, Ressources.class);
  }

  public CompletableFuture<Rsa> rsa() {
    return dossier.readAsync(Tab.RSA, Rsa.class);
  }

  public CompletableFuture<InformationsLogement> logement() {
    return dossier.readAsync(Tab.LOGEMENT, InformationsLogement.class);
  }

  public CompletableFuture<Creances> creances() {
    return dossier.readAsync(Tab.CREANCES, Creances.class);
  }

  /** Every payment of the period, newest first: the pages are fetched one after the other. */
  public CompletableFuture<List<Paiement>> paiements(Periode periode) {
    return dossier.paiementsAsync(periode);
  }

  /** Every letter of the period, newest first: the pages are fetched one after the other. */
  public CompletableFuture<List<Courrier>> courriers(Periode periode) {
    return dossier.courriersAsync(periode);
  }

  /** Unwraps the {@link CompletionException} of a joined future into the SDK's exception. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof CdapException) {
        throw (CdapException) e.getCause();
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "AsyncDossier{" + dossier + "}";
  }
}
