package net.cdapkit.samples.webapp;

import java.time.Clock;
import net.cdapkit.CdapClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link CdapClient} of the application, shared by every agent: each agent opens their own
 * session on it with the identifiers the CAF sent them.
 */
@Configuration(proxyBeanMethods = false)
class CdapClientConfiguration {

  @Bean
  CdapClient cdapClient(@Value("${cdap.base-url}") String baseUrl) {
    return CdapClient.builder().baseUrl(baseUrl).build();
  }

  /** The clock the history pages count their periods by. */
  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
