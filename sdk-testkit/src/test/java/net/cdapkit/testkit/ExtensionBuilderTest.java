package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.InformationsLogement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The programmatic extension: profile, token lifetime and clock of the test's choosing. */
class ExtensionBuilderTest {
  private static final TestClock CLOCK = TestClock.at(Instant.parse("2026-10-01T08:00:00Z"));

  @RegisterExtension
  static final CdapSimulatorExtension SIM =
      CdapSimulatorExtension.builder()
          .profile("t5")
          .failOnUnmatchedRequests(true)
          .tokenLifetime(Duration.ofMinutes(5))
          .clock(CLOCK)
          .faultSeed(11L)
          .build();

  @Test
  void clock_whenAdvancedPastTheTokenLifetime_expiresTheSessionAndTheClientRenewsIt(
      CdapSession session, CdapSimulator sim, TestClock clock) {
    Dossier d =
        session
            .selectCaf("751")
            .consultDossier("9900003", Finalite.of(FinaliteCode.GESTION_LOCATIVE, "bail 42"));

    clock.advance(Duration.ofMinutes(6));
    InformationsLogement logement = d.logement();

    assertThat(logement.logement()).isPresent();
    assertThat(sim.authentications()).isEqualTo(2);
    assertThat(sim.verify().requests(Operation.TAB_LOGEMENT))
        .extracting(ReceivedRequest::status)
        .containsExactly(401, 200);
    assertThat(clock).isSameAs(CLOCK);
    assertThat(sim.faults().seed()).isEqualTo(11L);
  }

  @Test
  void profile_isTheDemoAgentOfT5(CdapSession session) {
    assertThat(session.profile()).isEqualTo("T5");
  }

  @Test
  void builder_whenInvalid_failsNamingTheField() {
    assertThatThrownBy(() -> CdapSimulatorExtension.builder().profile("T9"))
        .hasMessageContaining("profile");
    assertThatThrownBy(() -> CdapSimulatorExtension.builder().tokenLifetime(null))
        .hasMessageContaining("tokenLifetime");
  }
}
