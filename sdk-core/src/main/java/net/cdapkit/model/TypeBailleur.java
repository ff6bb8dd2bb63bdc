package net.cdapkit.model;

/** Whether a landlord is a social or a private one. */
public enum TypeBailleur {
  /** A social landlord (bailleur social). */
  SOCIAL,
  /** A private landlord. */
  PRIVE,
  /** A value unknown to this version of the SDK. */
  UNKNOWN
}
