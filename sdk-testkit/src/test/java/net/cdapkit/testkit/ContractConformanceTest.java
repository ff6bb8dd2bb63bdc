package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.DialogueMessage;
import net.cdapkit.Dossier;
import net.cdapkit.RateLimit;
import net.cdapkit.RetryPolicy;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CdapException;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.testkit.internal.contract.ContractYaml;
import net.cdapkit.testkit.internal.contract.OpenApiContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every request and answer checked against openapi.yaml; a wrong stub is caught. */
class ContractConformanceTest {
  private static CdapSimulator sim;

  @BeforeAll
  static void start() {
    sim = CdapSimulator.builder().conformance(Conformance.REQUESTS_AND_RESPONSES).build().start();
  }

  @AfterAll
  static void stop() {
    sim.stop();
  }

  @BeforeEach
  void reset() {
    sim.reset();
  }

  private static CdapClient client(String login) {
    return CdapClient.builder()
        .baseUrl(sim.baseUrl())
        .credentials(CredentialsProvider.of(login, "demo-password"))
        .retryPolicy(RetryPolicy.of(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5)))
        // Hundreds of requests per session: unpaced, or the simulator's declared 20/s sets the
        // pace.
        .rateLimit(RateLimit.none())
        .build();
  }

  @Test
  void contract_loadsEveryOperationFromTheClasspath() {
    OpenApiContract contract = OpenApiContract.load();

    assertThat(contract.toString()).contains(Operation.values().length + " operations");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo-t1", "demo-t2", "demo-t3", "demo-t4", "demo-t5"})
  void everyOperation_forEveryProfile_conformsBothWays(String login) {
    try (CdapSession session = client(login).authenticate()) {
      FinaliteCode finalite = session.habilitations().finalites().iterator().next();
      for (SyntheticDossier sd : Catalogue.standard().dossiers()) {
        if (!session.habilitations().allowsCaf(sd.caf())) {
          continue;
        }
        Dossier d =
            session
                .selectCaf(sd.caf())
                .consultDossier(sd.numeroAllocataire(), Finalite.of(finalite, "conformité"));
        for (Tab tab : Tab.values()) {
          if (session.canRead(tab)) {
            read(d, tab);
          }
        }
        for (AttestationType type : AttestationType.values()) {
          if (session.canRequestAttestation(type, Action.ATTESTATION_PDF)) {
            d.requestAttestation(type);
          }
        }
      }
      Dossier demo =
          session.selectCaf("751").consultDossier("9900001", Finalite.of(finalite, "conformité"));
      if (session.canRequestAttestation(AttestationType.PAIEMENT, Action.ATTESTATION_POSTALE)) {
        demo.requestAttestationByPost(AttestationType.PAIEMENT);
      }
      if (session.can(Action.DIALOGUE)) {
        session
            .selectCaf("751")
            .sendDialogue(
                DialogueMessage.builder().objet("Objet").message("Texte").dossier(demo).build());
        session
            .selectCaf("751")
            .sendDialogue(DialogueMessage.builder().objet("Objet").message("Texte").build());
      }
      session.help();
    }

    sim.assertConformance();
    assertThat(sim.verify().requests().size()).isGreaterThan(20);
  }

  private static void read(Dossier d, Tab tab) {
    switch (tab) {
      case SYNTHESE -> d.synthese();
      case RESUME -> d.resume();
      case PAIEMENTS -> d.paiements().toList();
      case DROITS -> d.droits();
      case FAMILLE -> d.compositionFamille();
      case RESSOURCES -> d.ressources();
      case RSA -> d.rsa();
      case COURRIERS -> d.courriers().toList();
      case LOGEMENT -> d.logement();
      case CREANCES -> d.creances();
    }
  }

  @Test
  void errorAnswers_andFaultStatuses_conform() {
    sim.faults().on(Operation.TAB_RSA).next(1).inject(Fault.http(502));
    sim.faults().on(Operation.HELP).next(1).inject(Fault.tooManyRequests(0));
    try (CdapSession session = client("demo-t1").authenticate()) {
      assertThatThrownBy(
              () ->
                  session
                      .selectCaf("751")
                      .consultDossier(
                          "9999998", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "absent")))
          .isInstanceOf(CdapException.class);
      Dossier d =
          session
              .selectCaf("751")
              .consultDossier("9900001", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "x"));
      d.rsa();
      session.help();
    }
    assertThatThrownBy(() -> client("demo-t1").authenticate(CredentialsProvider.of("demo-t1", "x")))
        .isInstanceOf(CdapException.class);

    sim.assertConformance();
    assertThat(sim.faults().injected()).isEqualTo(2);
  }

  @Test
  void respond_whenAFieldHasTheWrongType_isCaughtWithAReadableReport() {
    sim.respond(
        Operation.TAB_SYNTHESE,
        200,
        "{\"perimetre\":\"COMPLET\",\"allocataire\":{\"nom\":\"SPECIMEN\",\"prenom\":\"Alix\"},\"caf\":\"751\","
            + "\"situationFamiliale\":\"CEL\",\"nombreEnfants\":\"deux\",\"prestations\":[]}");
    SimClient raw = new SimClient(sim);
    String token = raw.login("demo-t1");
    String ref = raw.lookup(token, "751", "9900001", "ACCOMPAGNEMENT_SOCIAL");

    raw.get("dossiers/" + ref + "/synthese").bearer(token).finalite("ACCOMPAGNEMENT_SOCIAL").send();

    assertThat(sim.contractViolations())
        .containsExactly(
            new ContractViolation(
                Operation.TAB_SYNTHESE,
                ContractViolation.Direction.RESPONSE,
                200,
                "body $.nombreEnfants",
                "expected integer but was string"));
    assertThatThrownBy(sim::assertConformance)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 contract violation(s)")
        .hasMessageContaining("RESPONSE synthese 200 body $.nombreEnfants: expected integer")
        .message()
        .doesNotContain("deux")
        .doesNotContain("SPECIMEN");
  }

  @Test
  void respond_whenWellFormed_isServedAndConforms() {
    sim.respond(
        Operation.HELP,
        200,
        "{\"fiches\":[{\"id\":\"F1\",\"titre\":\"Titre\",\"categorie\":\"Aide\"}]}");

    try (CdapSession session = client("demo-t1").authenticate()) {
      assertThat(session.help().fiches()).hasSize(1);
    }
    sim.assertConformance();
  }

  @Test
  void respond_whenRequiredFieldMissingOrBadPatternOrEnum_reportsEachRule() {
    sim.respond(
        Operation.TAB_DROITS,
        200,
        "{\"perimetre\":\"TOUT\",\"droits\":[{\"prestation\":\"AF\",\"etat\":\"OUVERT\","
            + "\"debut\":\"2026-13-01\",\"montantMensuel\":\"12,50\"}]}");
    SimClient raw = new SimClient(sim);
    String token = raw.login("demo-t1");
    String ref = raw.lookup(token, "751", "9900001", "ACCOMPAGNEMENT_SOCIAL");

    raw.get("dossiers/" + ref + "/droits").bearer(token).finalite("ACCOMPAGNEMENT_SOCIAL").send();

    assertThat(sim.contractViolations())
        .extracting(v -> v.location() + ": " + v.rule())
        .containsExactlyInAnyOrder(
            "body $.perimetre: not one of [COMPLET, AIDES_LOGEMENT, SANS_NIR, QUOTIENT_FAMILIAL_ET_N2]",
            "body $.droits[0].debut: not a valid date",
            "body $.droits[0].montantMensuel: does not match the pattern ^-?[0-9]{1,9}\\.[0-9]{2}$");
  }

  @Test
  void request_withoutFinaliteOrToken_isARequestViolation() {
    SimClient raw = new SimClient(sim);
    String token = raw.login("demo-t1");

    raw.post("dossiers/recherche")
        .bearer(token)
        .json("{\"caf\":\"751\",\"numeroAllocataire\":\"9900001\"}")
        .send();
    raw.get("aide/fiches").send();
    raw.get("dossiers/dos_abcdefgh12/paiements?taille=500")
        .bearer(token)
        .finalite("ACCOMPAGNEMENT_SOCIAL")
        .send();

    List<String> requestViolations =
        sim.contractViolations().stream()
            .filter(v -> v.direction() == ContractViolation.Direction.REQUEST)
            .map(ContractViolation::toString)
            .toList();
    assertThat(requestViolations)
        .containsExactly(
            "REQUEST lookupDossier header X-Cdap-Finalite: required",
            "REQUEST help header Authorization: a bearer token is required",
            "REQUEST paiements query taille: above the maximum 100");
    sim.contractViolations().stream()
        .filter(v -> v.direction() == ContractViolation.Direction.RESPONSE)
        .forEach(v -> assertThat(v).as("the simulator's own answers conform").isNull());
  }

  @Test
  void rewritingFaults_areNotReportedAsTheSimulatorsViolations() {
    sim.faults().on(Operation.AUTHENTICATE).inject(Fault.unknownEnumValues());

    new SimClient(sim).login("demo-t1");

    assertThat(sim.contractViolations()).isEmpty();
  }

  @Test
  void contractYamlParse_givesTheShapesTheChecksExpect() {
    Object doc =
        ContractYaml.parse(
            "responses:\n"
                + "  '200': { description: ok }\n"
                + "  404: { description: absent }\n"
                + "minimum: 1\n"
                + "ratio: 0.5\n"
                + "nullable: true\n"
                + "f: t\n"
                + "j: null # a comment\n");

    assertThat(doc)
        .isEqualTo(
            mapOf(
                "responses",
                mapOf("200", Map.of("description", "ok"), "404", Map.of("description", "absent")),
                "minimum",
                1L,
                "ratio",
                new java.math.BigDecimal("0.5"),
                "nullable",
                true,
                "f",
                "t",
                "j",
                null));
  }

  private static Map<String, Object> mapOf(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void contractYamlParse_whenMalformedOrDuplicated_failsWithTheLine() {
    assertThatThrownBy(() -> ContractYaml.parse("a: 1\n  b: 2\n")).hasMessageContaining("line 2");
    assertThatThrownBy(() -> ContractYaml.parse("a: 1\na: 2\n")).hasMessageContaining("line 2");
  }
}
