package net.cdapkit;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Habilitations;
import net.cdapkit.capability.Profile;
import net.cdapkit.capability.Profiles;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.internal.http.AgentHeader;
import net.cdapkit.internal.http.ApiCaller;
import net.cdapkit.internal.http.AttemptObserver;
import net.cdapkit.internal.http.CallContext;
import net.cdapkit.internal.http.CallTag;
import net.cdapkit.internal.http.CredentialsPayload;
import net.cdapkit.internal.http.Exchange;
import net.cdapkit.internal.http.Futures;
import net.cdapkit.internal.http.TokenBucket;
import net.cdapkit.internal.json.SessionPayload;
import net.cdapkit.internal.json.TokenResponse;
import net.cdapkit.internal.pipeline.CallEvents;
import net.cdapkit.model.Agent;
import net.cdapkit.model.AideEnLigne;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Partenaire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An authenticated agent: the partner, the agent, the profile and its habilitations (step 1 of the
 * guide), and the entry to every other step. Thread-safe: one session may serve several threads of
 * the same agent. Closing it logs out.
 *
 * <p>The token is renewed transparently: ahead of its expiry, and once on a 401 "expired" answer,
 * with one authentication shared by all threads waiting for it; each waits for it no longer than
 * its own call's time budget.
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
  private volatile SessionToken token;
  private CompletableFuture<SessionToken> renewing; // guarded by authLock
  private volatile boolean closed;

  CdapSession(CdapClient client, CredentialsProvider credentials, TokenResponse first) {
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
    this.agentHeader = AgentHeader.encode(agent.id());
    this.audit = client.audit(partenaire.id(), agent.id(), profile);
    this.pacing =
        client.rateLimit().resolve(declaredRate).map(r -> r.bucket(partenaire.id())).orElse(null);
    this.token = SessionToken.of(first, 0, client.tokenRefreshMargin());
    LOG.debug("cdap session opened for profile {}", profile);
  }

  /**
   * The partner organisation.
   *
   * @return the partner organisation the server named at authentication
   */
  public Partenaire partenaire() {
    return partenaire;
  }

  /**
   * The agent acting in this session.
   *
   * @return the authenticated agent
   */
  public Agent agent() {
    return agent;
  }

  /**
   * The session's profile: the code the server gave it at authentication, e.g. {@code T1}. This is
   * the one way to get it, and the value every denial, audit record and event carries; what the
   * profile allows is {@link #habilitations()}, as the server granted it. To show a profile's label
   * from this project's illustrative catalogue, look the code up there: {@code
   * Profiles.forCode(session.profile(), session.habilitations().cafs()).map(Profile::label)}.
   *
   * @return the profile code, as the server gave it (also when {@link Profiles} does not know it)
   */
  public String profile() {
    return profile;
  }

  /**
   * The session's effective habilitations, as returned by the server (authoritative).
   *
   * @return the habilitations granted by the server
   */
  public Habilitations habilitations() {
    return habilitations;
  }

  /**
   * This project's catalogue entry for the profile, when it models it (T1 to T5).
   *
   * @return the catalogue profile; empty for a profile code this version does not know
   * @deprecated a second way to get the session's profile, whose catalogue habilitations may differ
   *     from the ones the server granted: use {@link #profile()} for the profile, {@link
   *     #habilitations()} for what it allows, and {@code Profiles.forCode(session.profile(),
   *     session.habilitations().cafs())} for the catalogue entry (its label). Kept until the next
   *     major version.
   */
  @Deprecated(since = "0.3.0")
  public Optional<Profile> catalogueProfile() {
    return Profiles.forCode(profile, habilitations.cafs());
  }

  /**
   * The request rate the server declared for this session's token, per second.
   *
   * @return the declared rate; empty when the server declared none
   */
  public Optional<Integer> declaredRatePerSecond() {
    return declaredRate;
  }

  /**
   * When the current token expires; renewed transparently.
   *
   * @return the current token's expiry instant
   */
  public Instant tokenExpiresAt() {
    return token.expiresAt;
  }

  /**
   * Whether the session is open (not closed by {@link #close()}).
   *
   * @return true until {@link #close()} is called
   */
  public boolean isOpen() {
    return !closed;
  }

  /**
   * Whether the profile may read this tab.
   *
   * @param tab the tab to check
   * @return true when the session's habilitations allow reading it
   */
  public boolean canRead(Tab tab) {
    return habilitations.allowsTab(tab);
  }

  /**
   * Whether the profile may perform this action.
   *
   * @param action the action to check
   * @return true when the session's habilitations allow it
   */
  public boolean can(Action action) {
    return habilitations.allowsAction(action);
  }

  /**
   * Whether the profile may get this attestation type by this delivery.
   *
   * @param type the attestation type
   * @param delivery how it is delivered: as a PDF or by post
   * @return true when the session's habilitations allow that type by that delivery
   */
  public boolean canRequestAttestation(AttestationType type, Action delivery) {
    return (delivery == Action.ATTESTATION_PDF || delivery == Action.ATTESTATION_POSTALE)
        && habilitations.allowsAction(delivery)
        && habilitations.allowsAttestation(type);
  }

  /**
   * Selects the allocataire's CAF (step 3). A numéro allocataire is unique only within its CAF.
   *
   * @param caf the CAF's code
   * @return a context for the dossiers and dialogue of that CAF
   * @throws CapabilityDeniedException if the partner is not habilitated for this CAF
   */
  public CafContext selectCaf(CafCode caf) {
    ensureOpen();
    if (caf == null) {
      throw new InvalidInputException("CAF code is required");
    }
    if (!habilitations.allowsCaf(caf)) {
      // Refused outside any call: the pipeline reports it as a call of its own (audit record,
      // DenialKind.CAF event) and throws; an allowed CAF costs nothing more than the test above.
      client.pipeline().admit(CafContext.selection(this, caf));
    }
    return new CafContext(this, caf);
  }

  /**
   * Convenience for {@code selectCaf(CafCode.of(code))}.
   *
   * @param caf the CAF's code as text, e.g. {@code 751}
   * @return a context for the dossiers and dialogue of that CAF
   */
  public CafContext selectCaf(String caf) {
    return selectCaf(CafCode.of(caf));
  }

  /**
   * The online help: fiches pratiques (step 7).
   *
   * @return the online help, read on demand
   */
  public AideEnLigne help() {
    return help(RequestOptions.defaults());
  }

  /**
   * The online help with per-call options: a time budget ({@link RequestOptions#withBudget}) or a
   * per-attempt timeout, as for any read; an idempotency key has no use here.
   *
   * @param options the options of this read
   * @return the online help, read on demand
   * @throws net.cdapkit.error.TransportException if the budget ends before an answer
   */
  public AideEnLigne help(RequestOptions options) {
    return client.pipeline().call(helpOp(options));
  }

  /**
   * The asynchronous form of {@link #help()}.
   *
   * @return a future of the online help, failed with a {@link net.cdapkit.error.CdapException} when
   *     the read fails
   */
  public CompletableFuture<AideEnLigne> helpAsync() {
    return helpAsync(RequestOptions.defaults());
  }

  /**
   * The asynchronous form of {@link #help(RequestOptions)}.
   *
   * @param options the options of this read
   * @return a future of the online help, failed with a {@link net.cdapkit.error.CdapException} when
   *     the read fails or its budget ends
   */
  public CompletableFuture<AideEnLigne> helpAsync(RequestOptions options) {
    return client.pipeline().callAsync(helpOp(options));
  }

  private Op<AideEnLigne> helpOp(RequestOptions options) {
    return new Op<AideEnLigne>(CdapOperation.HELP, this)
        .options(options)
        .validate(
            () -> {
              if (options == null) {
                throw new InvalidInputException("Request options must not be null; use defaults()");
              }
            })
        .request((api, tag, ref) -> api.help(tag))
        .decode((exchange, g) -> ApiCaller.decode(exchange, AideEnLigne.class, "help"));
  }

  /** Logs out. Idempotent; a failure to reach the server does not throw. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      client
          .pipeline()
          .call(
              new Op<Exchange>(CdapOperation.LOGOUT, this)
                  .request((api, tag, ref) -> api.logout(tag))
                  .decode((exchange, g) -> exchange));
    } catch (RuntimeException e) {
      // The token expires on its own; a logout that did not reach the server is not an error
      // the caller can act on.
      LOG.debug("cdap logout not confirmed by the server: {}", e.getClass().getSimpleName());
    } finally {
      closed = true;
    }
  }

  @Override
  public String toString() {
    return "CdapSession{profile=" + profile + ", open=" + !closed + "}";
  }

  // ---- package-private plumbing used by the pipeline, CafContext and Dossier ----

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

  void ensureOpen() {
    if (closed) {
      throw new AuthenticationException(
          AuthenticationException.Reason.TOKEN_INVALID, "Session is closed", null, 0);
    }
  }

  void requireCaf(CafCode caf) {
    if (!habilitations.allowsCaf(caf)) {
      throw CapabilityDeniedException.beforeCall(profile, "CAF " + caf.value());
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

  long tokenGeneration() {
    return token.generation;
  }

  /** The session's pacing, or null when not paced. */
  TokenBucket pacing() {
    return pacing;
  }

  /** Stage "session token": the current token, renewed first when it is due. */
  CompletableFuture<SessionToken> token(CallEvents call, long deadline, Executor async) {
    SessionToken t = token;
    if (Instant.now().isBefore(t.refreshAt)) {
      return CompletableFuture.completedFuture(t);
    }
    return renew(t, call, deadline, async);
  }

  /**
   * Renews the token unless another call already did since {@code stale} was read. One
   * authentication runs at a time (single flight); every call, the one that started it included,
   * waits for it no longer than its own deadline, and its interrupt ends its own wait only.
   */
  CompletableFuture<SessionToken> renew(
      SessionToken stale, CallEvents call, long deadline, Executor async) {
    CompletableFuture<SessionToken> flight;
    boolean joined;
    synchronized (authLock) {
      SessionToken current = token;
      if (current != stale) {
        return CompletableFuture.completedFuture(current);
      }
      ensureOpen();
      joined = renewing != null;
      if (!joined) {
        renewing = new CompletableFuture<>();
      }
      flight = renewing;
    }
    long started = System.nanoTime();
    if (!joined) {
      // Every waiting call's renewal, so not this call's to end: it runs on OkHttp's threads, for
      // the longer of this call's budget and the client's; this call waits like any other.
      long renewalDeadline = Math.max(deadline, client.caller().deadline(null));
      authenticateAgain(stale, renewalDeadline, client.blockingExecutor(), flight);
    }
    CompletableFuture<SessionToken> mine = RenewalWait.bounded(flight, deadline, async, call);
    return mine.whenComplete(
        (fresh, error) -> call.tokenRenewal(System.nanoTime() - started, error == null, joined));
  }

  private void authenticateAgain(
      SessionToken stale, long deadline, Executor async, CompletableFuture<SessionToken> flight) {
    CompletableFuture<Exchange> sent;
    try {
      Credentials c = credentials.credentials();
      if (c == null) {
        throw new InvalidInputException("Credentials provider returned no credentials");
      }
      sent =
          client
              .caller()
              .exchange(
                  client
                      .api()
                      .authenticate(
                          new CallTag(null, null, null),
                          new CredentialsPayload(c.login(), c.password())),
                  new CallContext("authenticate", profile, "authentication", true, null),
                  null,
                  deadline,
                  async,
                  AttemptObserver.NONE);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.thenApply(
            exchange ->
                SessionToken.of(
                    SessionToken.tokenResponse(exchange),
                    stale.generation + 1,
                    client.tokenRefreshMargin()))
        .whenComplete(
            (fresh, error) -> {
              synchronized (authLock) {
                if (fresh != null) {
                  token = fresh;
                }
                renewing = null;
              }
              if (fresh != null) {
                LOG.debug("cdap token renewed (generation {})", fresh.generation);
                flight.complete(fresh);
              } else {
                flight.completeExceptionally(Futures.unwrap(error));
              }
            });
  }
}
