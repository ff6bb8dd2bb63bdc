package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.error.CdapException;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * What the extension checks after each test, seen from outside: fixture classes run by {@link
 * Meta}.
 */
class ExtensionChecksTest {
  private static final Finalite SOCIAL = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "test");

  private static Throwable failureOf(Map<String, Optional<Throwable>> results, String test) {
    return results.entrySet().stream()
        .filter(e -> e.getKey().startsWith(test + "("))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no test " + test + " in " + results.keySet()))
        .getValue()
        .orElse(null);
  }

  @Test
  void conformance_whenAStubHasAFieldOfTheWrongType_failsTheTestWithTheReport() {
    Map<String, Optional<Throwable>> results = Meta.run(WrongStub.class);

    assertThat(failureOf(results, "wrongStub"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("contract violation")
        .hasMessageContaining(
            "RESPONSE synthese 200 body $.nombreEnfants: expected integer but was string")
        .message()
        .doesNotContain("deux");
    assertThat(failureOf(results, "demoDossier")).isNull();
  }

  @Test
  void failOnUnmatchedRequests_whenOn_failsATestThatCallsAnUndefinedRoute() {
    assertThat(failureOf(Meta.run(Unmatched.class), "undefinedRoute"))
        .hasMessageContaining("route the contract does not define");
    assertThat(failureOf(Meta.run(UnmatchedAllowed.class), "undefinedRoute")).isNull();
  }

  @Test
  void compliance_whenALogCarriesPersonalData_failsTheTestWithoutQuotingIt() {
    Map<String, Optional<Throwable>> results = Meta.run(Logs.class);

    assertThat(failureOf(results, "leakyLog"))
        .hasMessageContaining("standard output and error carries a numéro allocataire, a name")
        .message()
        .doesNotContain("9900001")
        .doesNotContain("Camille");
    assertThat(failureOf(results, "cleanLog")).isNull();
  }

  @Test
  void compliance_whenAConsultationHasNoFinalite_failsTheTest() {
    assertThat(failureOf(Meta.run(NoFinalite.class), "lookupWithoutFinalite"))
        .hasMessageContaining("without an X-Cdap-Finalite header");
  }

  @Test
  void compliance_whenTheFailingExceptionCarriesPersonalData_saysSoInASuppressedError() {
    Throwable failure = failureOf(Meta.run(LeakyException.class), "leakyException");

    assertThat(failure).isInstanceOf(IllegalStateException.class);
    assertThat(failure.getSuppressed())
        .anySatisfy(
            s ->
                assertThat(s)
                    .hasMessageContaining("the message of IllegalStateException")
                    .hasMessageContaining("a numéro allocataire"));
  }

  // ---------------------------------------------------------------- fixtures

  @EnabledIfSystemProperty(named = Meta.PROPERTY, matches = "true")
  @CdapSimulatorTest
  static class WrongStub {
    @Test
    void wrongStub(CdapSimulator sim, CdapSession session) {
      sim.respond(
          Operation.TAB_SYNTHESE,
          200,
          "{\"perimetre\":\"COMPLET\",\"allocataire\":{\"nom\":\"SPECIMEN\",\"prenom\":\"Alix\"},\"caf\":\"751\","
              + "\"situationFamiliale\":\"CEL\",\"nombreEnfants\":\"deux\",\"prestations\":[]}");
      Dossier d = session.selectCaf("751").consultDossier("9900001", SOCIAL);
      try {
        d.synthese();
      } catch (CdapException expected) {
        // The SDK refuses the answer too; the extension says why.
      }
    }

    @Test
    void demoDossier(CdapSession session) {
      assertThat(session.selectCaf("751").consultDossier("9900001", SOCIAL).synthese()).isNotNull();
    }
  }

  @EnabledIfSystemProperty(named = Meta.PROPERTY, matches = "true")
  static class Unmatched {
    @RegisterExtension
    static final CdapSimulatorExtension SIM =
        CdapSimulatorExtension.builder().failOnUnmatchedRequests(true).build();

    @Test
    void undefinedRoute(CdapSimulator sim) throws IOException, InterruptedException {
      get(sim.baseUrl() + "dossiers");
    }
  }

  @EnabledIfSystemProperty(named = Meta.PROPERTY, matches = "true")
  @CdapSimulatorTest
  static class UnmatchedAllowed {
    @Test
    void undefinedRoute(CdapSimulator sim) throws IOException, InterruptedException {
      get(sim.baseUrl() + "dossiers");
    }
  }

  private static void get(String url) throws IOException, InterruptedException {
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.discarding());
  }

  @EnabledIfSystemProperty(named = Meta.PROPERTY, matches = "true")
  @CdapSimulatorTest
  static class Logs {
    @Test
    void leakyLog(CdapSession session) {
      var s = session.selectCaf("751").consultDossier("9900001", SOCIAL).synthese();
      LoggerFactory.getLogger("partner.app")
          .warn("Dossier {} : {} {}", "9900001", s.allocataire().prenom(), s.allocataire().nom());
    }

    @Test
    void cleanLog(CdapSession session) {
      session.selectCaf("751").consultDossier("9900001", SOCIAL).synthese();
      LoggerFactory.getLogger("partner.app").warn("Dossier consulté (valeurs masquées)");
    }
  }

  @EnabledIfSystemProperty(named = Meta.PROPERTY, matches = "true")
  @CdapSimulatorTest(conformance = Conformance.OFF)
  static class NoFinalite {
    @Test
    void lookupWithoutFinalite(CdapSimulator sim) {
      SimClient raw = new SimClient(sim);
      String token = raw.login("demo-t1");
      raw.post("dossiers/recherche")
          .bearer(token)
          .json("{\"caf\":\"751\",\"numeroAllocataire\":\"9900001\"}")
          .send();
    }
  }

  @EnabledIfSystemProperty(named = Meta.PROPERTY, matches = "true")
  @CdapSimulatorTest
  static class LeakyException {
    @Test
    void leakyException(CdapSession session) {
      session.selectCaf("751").consultDossier("9900001", SOCIAL);
      throw new IllegalStateException("Impossible de traiter le dossier 9900001");
    }
  }
}
