package net.cdapkit.internal.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At TRACE level only, logs each request and response as sent on the network: method, path with the
 * dossier reference masked, query parameter names, and headers — with values only for an allow-list
 * of headers that carry neither a secret nor personal data. {@code Authorization}, {@code
 * X-Cdap-Agent}, cookies and any header not listed print as {@code [redacted]}; bodies are never
 * logged. Not API.
 */
public final class HttpTraceLog implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("net.cdapkit.http");

  /** Headers whose values are neither secret nor personal (lower case). */
  private static final Set<String> SHOWN =
      Set.of(
          "x-request-id",
          "x-cdap-finalite",
          "idempotency-key",
          "user-agent",
          "content-type",
          "content-length",
          "accept-encoding",
          "content-encoding",
          "retry-after",
          "connection",
          "host",
          "date");

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (!LOG.isTraceEnabled()) {
      return chain.proceed(chain.request());
    }
    Request request = chain.request();
    LOG.trace(
        "cdap http --> {} {} {}",
        request.method(),
        path(request.url()),
        headers(request.headers()));
    Response response = chain.proceed(request);
    LOG.trace(
        "cdap http <-- {} {} {}",
        response.code(),
        path(request.url()),
        headers(response.headers()));
    return response;
  }

  /** The path with every dossier reference masked, and the query's parameter names only. */
  static String path(HttpUrl url) {
    StringBuilder b = new StringBuilder();
    for (String segment : url.encodedPathSegments()) {
      b.append('/').append(segment.startsWith("dos_") ? "{reference}" : segment);
    }
    if (url.querySize() > 0) {
      b.append('?');
      for (int i = 0; i < url.querySize(); i++) {
        b.append(i == 0 ? "" : "&").append(url.queryParameterName(i)).append("=…");
      }
    }
    return b.toString();
  }

  static String headers(Headers headers) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      b.append(i == 0 ? "" : ", ").append(name).append(": ");
      b.append(SHOWN.contains(name.toLowerCase(Locale.ROOT)) ? headers.value(i) : "[redacted]");
    }
    return b.append(']').toString();
  }
}
