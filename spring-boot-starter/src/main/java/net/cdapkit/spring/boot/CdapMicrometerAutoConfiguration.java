package net.cdapkit.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import net.cdapkit.micrometer.MicrometerEventListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Records the auto-configured client's calls in the application's {@link MeterRegistry} when {@code
 * cdapkit-micrometer} is on the class path and a registry is configured (Spring Boot's Actuator
 * makes one).
 */
@AutoConfiguration(
    before = CdapAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnClass({MeterRegistry.class, MicrometerEventListener.class})
@ConditionalOnBean(MeterRegistry.class)
public class CdapMicrometerAutoConfiguration {

  /** Creates the configuration; Spring Boot does. */
  public CdapMicrometerAutoConfiguration() {}

  /**
   * The listener recording into the application's registry.
   *
   * @param registry the application's meter registry
   * @return the listener, which the client auto-configuration adds to the client
   */
  @Bean
  @ConditionalOnMissingBean
  public MicrometerEventListener cdapMicrometerEventListener(MeterRegistry registry) {
    return MicrometerEventListener.create(registry);
  }
}
