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
 * logged. A value shown is printed with its control characters (ESC, CR, LF, C1, bidirectional
 * overrides) as {@code \}{@code uXXXX} escapes: a server cannot forge log lines or send terminal
 * escape sequences to whoever reads the log. Not API.
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
        b.append(i == 0 ? "" : "&").append(printable(url.queryParameterName(i))).append("=…");
      }
    }
    return b.toString();
  }

  static String headers(Headers headers) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      b.append(i == 0 ? "" : ", ").append(printable(name)).append(": ");
      b.append(
          SHOWN.contains(name.toLowerCase(Locale.ROOT))
              ? printable(headers.value(i))
              : "[redacted]");
    }
    return b.append(']').toString();
  }

  /** The text with control characters as {@code \}{@code uXXXX}: inert in a log or a terminal. */
  static String printable(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control =
          c < 0x20
              || (c >= 0x7f && c <= 0x9f)
              || c == 0x200e
              || c == 0x200f
              || (c >= 0x2028 && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069);
      if (control && b == null) {
        b = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (b != null) {
        if (control) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? text : b.toString();
  }
}
