package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CdapSimulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CdapSimulatorExtensionTest {
  private static CdapSimulator first;

  @Test
  @Order(1)
  void parameter_whenDeclared_isTheRunningSimulator(CdapSimulator sim) {
    first = sim;

    assertThat(sim.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/v1/");
    assertThat(sim.port()).isPositive();
    new SimClient(sim).login("demo-t2");
    assertThat(sim.authentications()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void beforeEach_resetsTheSimulatorButKeepsItRunning(CdapSimulator sim) {
    assertThat(sim).isSameAs(first);
    assertThat(sim.authentications()).isZero();
  }

  @Nested
  class WhenNested {
    @Test
    void parameter_isTheOuterClassSimulator(CdapSimulator sim) {
      assertThat(sim.port()).isPositive();
      if (first != null) {
        assertThat(sim).isSameAs(first);
      }
    }
  }

  @Test
  @Order(3)
  void builder_whenInvalidValues_failsNamingTheField() {
    assertThatThrownBy(() -> CdapSimulator.builder().port(70_000)).hasMessageContaining("port");
    assertThatThrownBy(() -> CdapSimulator.builder().tokenLifetime(Duration.ZERO))
        .hasMessageContaining("tokenLifetime");
    assertThatThrownBy(() -> CdapSimulator.builder().clock(null)).hasMessageContaining("clock");
  }

  @Test
  @Order(4)
  void port_whenNotStarted_throws() {
    CdapSimulator idle = CdapSimulator.builder().build();

    assertThatThrownBy(idle::port).isInstanceOf(IllegalStateException.class);
    idle.close();
    assertThat(idle.toString()).contains("stopped");
  }
}
