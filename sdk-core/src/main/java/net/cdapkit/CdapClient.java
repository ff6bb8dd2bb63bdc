package net.cdapkit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import net.cdapkit.audit.AuditSink;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.audit.UsageGuard;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.event.CdapEventListener;
import net.cdapkit.internal.http.ApiCaller;
import net.cdapkit.internal.http.CdapApi;
import okhttp3.CertificatePinner;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The front door of the SDK: a client for the CDAP partner consultation contract. Immutable and
 * thread-safe; build one per server and share it (between threads and between agents).
 *
 * <pre>{@code
 * CdapClient client = CdapClient.builder()
 *     .baseUrl("https://cdap.example.org/api/v1/")
 *     .credentials(CredentialsProvider.fromEnvironment())
 *     .build();
 *
 * try (CdapSession session = client.authenticate()) {
 *   Dossier dossier = session.selectCaf(CafCode.of("751"))
 *       .consultDossier(NumeroAllocataire.of("9900001"),
 *           Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "Suivi FSL n° 2026-104"));
 *   Synthese synthese = dossier.synthese();
 *   for (Paiement p : dossier.paiements(Periode.from(YearMonth.of(2026, 1)))) {
 *     // newest first; pages are fetched as the loop goes
 *   }
 * }
 * }</pre>
 *
 * <p>Every operation is checked against the session's habilitations before a request is sent, and
 * leaves records in the configured {@linkplain Builder#auditSink audit sink}.
 */
public final class CdapClient {
  private final HttpUrl baseUrl;
  private final CallPipeline pipeline;
  private final CredentialsProvider credentials;
  private final OkHttpClient okHttpClient;
  private final CdapApi api;
  private final ApiCaller caller;
  private final ClientConfig config;

  private CdapClient(ClientConfig b, HttpUrl baseUrl) {
    this.config = b.copy();
    this.baseUrl = baseUrl;
    this.credentials = b.credentials;
    OkHttpClient base = b.okHttpClient != null ? b.okHttpClient : new OkHttpClient();
    // Variants made with newBuilder() derive from the same base, sharing its pools without
    // stacking the SDK's interceptors twice.
    this.config.okHttpClient = base;
    this.okHttpClient = config.sdkHttpClient(base);
    this.api = ClientConfig.api(baseUrl, okHttpClient);
    this.caller = config.caller(baseUrl);
    this.pipeline = new CallPipeline(this, config.eventListener);
  }

  /**
   * Starts configuring a client; {@link Builder#baseUrl(String)} and {@link Builder#credentials}
   * are required.
   *
   * @return a new builder with the defaults
   */
  public static Builder builder() {
    return new Builder(new ClientConfig());
  }

  /**
   * A builder holding this client's configuration, to derive a variant that shares its pools.
   *
   * @return a new builder; the client built from it shares this client's connection pool and
   *     dispatcher
   */
  public Builder newBuilder() {
    return new Builder(config.copy());
  }

  /**
   * Authenticates with the client's credentials provider.
   *
   * @return a new open session for the configured agent
   */
  public CdapSession authenticate() {
    if (credentials == null) {
      throw new InvalidInputException(
          "No credentials provider configured: call builder().credentials(…) or"
              + " authenticate(credentials)");
    }
    return authenticate(credentials);
  }

  /**
   * Authenticates one agent. A partner application serving several agents shares one client and
   * opens one session per agent with their own credentials.
   *
   * @param agentCredentials where this agent's login and password come from
   * @return a new open session for that agent
   * @throws net.cdapkit.error.AuthenticationException with a reason: bad credentials, suspended
   *     habilitation, or a password the CAF requires to be changed
   */
  public CdapSession authenticate(CredentialsProvider agentCredentials) {
    if (agentCredentials == null) {
      throw new InvalidInputException("Credentials provider is required");
    }
    return new CdapSession(
        this, agentCredentials, pipeline.call(SessionToken.authentication(agentCredentials)));
  }

  /**
   * The asynchronous form of {@link #authenticate(CredentialsProvider)}. The provider is asked for
   * the credentials on the calling thread.
   *
   * @param agentCredentials where this agent's login and password come from
   * @return a future of the new session, failed with {@link
   *     net.cdapkit.error.AuthenticationException} if the credentials are refused
   */
  public CompletableFuture<CdapSession> authenticateAsync(CredentialsProvider agentCredentials) {
    if (agentCredentials == null) {
      return CompletableFuture.failedFuture(
          new InvalidInputException("Credentials provider is required"));
    }
    return pipeline
        .callAsync(SessionToken.authentication(agentCredentials))
        .thenApply(first -> new CdapSession(this, agentCredentials, first));
  }

  /**
   * The server's base URL, normalised to end with {@code /}.
   *
   * @return the base URL, ending with {@code /}
   */
  public URI baseUrl() {
    return baseUrl.uri();
  }

  CallPipeline pipeline() {
    return pipeline;
  }

  CdapApi api() {
    return api;
  }

  ApiCaller caller() {
    return caller;
  }

  /**
   * Where the asynchronous API runs its rare blocking steps (a token renewal, a new dossier
   * lookup): OkHttp's own dispatcher pool, so the SDK starts no thread of its own.
   */
  java.util.concurrent.Executor blockingExecutor() {
    return okHttpClient.dispatcher().executorService();
  }

  Duration tokenRefreshMargin() {
    return config.tokenRefreshMargin;
  }

  OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  /** The audit trail of one session of this client. */
  Audit audit(String partner, String agent, String profile) {
    return config.audit(partner, agent, profile);
  }

  RateLimit rateLimit() {
    return config.rateLimit;
  }

  @Override
  public String toString() {
    return "CdapClient{baseUrl=" + baseUrl + "}";
  }

  /**
   * Configures a {@link CdapClient}. The defaults: connect 10 s, read 30 s, write 30 s, whole call
   * 60 s, {@link RetryPolicy#defaults()}, responses up to 16 MiB, requests paced at the rate the
   * server declares ({@link RateLimit#serverDeclared()}), no audit sink, audit fail-closed,
   * finalité details not journaled, {@link UsageGuard#defaults()}, the system UTC clock, no
   * certificate pins.
   */
  public static final class Builder {
    private final ClientConfig config;

    private Builder(ClientConfig config) {
      this.config = config;
    }

    /**
     * The server's base URL, ending in {@code /api/v1/} for this contract. HTTPS is required except
     * for a loopback address (a local simulator).
     *
     * @param baseUrl the URL as text, e.g. {@code https://cdap.example/api/v1/}
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      config.baseUrl = baseUrl;
      return this;
    }

    /**
     * The server's base URL; see {@link #baseUrl(String)}.
     *
     * @param baseUrl the URL, HTTPS unless loopback
     * @return this builder
     */
    public Builder baseUrl(URI baseUrl) {
      config.baseUrl = baseUrl == null ? null : baseUrl.toString();
      return this;
    }

    /**
     * Where the agent's credentials come from at each authentication.
     *
     * @param credentials asked at each authentication, so a rotated password is picked up
     * @return this builder
     */
    public Builder credentials(CredentialsProvider credentials) {
      config.credentials = credentials;
      return this;
    }

    /**
     * An OkHttp client of the caller's (proxy, TLS settings, pools, own interceptors). The SDK
     * derives its own from it with {@code newBuilder()}, adding its interceptors, so nothing of
     * either is lost.
     *
     * <p>What would change the SDK's retry semantics is set by the SDK, whatever the caller's
     * client says: the timeouts are this builder's (set them here, not on the OkHttp client), and
     * OkHttp's own resending is off (connection-failure retries, redirects, the 401 authenticator).
     * A caller's interceptor that calls {@code proceed} more than once resends on its own: don't,
     * or only for reads.
     *
     * @param okHttpClient the caller's client, left unchanged
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      config.okHttpClient = okHttpClient;
      return this;
    }

    /**
     * The time allowed to open a TCP and TLS connection.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      config.connectTimeout = ClientConfig.positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * The longest wait for the next bytes of a response.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      config.readTimeout = ClientConfig.positive(timeout, "readTimeout");
      return this;
    }

    /**
     * The longest wait for the server to accept the next bytes of a request.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      config.writeTimeout = ClientConfig.positive(timeout, "writeTimeout");
      return this;
    }

    /**
     * The time allowed for one attempt of a call, from start to the last byte; the retry policy's
     * budget bounds all attempts of a call together.
     *
     * @param timeout a positive duration for one attempt
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      config.callTimeout = ClientConfig.positive(timeout, "callTimeout");
      return this;
    }

    /**
     * How failed calls are retried: attempts, backoff and the budget of a whole call (default
     * {@link RetryPolicy#defaults()}).
     *
     * @param retryPolicy the policy; {@link RetryPolicy#none()} for a single attempt
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      if (retryPolicy == null) {
        throw new InvalidInputException("retryPolicy must not be null; use RetryPolicy.none()");
      }
      config.retryPolicy = retryPolicy;
      return this;
    }

    /**
     * The largest response body accepted: 16 MiB by default, at least 1,024 bytes.
     *
     * @param maxResponseBytes the limit in bytes; a larger body fails the call with a {@link
     *     net.cdapkit.error.ProtocolException}
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1024) {
        throw new InvalidInputException("maxResponseBytes must be at least 1024");
      }
      config.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * How fast each session may send requests; default {@link RateLimit#serverDeclared()}.
     *
     * @param rateLimit the pacing of each session's requests
     * @return this builder
     * @throws InvalidInputException if null; use {@link RateLimit#none()} to turn pacing off
     */
    public Builder rateLimit(RateLimit rateLimit) {
      if (rateLimit == null) {
        throw new InvalidInputException("rateLimit must not be null; use RateLimit.none()");
      }
      config.rateLimit = rateLimit;
      return this;
    }

    /**
     * How long before its expiry a token is renewed ahead of the next call (default 30 s).
     *
     * @param margin how early a token is renewed; not negative
     * @return this builder
     */
    public Builder tokenRefreshMargin(Duration margin) {
      if (margin == null || margin.isNegative()) {
        throw new InvalidInputException("tokenRefreshMargin must be zero or positive");
      }
      config.tokenRefreshMargin = margin;
      return this;
    }

    /**
     * Where every audit record goes: the partner's proof of who consulted which dossier, when and
     * why. <strong>The default keeps nothing</strong> ({@link AuditSink#none()}), so that a library
     * never writes files on its own; a production client must set one, typically a {@link
     * JsonLinesAuditJournal}. A client built without one for a non-loopback server logs a WARN line
     * saying so.
     *
     * @param sink where audit records are appended, e.g. a {@link
     *     net.cdapkit.audit.JsonLinesAuditJournal}
     * @return this builder
     */
    public Builder auditSink(AuditSink sink) {
      if (sink == null) {
        throw new InvalidInputException("auditSink must not be null; use AuditSink.none()");
      }
      config.auditSink = sink;
      return this;
    }

    /**
     * Whether a failure to write the audit journal stops the operation (default true): then no
     * request is sent unless its PENDING record was kept, and an answer whose outcome record was
     * not kept is withheld ({@link net.cdapkit.audit.AuditException}). With false, such failures
     * are logged at WARN and the operation goes on, untraced.
     *
     * @param failClosed true to stop operations the journal could not record; false to carry on
     * @return this builder
     */
    public Builder auditFailClosed(boolean failClosed) {
      config.auditFailClosed = failClosed;
      return this;
    }

    /**
     * Whether the finalité's free-text detail is copied into audit records (default false: only
     * whether one was given). The detail may describe the household, and the journal is kept for
     * years and shown to auditors; a partner whose details are case numbers may opt in.
     *
     * @param include true to copy the detail into records
     * @return this builder
     */
    public Builder auditFinaliteDetail(boolean include) {
      config.auditFinaliteDetail = include;
      return this;
    }

    /**
     * The atypical-use guard asked before each consultation (default {@link UsageGuard#defaults()}:
     * warn above 60 an hour or 250 a day per agent, and at night); {@link UsageGuard#off()} to
     * disable it.
     *
     * @param guard the guard shared by every session of this client
     * @return this builder
     */
    public Builder usageGuard(UsageGuard guard) {
      if (guard == null) {
        throw new InvalidInputException("usageGuard must not be null; use UsageGuard.off()");
      }
      config.usageGuard = guard;
      return this;
    }

    /**
     * The listener told of every call's start, attempts, retries, pacing waits, token renewals,
     * denials and end (default {@link CdapEventListener#none()}); combine several with {@link
     * CdapEventListener#composite}.
     *
     * @param listener told of events on the calling or dispatcher thread; must be quick and
     *     thread-safe
     * @return this builder
     */
    public Builder eventListener(CdapEventListener listener) {
      if (listener == null) {
        throw new InvalidInputException(
            "eventListener must not be null; use CdapEventListener.none()");
      }
      config.eventListener = listener;
      return this;
    }

    /**
     * The clock that dates audit records and drives the usage guard (default system UTC).
     *
     * @param clock the time source; a fixed clock in tests
     * @return this builder
     */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new InvalidInputException("clock must not be null");
      }
      config.clock = clock;
      return this;
    }

    /**
     * Pins the server's certificate chain for a host: a TLS connection succeeds only if a
     * certificate in the chain has one of these public-key hashes ({@code sha256/} + base64, as
     * OkHttp's {@link CertificatePinner} takes them). Add a backup pin, or a rotation of the
     * server's key locks the client out. Pins of a caller's own OkHttp client are kept.
     *
     * @param host the server's host name, as in the base URL
     * @param pins the accepted public-key hashes, at least one
     * @return this builder
     * @throws InvalidInputException unless the host is given and every pin is {@code sha256/<base64
     *     of 32 bytes>}
     */
    public Builder certificatePins(String host, String... pins) {
      config.addCertificatePins(host, pins);
      return this;
    }

    /**
     * Checks the configuration and builds the client.
     *
     * @return a new immutable, thread-safe client
     * @throws InvalidInputException naming the field: missing or malformed base URL, plain HTTP to
     *     a non-loopback host
     */
    public CdapClient build() {
      return new CdapClient(config, config.checkedBaseUrl());
    }
  }
}
