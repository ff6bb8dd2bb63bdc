package net.cdapkit.internal.json;

/** The agent of a session. Not API. The agent's name is personal: {@link #toString()} masks it. */
public record AgentPayload(String id, String nom) implements WirePayload {
  @Override
  public void validate() {
    WirePayload.require(id, "Agent.id");
  }

  @Override
  public String toString() {
    return "AgentPayload[id=" + id + ", nom=" + (nom == null ? "null" : "****") + "]";
  }
}
