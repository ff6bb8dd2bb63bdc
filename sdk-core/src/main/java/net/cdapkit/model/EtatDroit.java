package net.cdapkit.model;

/** The state of a right (droit) to a prestation, as the droits tab shows it. */
public enum EtatDroit {
  /** The right is open. */
  OUVERT,
  /** The right has ended; see the end date and reason. */
  FERME,
  /** The right is open but suspended. */
  SUSPENDU,
  /** A value unknown to this version of the SDK. */
  UNKNOWN
}
