package net.cdapkit.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response as the handlers make it, independent of WireMock. */
record SimResponse(int status, Map<String, String> headers, byte[] body) {
  static final String JSON = "application/json";

  SimResponse {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  static SimResponse json(int status, Object tree) {
    return new SimResponse(status, Map.of("Content-Type", JSON), Json.write(tree));
  }

  static SimResponse noContent() {
    return new SimResponse(204, Map.of(), new byte[0]);
  }

  SimResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new SimResponse(status, h, body);
  }

  @Override
  public String toString() {
    return "SimResponse[" + status + ", " + body.length + " bytes]";
  }
}
