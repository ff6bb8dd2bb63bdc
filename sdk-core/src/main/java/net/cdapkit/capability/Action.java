package net.cdapkit.capability;

/** What an agent may do on a dossier besides reading tabs. */
public enum Action {
  /** View or print an attestation as a PDF. */
  ATTESTATION_PDF,
  /** Have the CAF post an attestation to the allocataire. */
  ATTESTATION_POSTALE,
  /** Send a message to the CAF ("Dialogue"). */
  DIALOGUE
}
