package net.cdapkit.model;

/** The nature of an RSA right: the majoration applies to isolated parents. */
public enum NatureRsa {
  /** RSA socle. */
  SOCLE,
  /** RSA majoré (isolated parent). */
  MAJORE,
  /** A value unknown to this version of the SDK. */
  UNKNOWN
}
