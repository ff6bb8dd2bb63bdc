package net.cdapkit.model;

/** The CNAF role code of a member of the household in the composition de la famille. */
public enum RoleFamille {
  /** Demandeur: the allocataire. */
  DEM,
  /** Conjoint. */
  CJT,
  /** Enfant. */
  ENF,
  /** Another person living in the household. */
  AUT,
  /** A code unknown to this version of the SDK. */
  UNKNOWN
}
