package net.cdapkit.testkit.internal.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.cdapkit.testkit.internal.faults.NetworkFault;

/**
 * An HTTP response as the handlers make it, independent of WireMock.
 *
 * @param delayMillis how long to wait before answering
 * @param networkFault a broken answer instead of this one, or null
 */
public record SimResponse(
    int status,
    Map<String, String> headers,
    byte[] body,
    long delayMillis,
    NetworkFault networkFault) {
  public static final String JSON = "application/json";

  public SimResponse {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
    if (delayMillis < 0) {
      throw new IllegalArgumentException("delayMillis must not be negative");
    }
  }

  public SimResponse(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, 0, null);
  }

  public static SimResponse json(int status, Object tree) {
    return new SimResponse(status, Map.of("Content-Type", JSON), Json.write(tree));
  }

  /** A JSON body given as text, sent as it is. */
  public static SimResponse json(int status, String json) {
    return new SimResponse(
        status, Map.of("Content-Type", JSON), json.getBytes(StandardCharsets.UTF_8));
  }

  public static SimResponse noContent() {
    return new SimResponse(204, Map.of(), new byte[0]);
  }

  public SimResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new SimResponse(status, h, body, delayMillis, networkFault);
  }

  public SimResponse withBody(byte[] newBody) {
    return new SimResponse(status, headers, newBody, delayMillis, networkFault);
  }

  public SimResponse withDelay(long millis) {
    return new SimResponse(status, headers, body, delayMillis + millis, networkFault);
  }

  public SimResponse withNetworkFault(NetworkFault fault) {
    return new SimResponse(status, headers, body, delayMillis, fault);
  }

  /** The Content-Type header without parameters, lower case; empty when absent. */
  public String contentType() {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase("Content-Type")) {
        String v = e.getValue();
        int semi = v.indexOf(';');
        return (semi < 0 ? v : v.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return "";
  }

  @Override
  public String toString() {
    return "SimResponse["
        + status
        + ", "
        + body.length
        + " bytes"
        + (networkFault == null ? "" : ", " + networkFault)
        + "]";
  }
}
