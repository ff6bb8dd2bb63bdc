package net.cdapkit.model;

/** How the household is housed, which decides the housing aid it may receive. */
public enum TypeLogement {
  /** Tenant of social housing (HLM). */
  LOCATAIRE_PARC_SOCIAL,
  /** Tenant in the private sector. */
  LOCATAIRE_PARC_PRIVE,
  /** Home-buyer repaying a loan (accédant à la propriété). */
  ACCEDANT,
  /** Living in a residence (foyer). */
  FOYER,
  /** Housed by someone else (hébergé). */
  HEBERGE,
  /** A value unknown to this version of the SDK. */
  UNKNOWN
}
