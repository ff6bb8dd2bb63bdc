package net.cdapkit.model;

/** The attestations the CAF issues through CDAP. */
public enum AttestationType {
  /** Attestation de paiement. */
  PAIEMENT,
  /** Attestation de quotient familial. */
  QUOTIENT_FAMILIAL,
  /** Attestation de droits. */
  DROITS
}
