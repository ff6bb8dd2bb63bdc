package net.cdapkit.model;

/**
 * How much of a tab the server returned for the session's profile. Anything but {@link #COMPLET}
 * means content was withheld on purpose, not that the dossier has none.
 */
public enum Perimetre {
  /** The whole tab. */
  COMPLET,
  /** Housing aids (APL, ALF, ALS) only: payments, rights or debts of other prestations withheld. */
  AIDES_LOGEMENT,
  /** Family members without their NIR. */
  SANS_NIR,
  /** Only the quotient familial and the N-2 income; quarterly declarations withheld. */
  QUOTIENT_FAMILIAL_ET_N2,
  /** A narrowing this version of the SDK does not know; treat as partial. */
  UNKNOWN;

  /** {@return whether the server withheld part of the tab} */
  public boolean isPartiel() {
    return this != COMPLET;
  }
}
