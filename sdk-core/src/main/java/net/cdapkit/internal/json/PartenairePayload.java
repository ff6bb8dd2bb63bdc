package net.cdapkit.internal.json;

/** The partner organisation of a session (a conseil départemental, a CCAS…). Not API. */
public record PartenairePayload(String id, String nom) implements WirePayload {
  @Override
  public void validate() {
    WirePayload.require(id, "Partenaire.id");
    WirePayload.require(nom, "Partenaire.nom");
  }
}
