package net.cdapkit.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;

/**
 * A dossier lookup the simulator received from an authenticated, habilitated agent, found or not:
 * who looked up which dossier, when and for which declared purpose. {@link #toString()} masks the
 * numéro allocataire.
 *
 * @param caf the CAF whose dossier was looked up
 * @param numeroAllocataire the numéro allocataire looked up (personal: masked by {@link
 *     #toString()})
 * @param finalite the finalité declared on the lookup
 * @param agent the login of the agent
 * @param at the simulator clock's instant
 */
public record RecordedConsultation(
    CafCode caf,
    NumeroAllocataire numeroAllocataire,
    FinaliteCode finalite,
    String agent,
    Instant at) {

  /**
   * Checks that every component is present.
   *
   * @param caf the CAF whose dossier was looked up
   * @param numeroAllocataire the numéro allocataire looked up (personal: masked by {@link
   *     #toString()})
   * @param finalite the finalité declared on the lookup
   * @param agent the login of the agent
   * @param at the simulator clock's instant
   * @throws NullPointerException if any component is null
   */
  public RecordedConsultation {
    requireNonNull(caf, "caf");
    requireNonNull(numeroAllocataire, "numeroAllocataire");
    requireNonNull(finalite, "finalite");
    requireNonNull(agent, "agent");
    requireNonNull(at, "at");
  }

  @Override
  public String toString() {
    return "RecordedConsultation[caf="
        + caf
        + ", numeroAllocataire=*******, finalite="
        + finalite
        + ", agent="
        + agent
        + ", at="
        + at
        + "]";
  }
}
