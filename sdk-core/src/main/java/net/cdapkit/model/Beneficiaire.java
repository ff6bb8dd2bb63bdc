package net.cdapkit.model;

/**
 * Who received a payment of the paiements tab: a landlord paid through tiers payant is how a social
 * landlord recognises its own rent receipts.
 */
public enum Beneficiaire {
  /** Paid to the allocataire. */
  ALLOCATAIRE,
  /** Paid to a third party ("tiers payant"), e.g. a housing aid paid to the landlord. */
  TIERS,
  /** A value unknown to this version of the SDK. */
  UNKNOWN
}
