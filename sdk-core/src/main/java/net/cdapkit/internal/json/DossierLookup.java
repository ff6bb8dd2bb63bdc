package net.cdapkit.internal.json;

/**
 * The body of {@code POST /dossiers/recherche}: a CAF code and a numéro allocataire, both as
 * strings. Not API. The numéro is personal: {@link #toString()} masks it.
 */
public record DossierLookup(String caf, String numeroAllocataire) implements WirePayload {
  @Override
  public void validate() {
    WirePayload.require(caf, "DossierLookup.caf");
    WirePayload.require(numeroAllocataire, "DossierLookup.numeroAllocataire");
  }

  @Override
  public String toString() {
    return "DossierLookup[caf=" + caf + ", numeroAllocataire=****]";
  }
}
