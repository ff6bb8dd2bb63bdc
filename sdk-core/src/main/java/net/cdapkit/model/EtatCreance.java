package net.cdapkit.model;

/** Where the repayment of a créance (indu) stands. */
public enum EtatCreance {
  /** Being repaid. */
  EN_COURS,
  /** Fully repaid. */
  SOLDEE,
  /** Contested by the allocataire. */
  CONTESTEE,
  /** A value unknown to this version of the SDK. */
  UNKNOWN
}
