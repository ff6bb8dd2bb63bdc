package net.cdapkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.Dossier;
import net.cdapkit.RateLimit;
import net.cdapkit.RetryPolicy;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.Fault;
import net.cdapkit.testkit.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real calls against the simulator produce the meters, and none carries a value of the call. */
class MicrometerSimulatorIntegrationTest {
  private static final NumeroAllocataire DEMO = NumeroAllocataire.of("9900001");
  private static CdapSimulator simulator;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeAll
  static void startSimulator() {
    simulator = CdapSimulator.builder().build().start();
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
  }

  @BeforeEach
  void reset() {
    simulator.reset();
  }

  private CdapSession login(String agent) {
    return CdapClient.builder()
        .baseUrl(simulator.baseUrl())
        .credentials(CredentialsProvider.of(agent, CdapSimulator.DEMO_PASSWORD))
        .rateLimit(RateLimit.none())
        .retryPolicy(
            RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10)))
        .eventListener(MicrometerEventListener.create(registry))
        .build()
        .authenticate();
  }

  private Dossier consult(CdapSession session, FinaliteCode finalite) {
    return session.selectCaf("751").consultDossier(DEMO, Finalite.of(finalite, "Essai"));
  }

  private double calls(String operation, String outcome) {
    return registry
        .get(MicrometerEventListener.CALLS)
        .tags("operation", operation, "outcome", outcome)
        .timers()
        .stream()
        .mapToLong(t -> t.count())
        .sum();
  }

  @Test
  void calls_whenConsultingADossier_recordOneTimerPerCallAndAttempt() {
    try (CdapSession session = login("demo-t1")) {
      consult(session, FinaliteCode.ACCOMPAGNEMENT_SOCIAL).synthese();
    }

    assertThat(calls("authenticate", "success")).isEqualTo(1);
    assertThat(calls("dossier.lookup", "success")).isEqualTo(1);
    assertThat(calls("tab.synthese", "success")).isEqualTo(1);
    assertThat(
            registry
                .get(MicrometerEventListener.ATTEMPTS)
                .tags("operation", "tab.synthese", "status.class", "2xx")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(registry.get(MicrometerEventListener.IN_FLIGHT).gauge().value()).isZero();
  }

  @Test
  void retries_whenServerAnswers503Once_areCountedByReason() {
    simulator.faults().on(Operation.TAB_SYNTHESE).next(1).inject(Fault.http(503));
    try (CdapSession session = login("demo-t1")) {
      consult(session, FinaliteCode.ACCOMPAGNEMENT_SOCIAL).synthese();
    }

    assertThat(
            registry
                .get(MicrometerEventListener.RETRIES)
                .tags("operation", "tab.synthese", "reason", "server_error")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get(MicrometerEventListener.ATTEMPTS)
                .tags("operation", "tab.synthese", "status.class", "5xx")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(calls("tab.synthese", "success")).isEqualTo(1);
  }

  @Test
  void rateLimited_whenServerAnswers429Once_isCounted() {
    simulator.faults().on(Operation.TAB_SYNTHESE).next(1).inject(Fault.tooManyRequests(0));
    try (CdapSession session = login("demo-t1")) {
      consult(session, FinaliteCode.ACCOMPAGNEMENT_SOCIAL).synthese();
    }

    assertThat(registry.get(MicrometerEventListener.RATE_LIMITED).counter().count()).isEqualTo(1.0);
    assertThat(
            registry
                .get(MicrometerEventListener.RETRIES)
                .tags("reason", "rate_limited")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void denials_whenProfileLacksTheTab_areCountedByKind() {
    try (CdapSession session = login("demo-t5")) {
      Dossier dossier = consult(session, FinaliteCode.GESTION_LOCATIVE);
      assertThatThrownBy(dossier::rsa).isInstanceOf(CapabilityDeniedException.class);
    }

    assertThat(Meters.denials(registry, "tab.rsa", "capability")).isEqualTo(1.0);
    assertThat(calls("tab.rsa", "denied")).isEqualTo(1);
  }

  @Test
  void denials_whenCafOutsideTheSession_areCountedAsCafSelection() {
    try (CdapSession session = login("demo-t1")) {
      assertThatThrownBy(() -> session.selectCaf("974"))
          .isInstanceOf(CapabilityDeniedException.class);
    }

    assertThat(Meters.denials(registry, "caf.selection", "caf")).isEqualTo(1.0);
    assertThat(calls("caf.selection", "denied")).isEqualTo(1);
  }

  @Test
  void meters_afterRealCalls_carryNoNumeroLoginOrRequestId() {
    try (CdapSession session = login("demo-t1")) {
      Dossier dossier = consult(session, FinaliteCode.ACCOMPAGNEMENT_SOCIAL);
      dossier.synthese();
      dossier.logement();
      session.help();
    }

    assertThat(registry.getMeters()).isNotEmpty();
    for (Meter meter : registry.getMeters()) {
      assertThat(meter.getId().getName()).startsWith("cdap.client.");
      for (Tag tag : meter.getId().getTags()) {
        assertThat(tag.getValue())
            .doesNotContain("9900001")
            .doesNotContain("demo-t1")
            .doesNotContain("751")
            .doesNotContain("/")
            .hasSizeLessThan(40);
      }
    }
  }
}
