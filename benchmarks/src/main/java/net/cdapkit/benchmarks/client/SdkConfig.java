package net.cdapkit.benchmarks.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.cdapkit.CdapClient;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The one place where the benchmarks configure the SDK, so that every figure (JMH, cold start,
 * batch) measures the client a partner would build, and a variant is added in one line.
 *
 * <p>Each {@link Variant} is one configuration to measure. JMH runs every constant of the enum (the
 * SDK benchmarks' {@code @Param} lists none, which means all of them), and the {@code switch} in
 * {@link #builder} must handle each: adding, say, a variant with a no-op audit sink next to the
 * default one is a constant here plus its line in the switch, and the report then shows the audit
 * journal's cost as the difference between the two rows.
 */
public final class SdkConfig {
  public static final CafCode CAF = CafCode.of(Demo.CAF);
  public static final NumeroAllocataire NUMERO = NumeroAllocataire.of(Demo.NUMERO);
  public static final Finalite FINALITE =
      Finalite.of(FinaliteCode.of(Demo.FINALITE), "Banc d'essai");

  /** A configuration of the SDK to measure. */
  public enum Variant {
    /** The builder's defaults and nothing else, as a partner starts: what the targets judge. */
    PARTNER_DEFAULT,
    /**
     * The defaults plus the HMAC-chained file journal (a fresh temporary file and key): the
     * difference with {@link #PARTNER_DEFAULT} is the audit journal's cost.
     */
    WITH_AUDIT_JOURNAL,
    /**
     * The defaults plus an event listener that overrides nothing: the difference with {@link
     * #PARTNER_DEFAULT} is the cost of telling a listener of each event.
     */
    WITH_NOOP_LISTENER,
    /**
     * The defaults plus the Micrometer and OpenTelemetry listeners, recording every meter and span
     * (see {@link ObservabilityListeners}): the difference with {@link #WITH_NOOP_LISTENER} is
     * their own cost.
     */
    WITH_MICROMETER_OTEL
  }

  private SdkConfig() {}

  /** A builder for the base URL, configured as the variant says. */
  public static CdapClient.Builder builder(String baseUrl, Variant variant) {
    CdapClient.Builder b =
        CdapClient.builder()
            .baseUrl(baseUrl)
            .credentials(CredentialsProvider.of(Demo.LOGIN, Demo.PASSWORD));
    return switch (variant) {
      case PARTNER_DEFAULT -> b;
      case WITH_AUDIT_JOURNAL -> b.auditSink(temporaryJournal());
      case WITH_NOOP_LISTENER -> b.eventListener(ObservabilityListeners.noop());
      case WITH_MICROMETER_OTEL -> b.eventListener(ObservabilityListeners.micrometerAndOtel());
    };
  }

  private static JsonLinesAuditJournal temporaryJournal() {
    try {
      Path dir = Files.createTempDirectory("cdapkit-bench-audit");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve("audit.jsonl");
      file.toFile().deleteOnExit();
      return JsonLinesAuditJournal.open(file, AuditKey.generate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client for the base URL, configured as the variant says. */
  public static CdapClient client(String baseUrl, Variant variant) {
    return builder(baseUrl, variant).build();
  }

  /**
   * A client for a batch of {@code concurrency} parallel consultations, configured as the README
   * tells partners to: the default connection pool keeps 5 idle connections, so it is sized to the
   * concurrency; the pace is the SDK's default, the rate the server declares at authentication;
   * {@code statusCounter} sees every response, retried ones included.
   */
  public static CdapClient batchClient(
      String baseUrl, Variant variant, int concurrency, Interceptor statusCounter) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
            .addNetworkInterceptor(statusCounter)
            .build();
    http.dispatcher().setMaxRequestsPerHost(Math.max(5, concurrency));
    return builder(baseUrl, variant).okHttpClient(http).build();
  }
}
