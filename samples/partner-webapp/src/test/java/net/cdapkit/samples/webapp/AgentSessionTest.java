package net.cdapkit.samples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import net.cdapkit.CdapSession;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.CdapSimulatorTest;
import net.cdapkit.testkit.Operation;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

@CdapSimulatorTest(profile = "T1")
class AgentSessionTest {

  @Test
  void httpSessionEnd_whenInvalidatedOrExpired_closesTheCdapSession(
      CdapSession cdap, CdapSimulator simulator) {
    // A servlet container unbinds every attribute when a session ends, by logout or by expiry.
    MockHttpSession http = new MockHttpSession();
    http.setAttribute(AgentSession.ATTRIBUTE, new AgentSession(cdap));
    assertThat(AgentSession.of(http)).isPresent();

    http.invalidate();

    assertThat(cdap.isOpen()).isFalse();
    assertThat(simulator.verify().count(Operation.LOGOUT)).isEqualTo(1);
  }

  @Test
  void open_givesEachDossierAnOpaqueHandle_withoutTheNumero(CdapSession cdap) {
    AgentSession agent = new AgentSession(cdap);
    var dossier =
        cdap.selectCaf("751")
            .consultDossier(
                "9900001",
                net.cdapkit.model.Finalite.of(
                    net.cdapkit.model.FinaliteCode.ACCOMPAGNEMENT_SOCIAL));

    String first = agent.open(dossier);
    String second = agent.open(dossier);

    assertThat(first).isNotEqualTo(second).doesNotContain("9900001").hasSize(22);
    assertThat(agent.dossier(first)).containsSame(dossier);
    assertThat(agent.dossier("unknown")).isEmpty();
  }
}
