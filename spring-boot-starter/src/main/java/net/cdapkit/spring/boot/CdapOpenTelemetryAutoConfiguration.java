package net.cdapkit.spring.boot;

import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import net.cdapkit.opentelemetry.OpenTelemetryEventListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Traces the auto-configured client's calls with the application's {@link OpenTelemetry} when
 * {@code cdapkit-opentelemetry} is on the class path and an {@code OpenTelemetry} bean exists
 * (Spring Boot's {@code spring-boot-starter-opentelemetry} makes one).
 */
@AutoConfiguration(
    before = CdapAutoConfiguration.class,
    afterName =
        "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration")
@ConditionalOnClass({OpenTelemetry.class, OpenTelemetryEventListener.class})
@ConditionalOnBean(OpenTelemetry.class)
public class CdapOpenTelemetryAutoConfiguration {

  /** Creates the configuration; Spring Boot does. */
  public CdapOpenTelemetryAutoConfiguration() {}

  /**
   * The listener tracing with the application's OpenTelemetry, naming the configured server.
   *
   * @param openTelemetry the application's OpenTelemetry instance
   * @param properties the bound {@code cdap.*} properties; the host and port of {@code
   *     cdap.base-url}, if it parses, become the spans' server address
   * @return the listener, which the client auto-configuration adds to the client
   */
  @Bean
  @ConditionalOnMissingBean
  public OpenTelemetryEventListener cdapOpenTelemetryEventListener(
      OpenTelemetry openTelemetry, CdapProperties properties) {
    OpenTelemetryEventListener.Builder b = OpenTelemetryEventListener.builder(openTelemetry);
    if (properties.baseUrl() != null) {
      try {
        URI uri = URI.create(properties.baseUrl().strip());
        if (uri.getHost() != null) {
          int port = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
          b.serverAddress(uri.getHost(), port);
        }
      } catch (IllegalArgumentException e) {
        // A malformed base URL fails where the client is built, with the SDK's own message.
      }
    }
    return b.build();
  }
}
