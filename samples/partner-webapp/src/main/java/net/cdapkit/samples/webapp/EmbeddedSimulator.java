package net.cdapkit.samples.webapp;

import java.util.Map;
import net.cdapkit.testkit.CdapSimulator;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the test kit's simulator when no {@code cdap.base-url} is configured, and points {@code
 * cdap.base-url} at it, so that the application runs with no configuration at all and the starter's
 * client is configured the same way as against a real server. The health indicator's service
 * account is the simulator's demo agent T1; agents log in with their own identifiers.
 *
 * <p>Started before the context, because the client's properties are bound from the environment;
 * stopped when the context closes. The simulator serves synthetic dossiers only.
 */
public final class EmbeddedSimulator implements EnvironmentPostProcessor {
  /** The property that selects a real server; when absent, the simulator is started. */
  static final String BASE_URL = "cdap.base-url";

  /** Set to {@code true} (tests) to keep the simulator's request journal for verification. */
  static final String RECORD_REQUESTS = "cdapkit.webapp.simulator.record-requests";

  /** The bean name under which the running simulator is registered. */
  public static final String BEAN_NAME = "cdapSimulator";

  private final Log log;

  /** Called by Spring Boot, with a log that is written once logging is initialised. */
  public EmbeddedSimulator(DeferredLogFactory logs) {
    this.log = logs.getLog(EmbeddedSimulator.class);
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (StringUtils.hasText(environment.getProperty(BASE_URL))) {
      return;
    }
    boolean record = environment.getProperty(RECORD_REQUESTS, Boolean.class, false);
    // A long-running demo must not keep every request it ever served.
    CdapSimulator simulator = CdapSimulator.builder().recordRequests(record).build().start();
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "cdapkit-embedded-simulator",
                Map.of(
                    BASE_URL,
                    simulator.baseUrl(),
                    // The health indicator's service account; agents log in with their own.
                    "cdap.credentials.login",
                    "demo-t1",
                    "cdap.credentials.password",
                    "demo-password")));
    application.addInitializers(
        context -> {
          context.getBeanFactory().registerSingleton(BEAN_NAME, simulator);
          context.addApplicationListener(
              event -> {
                if (event instanceof ContextClosedEvent) {
                  simulator.stop();
                }
              });
        });
    log.info(
        "No cdap.base-url: embedded CDAP simulator started at "
            + simulator.baseUrl()
            + " (synthetic data only). Log in as demo-t1 to demo-t5: the login page gives the"
            + " simulator's demo password.");
  }
}
