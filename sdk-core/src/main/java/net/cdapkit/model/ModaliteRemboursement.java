package net.cdapkit.model;

/** How a créance is repaid, which explains the retenues seen in the paiements tab. */
public enum ModaliteRemboursement {
  /** Deducted from the prestations paid (retenue). */
  RETENUE_SUR_PRESTATIONS,
  /** Paid by the allocataire. */
  VERSEMENT,
  /** A value unknown to this version of the SDK. */
  UNKNOWN
}
