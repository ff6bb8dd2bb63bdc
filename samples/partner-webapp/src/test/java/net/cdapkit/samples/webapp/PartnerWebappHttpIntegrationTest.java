package net.cdapkit.samples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.cdapkit.audit.AuditJournalVerifier;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the pages promise over HTTP, browser or not: security headers, no caching of dossier data,
 * CSRF tokens required, the numéro only in a POST body, and the dossier only in its agent's
 * session. Same context as the browser tests (Spring's test context cache shares it).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      EmbeddedSimulator.RECORD_REQUESTS + "=true",
      "cdap.audit.journal=target/test-audit/cdap-audit.jsonl",
      "cdap.audit.key-file=target/test-audit/audit.key"
    })
class PartnerWebappHttpIntegrationTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired CdapSimulator simulator;

  private HttpClient http;

  @BeforeEach
  void freshVisitor() {
    http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    simulator.reset();
  }

  @Test
  void dossierPage_whenServed_carriesNoStoreAndTheSecurityHeaders() throws Exception {
    String dossier = openDemoDossier("demo-t1", "ACCOMPAGNEMENT_SOCIAL");

    HttpResponse<String> page = get(dossier);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("9900001");
    assertThat(header(page, "Cache-Control")).contains("no-store");
    assertThat(header(page, "Content-Security-Policy"))
        .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
    assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(header(page, "X-Frame-Options")).isEqualTo("DENY");
    assertThat(header(page, "Referrer-Policy")).isEqualTo("no-referrer");
  }

  @Test
  void consult_postsTheNumeroInTheBody_andRedirectsToAnOpaqueHandle() throws Exception {
    String dossier = openDemoDossier("demo-t1", "ACCOMPAGNEMENT_SOCIAL");

    assertThat(dossier).matches("/dossiers/[A-Za-z0-9_-]{22}").doesNotContain("9900001");
    simulator.verify().assertNoSecretsInUrls();
  }

  @Test
  void post_withoutCsrfToken_isRefusedAndSendsNothing() throws Exception {
    String dossier = openDemoDossier("demo-t1", "ACCOMPAGNEMENT_SOCIAL");

    HttpResponse<String> refused =
        post(dossier + "/attestation/courrier", Map.of("type", "PAIEMENT"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(simulator.verify().count(Operation.ATTESTATION_POSTALE)).isZero();
  }

  @Test
  void postalAttestation_whenTheProfileLacksIt_isRefusedBeforeAnyRequest() throws Exception {
    String dossier = openDemoDossier("demo-t4", "TARIFICATION_QUOTIENT_FAMILIAL");

    HttpResponse<String> refused =
        post(
            dossier + "/attestation/courrier",
            withToken(dossier, Map.of("type", "QUOTIENT_FAMILIAL")));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Votre habilitation ne permet pas cette action.");
    assertThat(simulator.verify().count(Operation.ATTESTATION_POSTALE)).isZero();
  }

  @Test
  void dossierHandle_inAnotherAgentsSession_isUnknown() throws Exception {
    String dossier = openDemoDossier("demo-t1", "ACCOMPAGNEMENT_SOCIAL");
    freshVisitor();
    logIn("demo-t3");

    HttpResponse<String> other = get(dossier);

    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("9900001");
  }

  @Test
  void pages_withoutLogin_redirectToTheLoginPage() throws Exception {
    for (String path : new String[] {"/consulter", "/aide", "/dossiers/abc"}) {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(302);
      assertThat(header(page, "Location")).as(path).endsWith("/connexion");
    }
  }

  @Test
  void login_changesTheSessionId() throws Exception {
    get("/connexion");
    String before = sessionCookie();

    logIn("demo-t1");

    assertThat(sessionCookie()).isNotEqualTo(before);
  }

  @Test
  void consultation_isRecordedInTheStartersAuditJournal_withoutTheNumero() throws Exception {
    Path journal = Path.of("target/test-audit/cdap-audit.jsonl");
    long before = AuditJournalVerifier.verify(journal, auditKey()).records();

    get(openDemoDossier("demo-t1", "ACCOMPAGNEMENT_SOCIAL"));

    AuditJournalVerifier.Result after = AuditJournalVerifier.verify(journal, auditKey());
    assertThat(after.intact()).isTrue();
    assertThat(after.records()).isGreaterThan(before);
    assertThat(Files.readString(journal)).doesNotContain("9900001");
  }

  @Test
  void health_reportsTheCdapServerReachable() throws Exception {
    HttpResponse<String> health = get("/actuator/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"cdap\":{\"status\":\"UP\"}");
  }

  private static AuditKey auditKey() {
    return AuditKey.loadOrCreate(Path.of("target/test-audit/audit.key"));
  }

  private String openDemoDossier(String login, String finalite) throws Exception {
    logIn(login);
    HttpResponse<String> consulted =
        post(
            "/consulter",
            withToken(
                "/consulter", Map.of("caf", "751", "numero", "9900001", "finalite", finalite)));
    assertThat(consulted.statusCode()).isEqualTo(302);
    return URI.create(header(consulted, "Location")).getPath();
  }

  private void logIn(String login) throws Exception {
    HttpResponse<String> in =
        post(
            "/connexion",
            withToken("/connexion", Map.of("identifiant", login, "motDePasse", "demo-password")));
    assertThat(header(in, "Location")).endsWith("/consulter");
  }

  private Map<String, String> withToken(String formPage, Map<String, String> fields)
      throws Exception {
    Matcher token = CSRF.matcher(get(formPage).body());
    assertThat(token.find()).as("CSRF token in " + formPage).isTrue();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", token.group(1));
    return all;
  }

  private String sessionCookie() {
    return ((CookieManager) http.cookieHandler().orElseThrow())
        .getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("JSESSIONID"))
            .map(java.net.HttpCookie::getValue)
            .findFirst()
            .orElse("");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }
}
