package net.cdapkit.internal.json;

/**
 * The body of {@code POST /cafs/{caf}/dialogues}: subject, message and an optional dossier
 * reference. Not API. Subject and message are free text about a household: {@link #toString()}
 * masks them.
 */
public record DialogueRequest(String objet, String message, String dossierReference)
    implements WirePayload {
  @Override
  public void validate() {
    WirePayload.require(objet, "DialogueMessage.objet");
    WirePayload.require(message, "DialogueMessage.message");
  }

  @Override
  public String toString() {
    return "DialogueRequest[objet=****, message=****, dossierReference=" + dossierReference + "]";
  }
}
