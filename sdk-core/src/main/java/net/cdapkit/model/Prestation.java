package net.cdapkit.model;

/**
 * CNAF prestation codes. {@link #UNKNOWN} stands for a code this version of the SDK does not know
 * yet; the response is still decoded.
 */
public enum Prestation {
  /** Allocations familiales. */
  AF,
  /** Complément familial. */
  CF,
  /** Allocation de soutien familial. */
  ASF,
  /** Allocation de rentrée scolaire. */
  ARS,
  /** Prestation d'accueil du jeune enfant. */
  PAJE,
  /** Allocation d'éducation de l'enfant handicapé. */
  AEEH,
  /** Allocation aux adultes handicapés. */
  AAH,
  /** Revenu de solidarité active. */
  RSA,
  /** Prime d'activité. */
  PPA,
  /** Aide personnalisée au logement. */
  APL,
  /** Allocation de logement familiale. */
  ALF,
  /** Allocation de logement sociale. */
  ALS,
  /** A code unknown to this version of the SDK. */
  UNKNOWN;

  /**
   * {@return whether this is a housing aid (APL, ALF, ALS), the only ones a social landlord sees}
   */
  public boolean isAideLogement() {
    return this == APL || this == ALF || this == ALS;
  }
}
