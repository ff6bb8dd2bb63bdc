package net.cdapkit.testkit.internal.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.function.Function;

/**
 * The HTTP server the simulator runs on: a WireMock server on 127.0.0.1 with one catch-all stub
 * whose answer the pipeline computes, WireMock's request journal off, its admin API refused and its
 * console output silenced. Starts and stops any number of times; thread-safe.
 */
public final class SimulatorServer {
  private final int requestedPort;
  private final Function<SimRequest, SimResponse> pipeline;
  private WireMockServer server; // guarded by this

  /**
   * A server not started yet.
   *
   * @param requestedPort the port to listen on, 0 for a free one
   * @param pipeline answers each request
   */
  public SimulatorServer(int requestedPort, Function<SimRequest, SimResponse> pipeline) {
    this.requestedPort = requestedPort;
    this.pipeline = pipeline;
  }

  /** Starts listening; does nothing if running. */
  public synchronized void start() {
    if (server == null) {
      WireMockServer s = new WireMockServer(options());
      s.start();
      s.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
      server = s;
    }
  }

  private WireMockConfiguration options() {
    return WireMockConfiguration.options()
        .port(requestedPort)
        .bindAddress("127.0.0.1")
        .extensions(new WireMockBridge(pipeline))
        .extensionScanningEnabled(false)
        .templatingEnabled(false)
        .notifier(new QuietNotifier())
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .gzipDisabled(true)
        .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
        .containerThreads(64)
        .jettyStopTimeout(500L)
        .adminAuthenticator(request -> false);
  }

  /** Stops listening; does nothing if not running. */
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /**
   * The port listened on.
   *
   * @throws IllegalStateException if the server is not started
   */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("The simulator is not started: call start() first");
    }
    return server.port();
  }

  /** {@code port=<port>} while running, else {@code stopped}: for {@code toString}. */
  public synchronized String status() {
    return server == null ? "stopped" : "port=" + server.port();
  }
}
