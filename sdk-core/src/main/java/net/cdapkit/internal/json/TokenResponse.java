package net.cdapkit.internal.json;

import com.squareup.moshi.JsonDataException;

/**
 * The answer to {@code POST /auth/token}: the bearer token and the session it opens. Not API.
 *
 * @param expiresIn seconds until the token expires
 */
public record TokenResponse(
    String accessToken, String tokenType, long expiresIn, SessionPayload session)
    implements WirePayload {

  @Override
  public void validate() {
    WirePayload.require(accessToken, "TokenResponse.accessToken");
    WirePayload.require(tokenType, "TokenResponse.tokenType");
    WirePayload.require(session, "TokenResponse.session");
    if (expiresIn < 1) {
      throw new JsonDataException("TokenResponse.expiresIn must be at least 1");
    }
  }

  /** The token is a secret: masked. */
  @Override
  public String toString() {
    return "TokenResponse[accessToken=****, tokenType="
        + tokenType
        + ", expiresIn="
        + expiresIn
        + ", session="
        + session
        + "]";
  }
}
