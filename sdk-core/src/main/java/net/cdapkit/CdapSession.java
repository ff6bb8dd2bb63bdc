package net.cdapkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Habilitations;
import net.cdapkit.capability.Profile;
import net.cdapkit.capability.Profiles;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.internal.http.ApiCaller;
import net.cdapkit.internal.http.CallContext;
import net.cdapkit.internal.http.CredentialsPayload;
import net.cdapkit.internal.http.Exchange;
import net.cdapkit.internal.http.TokenBucket;
import net.cdapkit.internal.json.SessionPayload;
import net.cdapkit.internal.json.TokenResponse;
import net.cdapkit.model.Agent;
import net.cdapkit.model.AideEnLigne;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Partenaire;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;

/**
 * An authenticated agent: the partner, the agent, the profile and its habilitations (step 1 of the
 * guide), and the entry to every other step. Thread-safe: one session may serve several threads of
 * the same agent. Closing it logs out.
 *
 * <p>The token is renewed transparently: ahead of its expiry, and once on a 401 "expired" answer,
 * with one authentication shared by all threads waiting for it.
 */
public final class CdapSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CdapSession.class);

  private final CdapClient client;
  private final CredentialsProvider credentials;
  private final Partenaire partenaire;
  private final Agent agent;
  private final String profile;
  private final Habilitations habilitations;
  private final Optional<Integer> declaredRate;
  private final String agentHeader;
  private final Audit audit;
  private final TokenBucket pacing; // null when not paced
  private final Object authLock = new Object();
  private volatile Token token;
  private volatile boolean closed;

  /** A bearer token and when it stops being valid; {@code generation} counts renewals. */
  static final class Token {
    final String header;
    final Instant expiresAt;
    final long generation;

    Token(String header, Instant expiresAt, long generation) {
      this.header = header;
      this.expiresAt = expiresAt;
      this.generation = generation;
    }

    @Override
    public String toString() {
      return "Token{****}";
    }
  }

  private CdapSession(CdapClient client, CredentialsProvider credentials, TokenResponse first) {
    this.client = client;
    this.credentials = credentials;
    SessionPayload s = first.session();
    this.partenaire =
        Partenaire.builder().id(s.partenaire().id()).nom(s.partenaire().nom()).build();
    this.agent =
        Agent.builder().id(s.agent().id()).nom(Optional.ofNullable(s.agent().nom())).build();
    this.profile = s.profil();
    this.habilitations = s.habilitations().toHabilitations();
    this.declaredRate = Optional.ofNullable(s.debitMaxParSeconde());
    this.agentHeader = percentEncode(agent.id());
    this.audit = client.audit(partenaire.id(), agent.id(), profile);
    this.pacing =
        client.rateLimit().resolve(declaredRate).map(r -> r.bucket(partenaire.id())).orElse(null);
    this.token = token(first, 0);
  }

  static CdapSession open(CdapClient client, CredentialsProvider credentials) {
    TokenResponse response = requestToken(client, credentials);
    CdapSession session = new CdapSession(client, credentials, response);
    LOG.debug("cdap session opened for profile {}", session.profile);
    return session;
  }

  private static TokenResponse requestToken(CdapClient client, CredentialsProvider provider) {
    Credentials c = provider.credentials();
    if (c == null) {
      throw new InvalidInputException("Credentials provider returned no credentials");
    }
    Exchange exchange =
        client
            .caller()
            .execute(
                client.api().authenticate(new CredentialsPayload(c.login(), c.password())),
                new CallContext("authenticate", "", "authentication", true, null));
    TokenResponse response = ApiCaller.decode(exchange, TokenResponse.class, "authenticate");
    if (response.accessToken() == null
        || response.accessToken().isBlank()
        || response.session() == null
        || response.expiresIn() <= 0) {
      throw new ProtocolException(
          "Malformed response for authenticate: token or session missing",
          exchange.requestId(),
          exchange.attempts(),
          null);
    }
    return response;
  }

  private static Token token(TokenResponse response, long generation) {
    return new Token(
        "Bearer " + response.accessToken(),
        Instant.now().plusSeconds(response.expiresIn()),
        generation);
  }

  /** The partner organisation. */
  public Partenaire partenaire() {
    return partenaire;
  }

  /** The agent acting in this session. */
  public Agent agent() {
    return agent;
  }

  /** The profile code the server gave this session, e.g. {@code T1}. */
  public String profile() {
    return profile;
  }

  /** The session's effective habilitations, as returned by the server (authoritative). */
  public Habilitations habilitations() {
    return habilitations;
  }

  /** This project's catalogue entry for the profile, when it models it (T1 to T5). */
  public Optional<Profile> catalogueProfile() {
    return Profiles.forCode(profile, habilitations.cafs());
  }

  /** The request rate the server declared for this session's token, per second. */
  public Optional<Integer> declaredRatePerSecond() {
    return declaredRate;
  }

  /** When the current token expires; renewed transparently. */
  public Instant tokenExpiresAt() {
    return token.expiresAt;
  }

  public boolean isOpen() {
    return !closed;
  }

  /** Whether the profile may read this tab. */
  public boolean canRead(Tab tab) {
    return habilitations.allowsTab(tab);
  }

  /** Whether the profile may perform this action. */
  public boolean can(Action action) {
    return habilitations.allowsAction(action);
  }

  /** Whether the profile may get this attestation type by this delivery. */
  public boolean canRequestAttestation(AttestationType type, Action delivery) {
    return (delivery == Action.ATTESTATION_PDF || delivery == Action.ATTESTATION_POSTALE)
        && habilitations.allowsAction(delivery)
        && habilitations.allowsAttestation(type);
  }

  /**
   * Selects the allocataire's CAF (step 3). A numéro allocataire is unique only within its CAF.
   *
   * @throws CapabilityDeniedException if the partner is not habilitated for this CAF
   */
  public CafContext selectCaf(CafCode caf) {
    ensureOpen();
    if (caf == null) {
      throw new InvalidInputException("CAF code is required");
    }
    if (!habilitations.allowsCaf(caf)) {
      CapabilityDeniedException denied =
          CapabilityDeniedException.beforeCall(profile, "CAF " + caf.value());
      audit.denied(Audit.Event.cafSelection(caf), denied);
      throw denied;
    }
    return new CafContext(this, caf);
  }

  /** Convenience for {@code selectCaf(CafCode.of(code))}. */
  public CafContext selectCaf(String caf) {
    return selectCaf(CafCode.of(caf));
  }

  /** The online help: fiches pratiques (step 7). */
  public AideEnLigne help() {
    Exchange exchange =
        send(
            auth -> client.api().help(auth, agentHeader),
            context("help", "help", RequestOptions.defaults()));
    return ApiCaller.decode(exchange, AideEnLigne.class, "help");
  }

  /** Logs out. Idempotent; a failure to reach the server does not throw. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      client
          .caller()
          .execute(
              client.api().logout(token.header, agentHeader),
              new CallContext("logout", profile, "logout", false, null));
    } catch (RuntimeException e) {
      // The token expires on its own; a logout that did not reach the server is not an error
      // the caller can act on.
      LOG.debug("cdap logout not confirmed by the server: {}", e.getClass().getSimpleName());
    }
  }

  @Override
  public String toString() {
    return "CdapSession{profile=" + profile + ", open=" + !closed + "}";
  }

  // ---- package-private plumbing used by CafContext and Dossier ----

  CdapClient client() {
    return client;
  }

  Audit audit() {
    return audit;
  }

  /** The agent's identifier as the {@code X-Cdap-Agent} header carries it. */
  String agentHeader() {
    return agentHeader;
  }

  /**
   * Percent-encodes (UTF-8) every character but {@code A-Z a-z 0-9 - . _ ~ @ +}: a header value
   * must be printable ASCII, and an agent's login may not be.
   */
  static String percentEncode(String value) {
    StringBuilder b = new StringBuilder(value.length());
    for (byte c : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '@'
          || c == '+') {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02X", c & 0xff));
      }
    }
    return b.toString();
  }

  void ensureOpen() {
    if (closed) {
      throw new AuthenticationException(
          AuthenticationException.Reason.TOKEN_INVALID, "Session is closed", null, 0);
    }
  }

  void requireTab(Tab tab) {
    ensureOpen();
    if (!habilitations.allowsTab(tab)) {
      throw CapabilityDeniedException.beforeCall(profile, "tab " + tab.wireName());
    }
  }

  void requireAction(Action action) {
    ensureOpen();
    if (!habilitations.allowsAction(action)) {
      throw CapabilityDeniedException.beforeCall(profile, "action " + action.name());
    }
  }

  void requireAttestation(AttestationType type, Action delivery) {
    requireAction(delivery);
    if (!habilitations.allowsAttestation(type)) {
      throw CapabilityDeniedException.beforeCall(profile, "attestation " + type.name());
    }
  }

  void requireFinalite(FinaliteCode finalite) {
    ensureOpen();
    if (!habilitations.allowsFinalite(finalite)) {
      throw CapabilityDeniedException.beforeCall(profile, "finalité " + finalite.code());
    }
  }

  CallContext context(String operation, String capability, RequestOptions options) {
    return new CallContext(operation, profile, capability, true, options.timeout().orElse(null));
  }

  long tokenGeneration() {
    return token.generation;
  }

  /**
   * Sends a call built with the current bearer header; on an expired token, renews it once (single
   * flight) and replays the call once.
   */
  Exchange send(Function<String, Call<ResponseBody>> request, CallContext context) {
    ensureOpen();
    ApiCaller caller = client.caller();
    return caller.withinBudget(
        () -> {
          Token used = currentToken();
          try {
            return caller.execute(request.apply(used.header), context, pacing);
          } catch (AuthenticationException e) {
            if (e.reason() != AuthenticationException.Reason.TOKEN_EXPIRED || closed) {
              throw e;
            }
            try {
              Token fresh = renew(used);
              return caller.execute(request.apply(fresh.header), context, pacing);
            } catch (CdapException replay) {
              throw ApiCaller.carryAmbiguity(replay, e);
            }
          }
        });
  }

  /**
   * The asynchronous form of {@link #send}: attempts run on OkHttp's dispatcher; a token renewal
   * (rare, shared by all callers) runs on the same pool.
   */
  java.util.concurrent.CompletableFuture<Exchange> sendAsync(
      Function<String, Call<ResponseBody>> request, CallContext context) {
    ensureOpen();
    ApiCaller caller = client.caller();
    java.util.concurrent.Executor blocking = client.blockingExecutor();
    Token t = token;
    java.util.concurrent.CompletableFuture<Token> ready =
        Instant.now().plus(client.tokenRefreshMargin()).isAfter(t.expiresAt)
            ? java.util.concurrent.CompletableFuture.supplyAsync(() -> renew(t), blocking)
            : java.util.concurrent.CompletableFuture.completedFuture(t);
    return ready.thenCompose(
        used ->
            caller
                .executeAsync(request.apply(used.header), context, pacing)
                .handle(
                    (exchange, error) -> {
                      Throwable cause =
                          error instanceof java.util.concurrent.CompletionException
                              ? error.getCause()
                              : error;
                      if (cause == null) {
                        return java.util.concurrent.CompletableFuture.completedFuture(exchange);
                      }
                      if (cause instanceof AuthenticationException
                          && ((AuthenticationException) cause).reason()
                              == AuthenticationException.Reason.TOKEN_EXPIRED
                          && !closed) {
                        CdapException first = (CdapException) cause;
                        return java.util.concurrent.CompletableFuture.supplyAsync(
                                () -> renew(used), blocking)
                            .thenCompose(
                                fresh ->
                                    caller.executeAsync(
                                        request.apply(fresh.header), context, pacing))
                            .exceptionallyCompose(
                                later -> {
                                  Throwable c =
                                      later instanceof java.util.concurrent.CompletionException
                                          ? later.getCause()
                                          : later;
                                  return java.util.concurrent.CompletableFuture.failedFuture(
                                      c instanceof CdapException
                                          ? ApiCaller.carryAmbiguity((CdapException) c, first)
                                          : c);
                                });
                      }
                      return java.util.concurrent.CompletableFuture.<Exchange>failedFuture(cause);
                    })
                .thenCompose(f -> f));
  }

  /** Runs a logical call whose exchanges share one time budget (see ApiCaller#withinBudget). */
  <T> T withinBudget(java.util.function.Supplier<T> call) {
    return client.caller().withinBudget(call);
  }

  /** The session's pacing, or null when not paced; for tests. */
  TokenBucket pacing() {
    return pacing;
  }

  private Token currentToken() {
    Token t = token;
    if (Instant.now().plus(client.tokenRefreshMargin()).isAfter(t.expiresAt)) {
      return renew(t);
    }
    return t;
  }

  /** Renews the token unless another thread already did since {@code stale} was read. */
  private Token renew(Token stale) {
    synchronized (authLock) {
      Token current = token;
      if (current != stale) {
        return current;
      }
      ensureOpen();
      TokenResponse response = requestToken(client, credentials);
      Token fresh = token(response, stale.generation + 1);
      token = fresh;
      LOG.debug(
          "cdap token renewed (generation {}, valid {} s)",
          fresh.generation,
          Duration.between(Instant.now(), fresh.expiresAt).toSeconds());
      return fresh;
    }
  }
}
