package net.cdapkit.testkit.internal.server;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the handlers see it, independent of WireMock.
 *
 * @param path the path without the query string, not decoded
 * @param rawQuery the query string without {@code ?}, or empty
 * @param headers header names are case-insensitive; first value only
 */
public record SimRequest(
    String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

  public SimRequest {
    TreeMap<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    ci.putAll(headers);
    headers = ci;
    body = body == null ? new byte[0] : body;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** Masks the body and headers: they may carry credentials or personal data. */
  @Override
  public String toString() {
    return "SimRequest[" + method + " " + path + "]";
  }
}
