package net.cdapkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.cdapkit.CdapClient;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CdapHealthIndicatorTest {
  private static CdapSimulator simulator;

  private final TestClock clock = TestClock.at(Instant.parse("2026-03-02T10:00:00Z"));

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(CdapAutoConfiguration.class, CdapHealthAutoConfiguration.class))
          .withBean(Clock.class, () -> clock)
          .withPropertyValues("cdap.rate-limit.mode=none");

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

  private ApplicationContextRunner withLogin(String login, String password) {
    return runner.withPropertyValues(
        "cdap.base-url=" + simulator.baseUrl(),
        "cdap.credentials.login=" + login,
        "cdap.credentials.password=" + password);
  }

  @Test
  void health_whenCredentialsValid_isUpWithTheProfileAndNoLogin() {
    withLogin("demo-t1", CdapSimulator.DEMO_PASSWORD)
        .run(
            context -> {
              Health health = context.getBean(CdapHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails()).containsEntry("profile", "T1");
              assertThat(health.toString())
                  .doesNotContain("demo-t1")
                  .doesNotContain(CdapSimulator.DEMO_PASSWORD);
            });
  }

  @Test
  void health_whenPasswordWrong_isDownWithTheReason() {
    withLogin("demo-t1", "not-the-password")
        .run(
            context -> {
              Health health = context.getBean(CdapHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails())
                  .containsEntry("error", "AuthenticationException")
                  .containsKey("reason");
              assertThat(health.toString()).doesNotContain("not-the-password");
            });
  }

  @Test
  void health_whenServerUnreachable_isDown() {
    runner
        .withPropertyValues(
            "cdap.base-url=http://127.0.0.1:9/api/v1/",
            "cdap.credentials.login=demo-t1",
            "cdap.credentials.password=x",
            "cdap.retry.max-attempts=1")
        .run(
            context ->
                assertThat(context.getBean(CdapHealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.DOWN));
  }

  @Test
  void health_whenNoServiceCredentials_isUnknownWithoutCallingTheServer() {
    runner
        .withPropertyValues("cdap.base-url=" + simulator.baseUrl())
        .run(
            context -> {
              assertThat(context.getBean(CdapHealthIndicator.class).health().getStatus())
                  .isEqualTo(Status.UNKNOWN);
              assertThat(simulator.authentications()).isZero();
            });
  }

  @Test
  void health_whenAskedAgainWithinAMinute_reusesTheResultWithoutCallingTheServer() {
    withLogin("demo-t1", CdapSimulator.DEMO_PASSWORD)
        .run(
            context -> {
              HealthIndicator indicator = context.getBean(CdapHealthIndicator.class);
              Health first = indicator.health();
              clock.advance(Duration.ofSeconds(59));
              Health second = indicator.health();

              assertThat(second).isSameAs(first);
              assertThat(simulator.authentications()).isEqualTo(1);
            });
  }

  @Test
  void health_whenAMinuteHasPassed_asksTheServerAgain() {
    withLogin("demo-t1", CdapSimulator.DEMO_PASSWORD)
        .run(
            context -> {
              HealthIndicator indicator = context.getBean(CdapHealthIndicator.class);
              indicator.health();
              clock.advance(Duration.ofMinutes(1));
              indicator.health();

              assertThat(simulator.authentications()).isEqualTo(2);
            });
  }

  @Test
  void health_whenCacheShorterThanAMinute_contextFails() {
    withLogin("demo-t1", CdapSimulator.DEMO_PASSWORD)
        .withPropertyValues("cdap.health.cache-for=10s")
        .run(
            context ->
                assertThat(CdapAutoConfigurationTest.rootCause(context.getStartupFailure()))
                    .hasMessageContaining("cdap.health.cache-for must be at least 1m"));
  }

  @Test
  void health_whenDisabledByProperty_isAbsent() {
    withLogin("demo-t1", CdapSimulator.DEMO_PASSWORD)
        .withPropertyValues("management.health.cdap.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(CdapHealthIndicator.class));
  }

  @Test
  void health_whenHealthSupportNotOnClassPath_isAbsent() {
    withLogin("demo-t1", CdapSimulator.DEMO_PASSWORD)
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(
            context -> {
              assertThat(context).hasSingleBean(CdapClient.class);
              assertThat(context).doesNotHaveBean("cdapHealthIndicator");
            });
  }

  @Test
  void health_whenNoClientBean_isAbsent() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CdapHealthAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(CdapHealthIndicator.class));
  }

  @Test
  void constructor_whenCacheShorterThanAMinute_refuses() {
    CdapClient client = CdapClient.builder().baseUrl(simulator.baseUrl()).build();
    assertThatThrownBy(() -> new CdapHealthIndicator(client, clock, Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
