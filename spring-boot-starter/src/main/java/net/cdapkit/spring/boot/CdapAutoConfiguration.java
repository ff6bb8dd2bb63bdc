package net.cdapkit.spring.boot;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import net.cdapkit.CdapClient;
import net.cdapkit.RateLimit;
import net.cdapkit.RetryPolicy;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditSink;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.audit.UsageGuard;
import net.cdapkit.event.CdapEventListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configures a {@link CdapClient} and its {@link AuditSink} from the {@code cdap.*} properties
 * ({@link CdapProperties}). Each is replaced by an application bean of the same type. The client is
 * told of every {@link CdapEventListener} bean (the Micrometer and OpenTelemetry bindings define
 * theirs), and adjusted by every {@link CdapClientBuilderCustomizer} bean.
 */
@AutoConfiguration
@EnableConfigurationProperties(CdapProperties.class)
public class CdapAutoConfiguration {

  /** Creates the configuration; Spring Boot does. */
  public CdapAutoConfiguration() {}

  /**
   * The audit journal named by {@code cdap.audit.journal}, or {@link AuditSink#none()} when it is
   * unset. Closed with the context.
   *
   * @param properties the bound {@code cdap.*} properties; {@code cdap.audit.*} is read
   * @return the journal writing to {@code cdap.audit.journal} under the key from {@code
   *     cdap.audit.key}, {@code cdap.audit.key-file} or the default key file, shared and waited for
   *     as {@code cdap.audit.shared} and {@code cdap.audit.lock-wait} say; or a sink that keeps
   *     nothing
   */
  @Bean
  @ConditionalOnMissingBean
  public AuditSink cdapAuditSink(CdapProperties properties) {
    CdapProperties.Audit audit = properties.audit();
    if (audit.journal() == null) {
      return AuditSink.none();
    }
    return JsonLinesAuditJournal.builder(audit.journal(), key(audit))
        .fsync(audit.fsync())
        .shared(audit.shared())
        .lockWait(audit.lockWait())
        .open();
  }

  private static AuditKey key(CdapProperties.Audit audit) {
    if (audit.key() != null && !audit.key().isBlank()) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(audit.key().strip());
      } catch (IllegalArgumentException e) {
        // The message must not quote the value: it is a secret.
        throw new IllegalStateException("cdap.audit.key is not base64", null);
      }
      return AuditKey.of(bytes);
    }
    Path file = audit.keyFile() != null ? audit.keyFile() : AuditKey.defaultLocation();
    return AuditKey.loadOrCreate(file);
  }

  /**
   * The client, built from the properties, told of the application's event listeners.
   *
   * @param properties the bound {@code cdap.*} properties
   * @param environment the Spring environment, where the service account's credentials are read at
   *     each authentication (when {@code cdap.credentials.login} is set)
   * @param cdapAuditSink the audit sink every consultation is recorded in
   * @param listeners the application's event listener beans, combined in their {@code @Order}
   * @param customizers the application's builder customizers, applied in their {@code @Order} after
   *     the properties
   * @return the client, immutable and shared by the whole application
   * @throws IllegalStateException when {@code cdap.base-url} is not set
   */
  @Bean
  @ConditionalOnMissingBean
  public CdapClient cdapClient(
      CdapProperties properties,
      Environment environment,
      AuditSink cdapAuditSink,
      ObjectProvider<CdapEventListener> listeners,
      ObjectProvider<CdapClientBuilderCustomizer> customizers) {
    if (properties.baseUrl() == null || properties.baseUrl().isBlank()) {
      throw new MissingBaseUrlException();
    }
    CdapProperties.Timeouts t = properties.timeouts();
    CdapProperties.Retry r = properties.retry();
    CdapClient.Builder b =
        CdapClient.builder()
            .baseUrl(properties.baseUrl())
            .connectTimeout(t.connect())
            .readTimeout(t.read())
            .writeTimeout(t.write())
            .callTimeout(t.call())
            .retryPolicy(
                RetryPolicy.of(r.maxAttempts(), r.initialBackoff(), r.maxBackoff(), r.budget()))
            .rateLimit(rateLimit(properties.rateLimit()))
            .auditSink(cdapAuditSink)
            .auditFailClosed(properties.audit().failClosed())
            .auditFinaliteDetail(properties.audit().finaliteDetail())
            .usageGuard(usageGuard(properties.usageGuard()));
    if (properties.credentials().configured()) {
      b.credentials(new EnvironmentCredentialsProvider(environment));
    }
    List<CdapEventListener> all = listeners.orderedStream().toList();
    if (!all.isEmpty()) {
      b.eventListener(CdapEventListener.composite(all));
    }
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  private static RateLimit rateLimit(CdapProperties.RateLimit p) {
    return switch (p.mode()) {
      case SERVER_DECLARED -> RateLimit.serverDeclared();
      case NONE -> RateLimit.none();
      case FIXED -> {
        if (p.perSecond() == null) {
          throw new IllegalStateException(
              "cdap.rate-limit.mode=fixed needs cdap.rate-limit.per-second");
        }
        yield p.burst() == null
            ? RateLimit.perSecond(p.perSecond())
            : RateLimit.perSecond(p.perSecond(), p.burst());
      }
    };
  }

  private static UsageGuard usageGuard(CdapProperties.UsageGuard p) {
    return switch (p.mode()) {
      case OFF -> UsageGuard.off();
      case WARN, BLOCK ->
          UsageGuard.builder()
              .mode(
                  p.mode() == CdapProperties.UsageGuardMode.BLOCK
                      ? UsageGuard.Mode.BLOCK
                      : UsageGuard.Mode.WARN)
              .maxPerHour(p.maxPerHour())
              .maxPerDay(p.maxPerDay())
              .build();
    };
  }
}
