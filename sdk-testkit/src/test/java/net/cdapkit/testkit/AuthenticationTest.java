package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import net.cdapkit.capability.Profile;
import net.cdapkit.capability.Profiles;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.CafCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {
  private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
  private static final TestClock CLOCK = TestClock.at(START);
  private static CdapSimulator sim;
  private static SimClient client;

  @BeforeAll
  static void start() {
    sim =
        CdapSimulator.builder()
            .clock(CLOCK)
            .tokenLifetime(Duration.ofMinutes(10))
            .conformance(Conformance.RESPONSES)
            .build();
    sim.start();
    client = new SimClient(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.reset();
    CLOCK.set(START);
  }

  /** The requests here are malformed on purpose; the simulator's answers must still conform. */
  @AfterEach
  void answersConform() {
    sim.assertConformance();
  }

  private static SimClient.Resp authenticate(String body) {
    return client.post("auth/token").json(body).send();
  }

  @ParameterizedTest
  @ValueSource(strings = {"T1", "T2", "T3", "T4", "T5"})
  void authenticate_whenDemoAgent_returnsTokenAndSessionOfItsProfile(String code) {
    String login = "demo-" + code.toLowerCase();
    SimClient.Resp r = authenticate("{\"login\":\"" + login + "\",\"password\":\"demo-password\"}");

    Profile expected =
        Profiles.forCode(code, List.of(CafCode.of("751"), CafCode.of("131"), CafCode.of("691")))
            .orElseThrow();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThat(r.str("accessToken")).hasSizeGreaterThanOrEqualTo(32);
    assertThat(r.str("tokenType")).isEqualTo("Bearer");
    assertThat(r.at("expiresIn")).isEqualTo(600.0);
    assertThat(r.str("session.partenaire.id")).isEqualTo("PART-DEMO-001");
    assertThat(r.str("session.partenaire.nom")).isEqualTo("Partenaire de démonstration (fictif)");
    assertThat(r.str("session.agent.id")).isEqualTo(login);
    assertThat(r.str("session.agent.nom")).isEqualTo("Agent de démonstration " + code);
    assertThat(r.str("session.profil")).isEqualTo(code);
    assertThat(r.at("session.debitMaxParSeconde")).isEqualTo(20.0);
    assertThat(r.at("session.habilitations.cafs")).isEqualTo(List.of("131", "691", "751"));
    assertThat(r.at("session.habilitations.onglets"))
        .isEqualTo(expected.habilitations().tabs().stream().sorted().map(Tab::wireName).toList());
    assertThat(r.at("session.habilitations.actions"))
        .isEqualTo(expected.habilitations().actions().stream().sorted().map(Enum::name).toList());
    assertThat(r.at("session.habilitations.typesAttestation"))
        .isEqualTo(
            expected.habilitations().attestationTypes().stream().sorted().map(Enum::name).toList());
    assertThat(r.at("session.habilitations.finalites"))
        .isEqualTo(expected.habilitations().finalites().stream().map(f -> f.code()).toList());
    assertThat(r.at("session.habilitations.restrictions"))
        .isEqualTo(
            expected.habilitations().restrictions().stream().sorted().map(Enum::name).toList());
  }

  @Test
  void authenticate_whenTwoLogins_issuesDistinctTokensAndCountsThem() {
    String a = client.login("demo-t1");
    String b = client.login("demo-t1");

    assertThat(a).isNotEqualTo(b);
    assertThat(sim.authentications()).isEqualTo(2);
  }

  @Test
  void authenticate_whenWrongPassword_returns401With10001() {
    SimClient.Resp r = authenticate("{\"login\":\"demo-t1\",\"password\":\"wrong\"}");

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("10001");
    assertThat(r.str("errors.0.title")).isNotBlank();
    assertThat(r.str("errors.0.detail")).isNotBlank();
    assertThat(sim.authentications()).isZero();
  }

  @Test
  void authenticate_whenUnknownLogin_returns401With10001() {
    SimClient.Resp r = authenticate("{\"login\":\"inconnu\",\"password\":\"demo-password\"}");

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("10001");
  }

  @Test
  void authenticate_whenHabilitationSuspended_returns403With10002() {
    SimClient.Resp r = authenticate("{\"login\":\"demo-suspendu\",\"password\":\"demo-password\"}");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("10002");
  }

  @Test
  void authenticate_whenPasswordToRenew_returns403With10003() {
    SimClient.Resp r =
        authenticate("{\"login\":\"demo-renouvellement\",\"password\":\"demo-password\"}");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("10003");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{}",
        "{\"login\":\"demo-t1\"}",
        "{\"login\":1,\"password\":\"demo-password\"}",
        "{\"login\":\"\",\"password\":\"demo-password\"}",
        "{\"login\":\"demo-t1\",\"password\":\"demo-password\"} {}"
      })
  void authenticate_whenBodyMalformed_returns400With00400(String body) {
    SimClient.Resp r = authenticate(body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("00400");
  }

  @Test
  void bearer_whenMissing_returns401With10005() {
    SimClient.Resp r = client.get("aide/fiches").send();

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("10005");
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void bearer_whenUnknownToken_returns401With10005() {
    SimClient.Resp r = client.get("aide/fiches").bearer("not-a-token-of-this-simulator").send();

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("10005");
  }

  @Test
  void bearer_whenNotYetExpired_isAccepted() {
    String token = client.login("demo-t1");
    CLOCK.advance(Duration.ofMinutes(10).minusSeconds(1));

    assertThat(client.get("aide/fiches").bearer(token).send().status()).isEqualTo(200);
  }

  @Test
  void bearer_whenExpiredByTheClock_returns401With10004() {
    String token = client.login("demo-t1");
    CLOCK.advance(Duration.ofMinutes(10));

    SimClient.Resp r = client.get("aide/fiches").bearer(token).send();

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("10004");
  }

  @Test
  void logout_whenCalled_invalidatesTokenAndItsReferences() {
    String token = client.login("demo-t1");
    String ref = client.lookup(token, "751", "9900001", "ACCOMPAGNEMENT_SOCIAL");

    SimClient.Resp logout = client.req("DELETE", "sessions/courante").bearer(token).send();

    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.bytes()).isEmpty();
    assertThat(client.get("aide/fiches").bearer(token).send().errorCode()).isEqualTo("10005");
    String other = client.login("demo-t1");
    SimClient.Resp tab =
        client
            .get("dossiers/" + ref + "/synthese")
            .bearer(other)
            .finalite("ACCOMPAGNEMENT_SOCIAL")
            .send();
    assertThat(tab.status()).isEqualTo(404);
    assertThat(tab.errorCode()).isEqualTo("37004");
  }

  @Test
  void requestId_whenGiven_isEchoed() {
    SimClient.Resp r = client.get("aide/fiches").header("X-Request-Id", "req-42.a_b").send();

    assertThat(r.header("X-Request-Id")).isEqualTo("req-42.a_b");
  }

  @Test
  void requestId_whenAbsent_isMadeByTheServer() {
    SimClient.Resp r = client.post("auth/token").json("{}").send();

    assertThat(r.header("X-Request-Id")).matches("[A-Za-z0-9._-]{1,64}");
  }

  @Test
  void requestId_whenMalformed_returns400WithAFreshId() {
    SimClient.Resp r = client.get("aide/fiches").header("X-Request-Id", "bad id!").send();

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("00400");
    assertThat(r.header("X-Request-Id")).isNotEqualTo("bad id!").matches("[A-Za-z0-9._-]+");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET auth/token",
        "GET nowhere",
        "PUT dossiers/recherche",
        "GET /x",
        "GET /api/v1"
      })
  void anyOtherRoute_returns404With00404(String route) {
    String[] parts = route.split(" ");
    SimClient.Resp r = client.req(parts[0], parts[1]).send();

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("00404");
  }

  @Test
  void wireMockAdminApi_isRefused() {
    SimClient.Resp r = client.get("/__admin/mappings").send();

    assertThat(r.status()).isNotEqualTo(200);
  }

  @Test
  void fiches_whenAuthenticated_listsTheFichesPratiques() {
    String token = client.login("demo-t4");

    SimClient.Resp r = client.get("aide/fiches").bearer(token).send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.list("fiches")).hasSizeGreaterThanOrEqualTo(6);
    assertThat(r.list("fiches"))
        .allSatisfy(f -> assertThat(f).containsKeys("id", "titre", "categorie", "miseAJour"));
  }

  @Test
  void authenticate_whenManyConcurrentClients_issuesOneTokenEach() {
    List<CompletableFuture<SimClient.Resp>> calls =
        IntStream.range(0, 40)
            .mapToObj(
                i ->
                    client
                        .post("auth/token")
                        .json(
                            "{\"login\":\"demo-t"
                                + (1 + i % 5)
                                + "\",\"password\":\"demo-password\"}")
                        .sendAsync())
            .toList();

    List<SimClient.Resp> responses = calls.stream().map(CompletableFuture::join).toList();

    assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    assertThat(responses.stream().map(r -> r.str("accessToken")).distinct()).hasSize(40);
    assertThat(sim.authentications()).isEqualTo(40);
  }
}
