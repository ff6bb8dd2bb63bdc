package net.cdapkit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.cdapkit.audit.AuditSink;
import net.cdapkit.audit.UsageGuard;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.event.CdapEventListener;
import net.cdapkit.internal.http.ApiCaller;
import net.cdapkit.internal.http.CdapApi;
import net.cdapkit.internal.http.RetrySettings;
import net.cdapkit.internal.http.Transport;
import net.cdapkit.internal.json.CdapJson;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * A client's configuration and how it is checked and wired: what {@link CdapClient.Builder} sets
 * and {@link CdapClient} keeps. Every default is set here. Mutable while a builder holds it; a
 * client keeps its own copy and never changes it. The public surface, and its documentation, stay
 * in {@link CdapClient.Builder}.
 */
final class ClientConfig {
  private static final Logger LOG = LoggerFactory.getLogger(CdapClient.class);

  String baseUrl;
  CredentialsProvider credentials;
  OkHttpClient okHttpClient;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration readTimeout = Duration.ofSeconds(30);
  Duration writeTimeout = Duration.ofSeconds(30);
  Duration callTimeout = Duration.ofSeconds(60);
  RetryPolicy retryPolicy = RetryPolicy.defaults();
  long maxResponseBytes = 16L * 1024 * 1024;
  Duration tokenRefreshMargin = Duration.ofSeconds(30);
  AuditSink auditSink = AuditSink.none();
  boolean auditFailClosed = true;
  boolean auditFinaliteDetail = false;
  UsageGuard usageGuard = UsageGuard.defaults();
  Clock clock = Clock.systemUTC();
  List<String[]> certificatePins = new ArrayList<>();
  RateLimit rateLimit = RateLimit.serverDeclared();
  CdapEventListener eventListener = CdapEventListener.none();

  ClientConfig copy() {
    ClientConfig c = new ClientConfig();
    c.baseUrl = baseUrl;
    c.credentials = credentials;
    c.okHttpClient = okHttpClient;
    c.connectTimeout = connectTimeout;
    c.readTimeout = readTimeout;
    c.writeTimeout = writeTimeout;
    c.callTimeout = callTimeout;
    c.retryPolicy = retryPolicy;
    c.maxResponseBytes = maxResponseBytes;
    c.tokenRefreshMargin = tokenRefreshMargin;
    c.auditSink = auditSink;
    c.auditFailClosed = auditFailClosed;
    c.auditFinaliteDetail = auditFinaliteDetail;
    c.usageGuard = usageGuard;
    c.clock = clock;
    c.certificatePins = new ArrayList<>(certificatePins);
    c.rateLimit = rateLimit;
    c.eventListener = eventListener;
    return c;
  }

  static Duration positive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new InvalidInputException(name + " must be positive");
    }
    return d;
  }

  /** Checks and adds pins for {@code host}; nothing is added unless every pin is well-formed. */
  void addCertificatePins(String host, String... pins) {
    if (host == null || host.isBlank()) {
      throw new InvalidInputException("certificatePins needs a host name, e.g. cdap.example.org");
    }
    if (pins == null || pins.length == 0) {
      throw new InvalidInputException("certificatePins needs at least one pin");
    }
    for (String pin : pins) {
      if (pin == null || !pin.matches("sha256/[A-Za-z0-9+/]{43}=")) {
        throw new InvalidInputException(
            "A certificate pin is 'sha256/' followed by the base64 of 32 bytes");
      }
    }
    for (String pin : pins) {
      certificatePins.add(new String[] {host.strip(), pin});
    }
  }

  /**
   * The base URL, normalised to end with {@code /} and checked: present, http(s), https unless
   * loopback, without credentials. Warns once when a non-loopback client journals nothing.
   */
  HttpUrl checkedBaseUrl() {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new InvalidInputException("baseUrl is required, e.g. https://cdap.example.org/api/v1/");
    }
    String normalised = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    HttpUrl url = HttpUrl.parse(normalised);
    if (url == null) {
      throw new InvalidInputException("baseUrl must be an http(s) URL: " + baseUrl);
    }
    if (!url.isHttps() && !Transport.isLoopback(url.host())) {
      throw new InvalidInputException(
          "baseUrl must use https (plain http is accepted for loopback addresses only): "
              + url.scheme().toLowerCase(Locale.ROOT)
              + "://"
              + url.host());
    }
    if (url.username().length() > 0 || url.password().length() > 0) {
      throw new InvalidInputException(
          "baseUrl must not carry credentials; use credentials(CredentialsProvider)");
    }
    if (auditSink == AuditSink.none() && !Transport.isLoopback(url.host())) {
      LOG.warn(
          "cdap client built without an audit sink: consultations of {} will not be journaled"
              + " (set CdapClient.Builder.auditSink)",
          url.host());
    }
    return url;
  }

  /**
   * The SDK's OkHttp client, derived from {@code base} with {@code newBuilder()}: it shares the
   * caller's pools and keeps their interceptors, and ours are added on top so that a
   * caller-supplied client never silently loses the SDK's own behaviour.
   */
  OkHttpClient sdkHttpClient(OkHttpClient base) {
    return Transport.sdkClient(
        base,
        connectTimeout,
        readTimeout,
        writeTimeout,
        callTimeout,
        maxResponseBytes,
        certificatePins,
        "cdapkit-java/" + Version.VALUE);
  }

  static CdapApi api(HttpUrl baseUrl, OkHttpClient client) {
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(client)
        .addConverterFactory(MoshiConverterFactory.create(CdapJson.moshi()))
        .build()
        .create(CdapApi.class);
  }

  ApiCaller caller(HttpUrl baseUrl) {
    RetryPolicy r = retryPolicy;
    return new ApiCaller(
        new RetrySettings(r.maxAttempts(), r.initialBackoff(), r.maxBackoff(), r.budget()),
        maxResponseBytes,
        baseUrl.toString());
  }

  /** The audit trail of one session of a client with this configuration. */
  Audit audit(String partner, String agent, String profile) {
    return new Audit(
        auditSink,
        auditFailClosed,
        auditFinaliteDetail,
        usageGuard,
        clock,
        partner,
        agent,
        profile);
  }
}
