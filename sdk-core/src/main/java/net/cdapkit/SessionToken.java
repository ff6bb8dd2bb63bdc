package net.cdapkit;

import java.time.Duration;
import java.time.Instant;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.internal.http.ApiCaller;
import net.cdapkit.internal.http.CredentialsPayload;
import net.cdapkit.internal.http.Exchange;
import net.cdapkit.internal.http.Saturating;
import net.cdapkit.internal.json.TokenResponse;

/**
 * A session's bearer token: when it is renewed ahead of expiry, when it stops being valid, and its
 * {@code generation} (renewals counted), which a dossier reference is bound to. Also the
 * authentication operation and the checks its answer must pass, as server values. Immutable.
 */
final class SessionToken {
  /** A token's lifetime is taken at most at ten years: {@code expiresIn} is a server value. */
  private static final Duration LONGEST_TOKEN = Duration.ofDays(3650);

  final String header;
  final Instant refreshAt;
  final Instant expiresAt;
  final long generation;

  SessionToken(String header, Instant refreshAt, Instant expiresAt, long generation) {
    this.header = header;
    this.refreshAt = refreshAt;
    this.expiresAt = expiresAt;
    this.generation = generation;
  }

  /** The authentication operation: its checked answer opens a session. */
  static Op<TokenResponse> authentication(CredentialsProvider provider) {
    Credentials[] read = new Credentials[1];
    return new Op<TokenResponse>(CdapOperation.AUTHENTICATE, null)
        .validate(
            () -> {
              Credentials c = provider.credentials();
              if (c == null) {
                throw new InvalidInputException("Credentials provider returned no credentials");
              }
              read[0] = c;
            })
        .request(
            (api, tag, ref) ->
                api.authenticate(tag, new CredentialsPayload(read[0].login(), read[0].password())))
        .decode((exchange, generation) -> tokenResponse(exchange));
  }

  static TokenResponse tokenResponse(Exchange exchange) {
    TokenResponse response = ApiCaller.decode(exchange, TokenResponse.class, "authenticate");
    if (response.accessToken() == null
        || !usableToken(response.accessToken())
        || response.session() == null
        || response.expiresIn() <= 0) {
      throw new ProtocolException(
          "Malformed response for authenticate: token or session missing or unusable",
          exchange.requestId(),
          exchange.attempts(),
          null);
    }
    return response;
  }

  /** A token goes into a header: 1 to 8192 visible ASCII characters, never a line break. */
  private static boolean usableToken(String token) {
    if (token.isEmpty() || token.length() > 8192) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /**
   * The token of an answer. It is renewed a margin before it expires, but never before half its
   * lifetime: a token that lives less than the margin is used, not renewed at every call.
   */
  static SessionToken of(TokenResponse response, long generation, Duration margin) {
    Instant now = Instant.now();
    Instant expires = Saturating.plusSeconds(now, response.expiresIn(), LONGEST_TOKEN);
    Duration half = Duration.between(now, expires).dividedBy(2);
    Duration lead = margin.compareTo(half) > 0 ? half : margin;
    return new SessionToken(
        "Bearer " + response.accessToken(), expires.minus(lead), expires, generation);
  }

  @Override
  public String toString() {
    return "SessionToken{****}";
  }
}
