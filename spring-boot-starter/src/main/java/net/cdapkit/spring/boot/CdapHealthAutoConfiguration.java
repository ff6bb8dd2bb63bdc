package net.cdapkit.spring.boot;

import java.time.Clock;
import net.cdapkit.CdapClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code cdap} health indicator ({@link CdapHealthIndicator}) when Spring Boot's
 * health support is on the class path and a {@link CdapClient} bean exists; {@code
 * management.health.cdap.enabled=false} turns it off.
 */
@AutoConfiguration(after = CdapAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(CdapClient.class)
@ConditionalOnEnabledHealthIndicator("cdap")
public class CdapHealthAutoConfiguration {

  /** Creates the configuration; Spring Boot does. */
  public CdapHealthAutoConfiguration() {}

  /**
   * The indicator, reusing each result for {@code cdap.health.cache-for} (one minute).
   *
   * @param client the client whose service account logs in to check the server
   * @param properties the bound {@code cdap.*} properties; {@code cdap.health.cache-for} is read
   * @param clock the application's {@link Clock} bean if any, else the system clock in UTC
   * @return the indicator, registered as the {@code cdap} health contributor
   */
  @Bean
  @ConditionalOnMissingBean(name = "cdapHealthIndicator")
  public CdapHealthIndicator cdapHealthIndicator(
      CdapClient client, CdapProperties properties, ObjectProvider<Clock> clock) {
    return new CdapHealthIndicator(
        client, clock.getIfAvailable(Clock::systemUTC), properties.health().cacheFor());
  }
}
