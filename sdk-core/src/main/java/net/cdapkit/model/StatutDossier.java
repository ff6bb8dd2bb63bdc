package net.cdapkit.model;

/**
 * The state of a dossier in the résumé du dossier: an agent reads it before trusting the other tabs
 * as current.
 */
public enum StatutDossier {
  /** The dossier is managed and prestations may be paid. */
  ACTIF,
  /** Management is suspended, e.g. pending documents. */
  SUSPENDU,
  /** The dossier is closed (radié). */
  RADIE,
  /** A value unknown to this version of the SDK. */
  UNKNOWN
}
