package net.cdapkit.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import okhttp3.Authenticator;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;

/** How the client derives its OkHttp client from a caller's. Not API. */
public final class Transport {
  private Transport() {}

  /**
   * {@code base.newBuilder()}, handing on the TLS set-up {@code base} already made. A client built
   * with OkHttp's defaults keeps no explicit socket factory in its builder, so building from it
   * again would load the platform's trust store and make a new {@code SSLContext} a second time:
   * about a fifth of a fresh JVM's time to its first result.
   */
  public static OkHttpClient.Builder sameTls(OkHttpClient base) {
    OkHttpClient.Builder builder = base.newBuilder();
    X509TrustManager trustManager = base.x509TrustManager();
    if (trustManager != null) {
      builder.sslSocketFactory(base.sslSocketFactory(), trustManager);
    }
    return builder;
  }

  /** The caller's pins, if any, and the builder's. */
  public static CertificatePinner pinner(CertificatePinner base, List<String[]> pins) {
    if (pins.isEmpty()) {
      return base;
    }
    CertificatePinner.Builder merged = new CertificatePinner.Builder();
    for (CertificatePinner.Pin pin : base.getPins()) {
      merged.add(pin.getPattern(), pin.toString());
    }
    for (String[] pin : pins) {
      merged.add(pin[0], pin[1]);
    }
    return merged.build();
  }

  /**
   * The SDK's client, derived from {@code base}: the builder's timeouts, no cache, no resending of
   * OkHttp's own, the SDK's interceptors on top of the caller's.
   */
  public static OkHttpClient sdkClient(
      OkHttpClient base,
      Duration connect,
      Duration read,
      Duration write,
      Duration call,
      long maxResponseBytes,
      List<String[]> pins,
      String userAgent) {
    return sameTls(base)
        .connectTimeout(connect)
        .readTimeout(read)
        .writeTimeout(write)
        .callTimeout(call)
        .cache(null)
        // Retries are the SDK's own: counted, budgeted, and only for safe calls. Whatever the
        // caller's client says, OkHttp must not resend on its own: no connection-failure
        // retry, no redirect (a POST followed elsewhere), no 401 authenticator (renewal is
        // the session's, single flight), no follow-up of a 503 "Retry-After: 0".
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .authenticator(Authenticator.NONE)
        .addInterceptor(new SdkInterceptor(userAgent))
        // Network level, so that it sees the headers as sent; TRACE only, values allow-listed.
        .addNetworkInterceptor(new HttpTraceLog())
        .certificatePinner(pinner(base.certificatePinner(), pins))
        .addInterceptor(new ResponseSizeLimit(maxResponseBytes))
        .addNetworkInterceptor(new NoHiddenRetry())
        .build();
  }

  /** Whether {@code host} is a loopback address; a name is never resolved. */
  public static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses are checked: a name is never resolved here.
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
