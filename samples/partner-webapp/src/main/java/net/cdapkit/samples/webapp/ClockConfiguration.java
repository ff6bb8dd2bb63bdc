package net.cdapkit.samples.webapp;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock the history pages count their periods by (and the health indicator its cache). */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
