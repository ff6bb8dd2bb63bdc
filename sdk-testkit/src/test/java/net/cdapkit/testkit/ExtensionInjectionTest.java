package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The declarative extension: what a test method can declare, with the annotation's profile. */
@CdapSimulatorTest(profile = "T2", failOnUnmatchedRequests = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionInjectionTest {
  private static java.time.Instant firstStart;

  @Test
  @Order(1)
  void parameters_areReadyToUse(
      CdapSimulator sim,
      CdapClient client,
      CdapSession session,
      TestClock clock,
      Faults faults,
      Compliance compliance) {
    assertThat(session.profile()).isEqualTo("T2");
    assertThat(session.agent().id()).isEqualTo("demo-t2");
    assertThat(client.baseUrl().toString()).isEqualTo(sim.baseUrl());
    assertThat(sim.clock()).isSameAs(clock);
    assertThat(faults).isSameAs(sim.faults());
    assertThat(sim.authentications()).isEqualTo(1);
    session
        .selectCaf("751")
        .consultDossier("9900002", Finalite.of(FinaliteCode.INSTRUCTION_RSA, "test"))
        .rsa();
    compliance.assertNoPersonalData(session, client, sim);
    firstStart = clock.instant();
    clock.advance(java.time.Duration.ofHours(2));
    faults.always().inject(Fault.delay(java.time.Duration.ofMillis(1)));
  }

  @Test
  @Order(2)
  void eachTest_startsFromAResetSimulatorAndClock(CdapSimulator sim, TestClock clock) {
    assertThat(sim.authentications()).isZero();
    assertThat(sim.faults().rules()).isEmpty();
    assertThat(sim.consultations()).isEmpty();
    if (firstStart != null) {
      assertThat(clock.instant()).isEqualTo(firstStart);
    }
  }

  @Test
  @Order(3)
  void session_isClosedAfterTheTest(CdapSession session) {
    assertThat(session.isOpen()).isTrue();
    SessionHolder.last = session;
  }

  @Test
  @Order(4)
  void session_ofThePreviousTestWasLoggedOut() {
    if (SessionHolder.last != null) {
      assertThat(SessionHolder.last.isOpen()).isFalse();
    }
  }

  private static final class SessionHolder {
    static CdapSession last;
  }

  @Nested
  class WhenNested {
    @Test
    void nested_sharesTheOuterSimulatorAndProfile(CdapSession session) {
      assertThat(session.profile()).isEqualTo("T2");
    }
  }
}
