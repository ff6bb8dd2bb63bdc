package net.cdapkit.capability;

import java.util.Optional;

/** The ten tabs of a dossier in CDAP, in the order the portal shows them. */
public enum Tab {
  /** The «Synthèse» tab. */
  SYNTHESE("synthese", "Synthèse"),
  /** The «Résumé du dossier» tab. */
  RESUME("resume", "Résumé du dossier"),
  /** The «Paiements» tab. */
  PAIEMENTS("paiements", "Paiements"),
  /** The «Droits» tab. */
  DROITS("droits", "Droits"),
  /** The «Composition de la famille» tab. */
  FAMILLE("famille", "Composition de la famille"),
  /** The «Ressources» tab. */
  RESSOURCES("ressources", "Ressources"),
  /** The «RSA» tab. */
  RSA("rsa", "RSA"),
  /** The «Courriers» tab. */
  COURRIERS("courriers", "Courriers"),
  /** The «Informations logement» tab. */
  LOGEMENT("logement", "Informations logement"),
  /** The «Créances» tab. */
  CREANCES("creances", "Créances");

  private final String wireName;
  private final String label;

  Tab(String wireName, String label) {
    this.wireName = wireName;
    this.label = label;
  }

  /** {@return the name used in the contract's paths and habilitations, e.g. {@code famille}} */
  public String wireName() {
    return wireName;
  }

  /** {@return the label of the tab in the portal, e.g. {@code Composition de la famille}} */
  public String label() {
    return label;
  }

  /**
   * {@return the tab with this wire name or enum name, case-insensitive}
   *
   * @param name the header's name
   */
  public static Optional<Tab> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (Tab t : values()) {
      if (t.wireName.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
