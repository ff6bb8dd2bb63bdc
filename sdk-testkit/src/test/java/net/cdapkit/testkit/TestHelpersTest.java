package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import org.junit.jupiter.api.Test;

/**
 * The helpers a partner's tests use beside the client: proving that a block sent nothing, sessions
 * of several demo profiles in one class, and the trace context each request carried.
 */
@CdapSimulatorTest
class TestHelpersTest {
  private static final Finalite SOCIAL = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "test");

  @Test
  void assertNoRequests_whenTheSdkRefusesBeforeTheNetwork_passes(
      CdapSimulator sim, @DemoProfile("T5") CdapSession t5) {
    Dossier dossier =
        t5.selectCaf("751")
            .consultDossier("9900001", Finalite.of(FinaliteCode.GESTION_LOCATIVE, "test"));

    sim.assertNoRequests(
        () -> assertThatThrownBy(dossier::rsa).isInstanceOf(CapabilityDeniedException.class));
  }

  @Test
  void assertNoRequests_whenTheBlockSendsARequest_failsNamingTheOperationOnly(
      CdapSimulator sim, CdapSession session) {
    Dossier dossier = session.selectCaf("751").consultDossier("9900001", SOCIAL);

    assertThatThrownBy(() -> sim.assertNoRequests(dossier::synthese))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 request(s) reached the simulator")
        .hasMessageContaining("GET TAB_SYNTHESE")
        .message()
        .doesNotContain("9900001");
  }

  @Test
  void demoProfile_whenTwoProfilesInOneTest_injectsASessionOfEach(
      CdapSession t1, @DemoProfile("T5") CdapSession t5, @DemoProfile("t3") CdapClient t3) {
    assertThat(t1.profile()).isEqualTo("T1");
    assertThat(t5.profile()).isEqualTo("T5");
    assertThat(t1.canRead(Tab.RSA)).isTrue();
    assertThat(t5.canRead(Tab.RSA)).isFalse();
    try (CdapSession session = t3.authenticate()) {
      assertThat(session.profile()).isEqualTo("T3");
    }
  }

  @Test
  void traceparent_whenTheClientSendsOne_isRecordedOnTheRequest(CdapSimulator sim) {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    SimClient raw = new SimClient(sim);
    String token = raw.login("demo-t1");
    raw.get("aide/fiches").bearer(token).header("traceparent", traceparent).send();
    raw.get("aide/fiches").bearer(token).send();

    assertThat(sim.verify().requests(Operation.HELP))
        .extracting(ReceivedRequest::traceparent)
        .containsExactly(java.util.Optional.of(traceparent), java.util.Optional.empty());
    assertThat(sim.verify().requests(Operation.HELP).get(0).toString()).doesNotContain("4bf92f35");
  }
}
