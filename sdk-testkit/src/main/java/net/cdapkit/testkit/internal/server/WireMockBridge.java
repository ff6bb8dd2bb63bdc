package net.cdapkit.testkit.internal.server;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import net.cdapkit.testkit.internal.faults.NetworkFault;

/**
 * The only WireMock-specific code besides the server's configuration: turns WireMock's request into
 * a {@link SimRequest}, lets the simulator's pipeline answer, and turns its {@link SimResponse}
 * into a response definition, with WireMock's own faults and delays. Applied globally to the one
 * catch-all stub.
 */
final class WireMockBridge implements ResponseDefinitionTransformerV2 {
  static final String NAME = "cdapkit-simulator";

  private final Function<SimRequest, SimResponse> pipeline;

  WireMockBridge(Function<SimRequest, SimResponse> pipeline) {
    this.pipeline = pipeline;
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
    SimResponse response = pipeline.apply(sim);
    ResponseDefinitionBuilder builder =
        new ResponseDefinitionBuilder().withStatus(response.status());
    if (response.networkFault() != null) {
      builder.withFault(fault(response.networkFault()));
    } else {
      response.headers().forEach(builder::withHeader);
      if (response.body().length > 0) {
        builder.withBody(response.body());
      }
    }
    if (response.delayMillis() > 0) {
      builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, response.delayMillis()));
    }
    return builder.build();
  }

  private static Fault fault(NetworkFault f) {
    return switch (f) {
      case CONNECTION_RESET -> Fault.CONNECTION_RESET_BY_PEER;
      case EMPTY_RESPONSE -> Fault.EMPTY_RESPONSE;
      case MALFORMED_CHUNK -> Fault.MALFORMED_RESPONSE_CHUNK;
      case RANDOM_DATA_THEN_CLOSE -> Fault.RANDOM_DATA_THEN_CLOSE;
    };
  }
}
