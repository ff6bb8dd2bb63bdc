package net.cdapkit.testkit;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;

/**
 * A postal dispatch of an attestation that the simulator accepted: one per Idempotency-Key, however
 * often the client retried. {@link #toString()} masks the numéro allocataire.
 *
 * @param reference the receipt reference, e.g. {@code ENV-751-000001}
 * @param caf the CAF of the dossier
 * @param numeroAllocataire the numéro allocataire of the dossier (personal: masked by {@link
 *     #toString()})
 * @param type the kind of attestation to post
 * @param dateEnvoiPrevue the date the CAF plans to post it
 * @param agent the login of the agent who asked
 * @param finalite the finalité declared on the request
 * @param idempotencyKey the {@code Idempotency-Key} of the first request that carried it
 */
public record RecordedEnvoiPostal(
    String reference,
    CafCode caf,
    NumeroAllocataire numeroAllocataire,
    AttestationType type,
    LocalDate dateEnvoiPrevue,
    String agent,
    FinaliteCode finalite,
    String idempotencyKey) {

  /**
   * Checks that every component is present.
   *
   * @param reference the receipt reference, e.g. {@code ENV-751-000001}
   * @param caf the CAF of the dossier
   * @param numeroAllocataire the numéro allocataire of the dossier (personal: masked by {@link
   *     #toString()})
   * @param type the kind of attestation to post
   * @param dateEnvoiPrevue the date the CAF plans to post it
   * @param agent the login of the agent who asked
   * @param finalite the finalité declared on the request
   * @param idempotencyKey the {@code Idempotency-Key} of the first request that carried it
   * @throws NullPointerException if any component is null
   */
  public RecordedEnvoiPostal {
    requireNonNull(reference, "reference");
    requireNonNull(caf, "caf");
    requireNonNull(numeroAllocataire, "numeroAllocataire");
    requireNonNull(type, "type");
    requireNonNull(dateEnvoiPrevue, "dateEnvoiPrevue");
    requireNonNull(agent, "agent");
    requireNonNull(finalite, "finalite");
    requireNonNull(idempotencyKey, "idempotencyKey");
  }

  @Override
  public String toString() {
    return "RecordedEnvoiPostal[reference="
        + reference
        + ", caf="
        + caf
        + ", numeroAllocataire=*******, type="
        + type
        + ", dateEnvoiPrevue="
        + dateEnvoiPrevue
        + ", agent="
        + agent
        + ", finalite="
        + finalite
        + "]";
  }
}
