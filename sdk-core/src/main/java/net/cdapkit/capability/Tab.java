package net.cdapkit.capability;

import java.util.Optional;

/** The ten tabs of a dossier in CDAP, in the order the portal shows them. */
public enum Tab {
  SYNTHESE("synthese", "Synthèse"),
  RESUME("resume", "Résumé du dossier"),
  PAIEMENTS("paiements", "Paiements"),
  DROITS("droits", "Droits"),
  FAMILLE("famille", "Composition de la famille"),
  RESSOURCES("ressources", "Ressources"),
  RSA("rsa", "RSA"),
  COURRIERS("courriers", "Courriers"),
  LOGEMENT("logement", "Informations logement"),
  CREANCES("creances", "Créances");

  private final String wireName;
  private final String label;

  Tab(String wireName, String label) {
    this.wireName = wireName;
    this.label = label;
  }

  /** The name used in the contract's paths and habilitations, e.g. {@code famille}. */
  public String wireName() {
    return wireName;
  }

  /** The label of the tab in the portal, e.g. {@code Composition de la famille}. */
  public String label() {
    return label;
  }

  /** The tab with this wire name or enum name, case-insensitive. */
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
