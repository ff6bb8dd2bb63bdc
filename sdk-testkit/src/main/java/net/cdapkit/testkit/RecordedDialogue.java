package net.cdapkit.testkit;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.Optional;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;

/**
 * A Dialogue message that the simulator accepted: one per Idempotency-Key, however often the client
 * retried. The subject and message are free text and may describe a household, so {@link
 * #toString()} shows only their lengths, and masks the numéro allocataire.
 *
 * @param reference the receipt reference, e.g. {@code DLG-751-000001}
 * @param caf the CAF the message was sent to
 * @param objet the subject, as sent (free text: never logged)
 * @param message the message, as sent (free text: never logged)
 * @param dossierReference the session-scoped dossier reference the message mentioned, if any
 * @param numeroAllocataire the numéro of that dossier, if any
 * @param recuLe when the simulator accepted it, on the simulator's clock
 * @param agent the login of the agent who sent it
 * @param idempotencyKey the {@code Idempotency-Key} of the first request that carried it
 */
public record RecordedDialogue(
    String reference,
    CafCode caf,
    String objet,
    String message,
    Optional<String> dossierReference,
    Optional<NumeroAllocataire> numeroAllocataire,
    OffsetDateTime recuLe,
    String agent,
    String idempotencyKey) {

  /**
   * Checks that every component is present; the optional ones may be empty, not null.
   *
   * @param reference the receipt reference, e.g. {@code DLG-751-000001}
   * @param caf the CAF the message was sent to
   * @param objet the subject, as sent (free text: never logged)
   * @param message the message, as sent (free text: never logged)
   * @param dossierReference the session-scoped dossier reference the message mentioned, if any
   * @param numeroAllocataire the numéro of that dossier, if any
   * @param recuLe when the simulator accepted it, on the simulator's clock
   * @param agent the login of the agent who sent it
   * @param idempotencyKey the {@code Idempotency-Key} of the first request that carried it
   * @throws NullPointerException if any component is null
   */
  public RecordedDialogue {
    requireNonNull(reference, "reference");
    requireNonNull(caf, "caf");
    requireNonNull(objet, "objet");
    requireNonNull(message, "message");
    requireNonNull(dossierReference, "dossierReference");
    requireNonNull(numeroAllocataire, "numeroAllocataire");
    requireNonNull(recuLe, "recuLe");
    requireNonNull(agent, "agent");
    requireNonNull(idempotencyKey, "idempotencyKey");
  }

  @Override
  public String toString() {
    return "RecordedDialogue[reference="
        + reference
        + ", caf="
        + caf
        + ", objet=("
        + objet.length()
        + " chars), message=("
        + message.length()
        + " chars), dossier="
        + (numeroAllocataire.isPresent() ? "*******" : "none")
        + ", recuLe="
        + recuLe
        + ", agent="
        + agent
        + "]";
  }
}
