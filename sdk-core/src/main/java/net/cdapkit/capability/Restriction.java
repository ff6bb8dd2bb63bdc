package net.cdapkit.capability;

/** A narrowing of tab content that the server applies for a profile. */
public enum Restriction {
  /** Paiements, droits, créances and attestations cover housing aids only (APL, ALF, ALS). */
  AIDES_LOGEMENT_SEULEMENT,
  /** Composition de la famille comes without NIR. */
  SANS_NIR,
  /** Ressources show only the quotient familial and the N-2 income. */
  QUOTIENT_FAMILIAL_ET_N2_SEULEMENT
}
