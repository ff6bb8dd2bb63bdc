package net.cdapkit.internal.json;

import com.squareup.moshi.JsonDataException;

/**
 * The session opened at authentication: who the partner and the agent are, the profile and its
 * effective habilitations. Not API.
 *
 * @param debitMaxParSeconde the server's declared rate limit for the token, when it says
 */
public record SessionPayload(
    PartenairePayload partenaire,
    AgentPayload agent,
    String profil,
    HabilitationsPayload habilitations,
    Integer debitMaxParSeconde)
    implements WirePayload {

  @Override
  public void validate() {
    WirePayload.require(partenaire, "Session.partenaire");
    WirePayload.require(agent, "Session.agent");
    WirePayload.require(profil, "Session.profil");
    WirePayload.require(habilitations, "Session.habilitations");
    if (debitMaxParSeconde != null && debitMaxParSeconde < 1) {
      throw new JsonDataException("Session.debitMaxParSeconde must be at least 1");
    }
  }
}
