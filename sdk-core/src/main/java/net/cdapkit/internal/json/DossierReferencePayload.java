package net.cdapkit.internal.json;

/**
 * The answer to a dossier look-up: an opaque, session-scoped reference ({@code dos_…}) and the CAF.
 * Not API.
 */
public record DossierReferencePayload(String reference, String caf) implements WirePayload {
  @Override
  public void validate() {
    WirePayload.require(reference, "DossierReference.reference");
    WirePayload.require(caf, "DossierReference.caf");
  }
}
