package net.cdapkit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Headers;
import okhttp3.HttpUrl;
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
}
