package net.cdapkit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class HttpTraceLogTest {
  @Test
  void headers_showOnlyAllowListedValues() {
    String shown =
        HttpTraceLog.headers(
            Headers.of(
                "Authorization", "Bearer tok-secret",
                "X-Cdap-Agent", "jeanne.exemple",
                "X-Cdap-Finalite", "ACCOMPAGNEMENT_SOCIAL",
                "X-Request-Id", "req-1",
                "Cookie", "s=1",
                "X-Unknown", "anything"));

    assertThat(shown)
        .contains("Authorization: [redacted]")
        .contains("X-Cdap-Agent: [redacted]")
        .contains("Cookie: [redacted]")
        .contains("X-Unknown: [redacted]")
        .contains("X-Cdap-Finalite: ACCOMPAGNEMENT_SOCIAL")
        .contains("X-Request-Id: req-1")
        .doesNotContain("tok-secret")
        .doesNotContain("jeanne");
  }

  @Test
  void path_masksTheDossierReferenceAndQueryValues() {
    HttpUrl url =
        HttpUrl.get(
            "http://127.0.0.1:1/api/v1/dossiers/dos_abcdefgh12345678/paiements?du=2026-01&page=2");
    assertThat(HttpTraceLog.path(url))
        .isEqualTo("/api/v1/dossiers/{reference}/paiements?du=…&page=…");
  }

  @Test
  void headers_whenAServerSendsTerminalEscapes_printsThemInert() throws Exception {
    String hostile = "\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202eevil\r\nX-Fake: 1";
    Headers received;
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread answer =
          new Thread(
              () -> {
                try (Socket s = server.accept()) {
                  InputStream in = s.getInputStream();
                  byte[] buf = new byte[4096];
                  in.read(buf); // the request: its content does not matter here
                  OutputStream out = s.getOutputStream();
                  out.write(
                      ("HTTP/1.1 200 OK\r\nX-Request-Id: req-\u001b[31mred\u001b[0m\u0007\r\n"
                              + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                          .getBytes(StandardCharsets.ISO_8859_1));
                  out.flush();
                } catch (Exception e) {
                  // the client's assertion reports what went wrong
                }
              });
      answer.start();
      OkHttpClient client = new OkHttpClient();
      try (Response r =
          client
              .newCall(
                  new Request.Builder()
                      .url("http://127.0.0.1:" + server.getLocalPort() + "/")
                      .build())
              .execute()) {
        received = r.headers();
      }
      answer.join(5_000);
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
    assertThat(received.get("X-Request-Id")).contains("\u001b"); // it does reach the client

    String shown =
        HttpTraceLog.headers(
            received.newBuilder().addUnsafeNonAscii("Retry-After", hostile).build());

    assertThat(shown)
        .contains("X-Request-Id: req-\\u001b[31mred\\u001b[0m\\u0007")
        .contains("\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m\\u202eevil\\u000d\\u000aX-Fake: 1");
    assertThat(shown.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x202e))
        .isEmpty();
  }
}
