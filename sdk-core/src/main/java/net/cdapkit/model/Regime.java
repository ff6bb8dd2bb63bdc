package net.cdapkit.model;

/**
 * The social security scheme of the allocataire, shown in the résumé du dossier because it decides
 * which body pays some prestations.
 */
public enum Regime {
  /** Régime général. */
  GENERAL,
  /** Régime agricole (MSA). */
  AGRICOLE,
  /** Fonction publique. */
  FONCTION_PUBLIQUE,
  /** Another scheme. */
  AUTRE,
  /** A value unknown to this version of the SDK. */
  UNKNOWN
}
