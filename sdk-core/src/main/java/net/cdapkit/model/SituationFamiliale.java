package net.cdapkit.model;

/**
 * The CNAF code of the allocataire's family situation, shown in the synthèse and the résumé du
 * dossier; it decides which prestations and which amounts apply.
 */
public enum SituationFamiliale {
  /** Célibataire. */
  CEL("Célibataire"),
  /** Marié(e). */
  MAR("Marié(e)"),
  /** Pacsé(e). */
  PAC("Pacsé(e)"),
  /** Vie maritale (concubinage). */
  VIM("Vie maritale"),
  /** Divorcé(e). */
  DIV("Divorcé(e)"),
  /** Séparé(e). */
  SEP("Séparé(e)"),
  /** Veuf ou veuve. */
  VEU("Veuf / veuve"),
  /** A code unknown to this version of the SDK. */
  UNKNOWN("Situation inconnue");

  private final String label;

  SituationFamiliale(String label) {
    this.label = label;
  }

  /** {@return the French label shown to an agent, e.g. {@code Marié(e)}} */
  public String label() {
    return label;
  }
}
