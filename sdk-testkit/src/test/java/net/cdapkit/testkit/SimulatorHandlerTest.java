package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import net.cdapkit.testkit.internal.server.SimRequest;
import net.cdapkit.testkit.internal.server.SimResponse;
import net.cdapkit.testkit.internal.server.SimulatorHandler;
import net.cdapkit.testkit.internal.server.SimulatorState;
import org.junit.jupiter.api.Test;

/** The handler on its own, without WireMock or HTTP. */
class SimulatorHandlerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

  private final SimulatorState state = new SimulatorState();
  private final SimulatorHandler handler =
      new SimulatorHandler(state, Catalogue.standard(), CLOCK, Duration.ofMinutes(5));

  private static SimRequest request(
      String method, String path, String body, Map<String, String> headers) {
    return new SimRequest(
        method, path, "", headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private String token() {
    SimResponse r =
        handler.handle(
            request(
                "POST",
                "/api/v1/auth/token",
                "{\"login\":\"demo-t1\",\"password\":\"demo-password\"}",
                Map.of()));
    String json = new String(r.body(), StandardCharsets.UTF_8);
    return json.replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void handle_whenAuthenticated_answersJsonWithARequestId() {
    SimResponse r =
        handler.handle(
            request(
                "POST",
                "/api/v1/auth/token",
                "{\"login\":\"demo-t3\",\"password\":\"demo-password\"}",
                Map.of("x-request-id", "abc-1")));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers()).containsEntry("Content-Type", "application/json");
    assertThat(r.headers()).containsEntry("X-Request-Id", "abc-1");
    assertThat(state.authentications()).isEqualTo(1);
  }

  @Test
  void handle_whenTheHandlerFails_answers500With50000AndNoRequestData() {
    SimulatorHandler broken = new SimulatorHandler(state, null, CLOCK, Duration.ofMinutes(5));
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", "Bearer " + token());
    headers.put("X-Cdap-Finalite", "ACCOMPAGNEMENT_SOCIAL");

    SimResponse r =
        broken.handle(
            request(
                "POST",
                "/api/v1/dossiers/recherche",
                "{\"caf\":\"751\",\"numeroAllocataire\":\"9900001\"}",
                headers));

    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(r.status()).isEqualTo(500);
    assertThat(body).contains("\"code\":\"50000\"").doesNotContain("9900001");
    assertThat(r.headers()).containsKey("X-Request-Id");
  }

  @Test
  void handle_whenErrorDetailsAreWritten_theyNeverQuoteTheNumeroOrTheCredentials() {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", "Bearer " + token());
    headers.put("X-Cdap-Finalite", "ACCOMPAGNEMENT_SOCIAL");

    SimResponse unknown =
        handler.handle(
            request(
                "POST",
                "/api/v1/dossiers/recherche",
                "{\"caf\":\"751\",\"numeroAllocataire\":\"9911111\"}",
                headers));
    SimResponse badLogin =
        handler.handle(
            request(
                "POST",
                "/api/v1/auth/token",
                "{\"login\":\"demo-t1\",\"password\":\"s3cret-guess\"}",
                Map.of()));

    assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).doesNotContain("9911111");
    assertThat(new String(badLogin.body(), StandardCharsets.UTF_8))
        .doesNotContain("s3cret-guess")
        .doesNotContain("demo-t1");
  }

  @Test
  void simRequestAndSession_toStringHideSecrets() {
    SimRequest r =
        request(
            "POST",
            "/api/v1/auth/token",
            "{\"password\":\"demo-password\"}",
            Map.of("Authorization", "Bearer abc"));
    String token = token();

    assertThat(r.toString()).doesNotContain("demo-password").doesNotContain("abc");
    assertThat(state.session(token).orElseThrow().toString()).doesNotContain(token);
  }
}
