package net.cdapkit.audit;

/** What an audit record is about: the steps of the CAF guide that touch a dossier or a CAF. */
public enum AuditOperation {
  /** Selecting a CAF; recorded only when refused (a CAF outside the habilitations). */
  CAF_SELECTION,
  /** Opening a dossier by CAF and numéro allocataire ("consulter"). */
  CONSULTATION,
  /** Reading a tab; for paiements and courriers, one record per page requested. */
  TAB,
  /** Getting an attestation as a PDF to view or print. */
  ATTESTATION_PDF,
  /** Having the CAF post an attestation to the allocataire. */
  ATTESTATION_POSTALE,
  /** Sending a Dialogue message to the CAF, about a dossier or not. */
  DIALOGUE
}
