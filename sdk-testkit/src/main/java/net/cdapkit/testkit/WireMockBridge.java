package net.cdapkit.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The only WireMock-specific code: turns WireMock's request into a {@link SimRequest}, lets the
 * {@link SimulatorHandler} answer, and turns its {@link SimResponse} into a response definition.
 * Applied globally to the one catch-all stub.
 */
final class WireMockBridge implements ResponseDefinitionTransformerV2 {
  static final String NAME = "cdapkit-simulator";

  private final SimulatorHandler handler;

  WireMockBridge(SimulatorHandler handler) {
    this.handler = handler;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String url = request.getUrl();
    int q = url.indexOf('?');
    Map<String, String> headers = new HashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      headers.putIfAbsent(h.key(), h.firstValue());
    }
    SimRequest sim =
        new SimRequest(
            request.getMethod().getName(),
            q < 0 ? url : url.substring(0, q),
            q < 0 ? "" : url.substring(q + 1),
            headers,
            request.getBody());
    SimResponse response = handler.handle(sim);
    ResponseDefinitionBuilder builder =
        new ResponseDefinitionBuilder().withStatus(response.status());
    response.headers().forEach(builder::withHeader);
    if (response.body().length > 0) {
      builder.withBody(response.body());
    }
    return builder.build();
  }
}
