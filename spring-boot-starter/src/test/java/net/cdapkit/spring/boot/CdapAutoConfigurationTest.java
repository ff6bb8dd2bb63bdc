package net.cdapkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.audit.AuditSink;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.micrometer.MicrometerEventListener;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Synthese;
import net.cdapkit.opentelemetry.OpenTelemetryEventListener;
import net.cdapkit.testkit.CdapSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CdapAutoConfigurationTest {
  private static CdapSimulator simulator;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  CdapAutoConfiguration.class,
                  CdapMicrometerAutoConfiguration.class,
                  CdapOpenTelemetryAutoConfiguration.class,
                  CdapHealthAutoConfiguration.class));

  @TempDir Path dir;

  @BeforeAll
  static void startSimulator() {
    simulator = CdapSimulator.builder().build().start();
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
  }

  private ApplicationContextRunner configured() {
    return runner.withPropertyValues(
        "cdap.base-url=" + simulator.baseUrl(),
        "cdap.credentials.login=demo-t1",
        "cdap.credentials.password=" + CdapSimulator.DEMO_PASSWORD,
        "cdap.rate-limit.mode=none");
  }

  @Test
  void cdapClient_whenBaseUrlMissing_failsNamingTheProperty() {
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          assertThat(rootCause(context.getStartupFailure()))
              .hasMessageContaining("cdap.base-url is not set");
        });
  }

  @Test
  void failureAnalyzer_whenBaseUrlMissing_saysWhatToSet() {
    runner.run(
        context -> {
          var analysis = new MissingBaseUrlFailureAnalyzer().analyze(context.getStartupFailure());
          assertThat(analysis).isNotNull();
          assertThat(analysis.getDescription()).contains("cdap.base-url is not set");
          assertThat(analysis.getAction()).contains("cdap.base-url").contains("CdapClient bean");
        });
  }

  @Test
  void cdapClient_whenBaseUrlSet_authenticatesWithTheEnvironmentsCredentials() {
    configured()
        .run(
            context -> {
              assertThat(context).hasSingleBean(CdapClient.class);
              CdapClient client = context.getBean(CdapClient.class);
              assertThat(client.baseUrl().toString()).isEqualTo(simulator.baseUrl());
              try (CdapSession session = client.authenticate()) {
                assertThat(session.profile()).isEqualTo("T1");
              }
            });
  }

  @Test
  void cdapClient_whenApplicationDefinesOne_usesTheApplications() {
    CdapClient own = CdapClient.builder().baseUrl(simulator.baseUrl()).build();
    runner
        .withBean(CdapClient.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(CdapClient.class)).isSameAs(own);
            });
  }

  @Test
  void cdapClient_whenCustomizerDefined_customizerAdjustsTheBuilder() {
    AtomicInteger calls = new AtomicInteger();
    configured()
        .withBean(CdapClientBuilderCustomizer.class, () -> b -> calls.incrementAndGet())
        .run(
            context -> {
              assertThat(context).hasSingleBean(CdapClient.class);
              assertThat(calls).hasValue(1);
            });
  }

  @Test
  void cdapClient_whenRetryPropertyOutOfRange_failsWithTheSdksMessage() {
    configured()
        .withPropertyValues("cdap.retry.max-attempts=0")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(rootCause(context.getStartupFailure()))
                  .hasMessageContaining("maxAttempts must be between 1 and 10");
            });
  }

  @Test
  void cdapClient_whenFixedRateWithoutRate_failsNamingTheProperty() {
    configured()
        .withPropertyValues("cdap.rate-limit.mode=fixed")
        .run(
            context ->
                assertThat(rootCause(context.getStartupFailure()))
                    .hasMessageContaining("cdap.rate-limit.per-second"));
  }

  @Test
  void auditSink_whenJournalUnset_isNone() {
    configured()
        .run(context -> assertThat(context.getBean(AuditSink.class)).isSameAs(AuditSink.none()));
  }

  @Test
  void auditSink_whenJournalSet_journalsTheClientsConsultations() throws Exception {
    Path journal = dir.resolve("audit.jsonl");
    Path keyFile = dir.resolve("keys/audit.key");
    configured()
        .withPropertyValues("cdap.audit.journal=" + journal, "cdap.audit.key-file=" + keyFile)
        .run(
            context -> {
              assertThat(context.getBean(AuditSink.class))
                  .isInstanceOf(JsonLinesAuditJournal.class);
              consultDemoDossier(context.getBean(CdapClient.class));
            });
    // Closed with the context: the file can be verified with the key the starter created.
    assertThat(keyFile).exists();
    assertThat(Files.readAllLines(journal)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(
            net.cdapkit.audit.AuditJournalVerifier.verify(journal, AuditKey.load(keyFile)).intact())
        .isTrue();
  }

  @Test
  void auditSink_whenSharedByTwoInstances_bothAppendToOneUnbrokenChain() throws Exception {
    Path journal = dir.resolve("shared.jsonl");
    Path keyFile = dir.resolve("keys/audit.key");
    ApplicationContextRunner instance =
        configured()
            .withPropertyValues(
                "cdap.audit.journal=" + journal,
                "cdap.audit.key-file=" + keyFile,
                "cdap.audit.shared=true");
    // Two instances of the application at once, as during a rolling restart on one host.
    instance.run(
        first -> {
          assertThat(first).hasNotFailed();
          instance.run(
              second -> {
                assertThat(second).hasNotFailed();
                consultDemoDossier(first.getBean(CdapClient.class));
                consultDemoDossier(second.getBean(CdapClient.class));
                consultDemoDossier(first.getBean(CdapClient.class));
              });
        });
    var result = net.cdapkit.audit.AuditJournalVerifier.verify(journal, AuditKey.load(keyFile));
    assertThat(result.intact()).as(result.toString()).isTrue();
    assertThat(result.records()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void auditSink_whenNotSharedAndAnotherInstanceHoldsTheJournal_startupFailsNamingIt() {
    Path journal = dir.resolve("owned.jsonl");
    ApplicationContextRunner instance =
        configured()
            .withPropertyValues(
                "cdap.audit.journal=" + journal,
                "cdap.audit.key-file=" + dir.resolve("keys/audit.key"));
    instance.run(
        first ->
            instance.run(
                second -> {
                  assertThat(first).hasNotFailed();
                  assertThat(second).hasFailed();
                  assertThat(rootCause(second.getStartupFailure()))
                      .hasMessageContaining("already open")
                      .hasMessageContaining("owned.jsonl");
                }));
  }

  @Test
  void auditProperties_bindSharedAndLockWait_andRefuseANegativeWait() {
    configured()
        .withPropertyValues("cdap.audit.shared=true", "cdap.audit.lock-wait=30s")
        .run(
            context -> {
              CdapProperties.Audit audit = context.getBean(CdapProperties.class).audit();
              assertThat(audit.shared()).isTrue();
              assertThat(audit.lockWait()).isEqualTo(java.time.Duration.ofSeconds(30));
            });
    configured()
        .run(
            context -> {
              CdapProperties.Audit audit = context.getBean(CdapProperties.class).audit();
              assertThat(audit.shared()).isFalse();
              assertThat(audit.lockWait()).isZero();
            });
    configured()
        .withPropertyValues("cdap.audit.lock-wait=-1s")
        .run(
            context ->
                assertThat(rootCause(context.getStartupFailure()))
                    .hasMessageContaining("cdap.audit.lock-wait must be zero or positive"));
    // The constructor of 0.2.0 still builds the same properties.
    CdapProperties.Audit before = new CdapProperties.Audit(null, null, null, false, true, false);
    assertThat(before.shared()).isFalse();
    assertThat(before.lockWait()).isZero();
  }

  @Test
  void auditSink_whenKeyGivenAsProperty_usesItWithoutAKeyFile() {
    String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    configured()
        .withPropertyValues(
            "cdap.audit.journal=" + dir.resolve("audit.jsonl"), "cdap.audit.key=" + key)
        .run(
            context -> {
              assertThat(context.getBean(AuditSink.class))
                  .isInstanceOf(JsonLinesAuditJournal.class);
              assertThat(context.getBean(CdapProperties.class).toString())
                  .doesNotContain(key)
                  .doesNotContain(CdapSimulator.DEMO_PASSWORD);
            });
  }

  @Test
  void auditSink_whenApplicationDefinesOne_clientWritesToIt() {
    List<AuditRecord> records = new CopyOnWriteArrayList<>();
    AuditKey key = AuditKey.generate();
    AuditSink own =
        new AuditSink() {
          @Override
          public void append(AuditRecord record) {
            records.add(record);
          }

          @Override
          public String pseudonym(CafCode caf, NumeroAllocataire numero) {
            return key.pseudonym(caf, numero);
          }
        };
    configured()
        .withPropertyValues("cdap.audit.journal=" + dir.resolve("unused.jsonl"))
        .withBean(AuditSink.class, () -> own)
        .run(
            context -> {
              assertThat(context.getBean(AuditSink.class)).isSameAs(own);
              consultDemoDossier(context.getBean(CdapClient.class));
              assertThat(records).isNotEmpty();
            });
    assertThat(dir.resolve("unused.jsonl")).doesNotExist();
  }

  @Test
  void micrometerBinding_whenRegistryPresent_definesTheListener() {
    configured()
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> assertThat(context).hasSingleBean(MicrometerEventListener.class));
  }

  @Test
  void micrometerBinding_whenNoRegistry_isAbsent() {
    configured()
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(MicrometerEventListener.class);
            });
  }

  @Test
  void micrometerBinding_whenModuleNotOnClassPath_isAbsent() {
    configured()
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withClassLoader(new FilteredClassLoader(MicrometerEventListener.class))
        .run(
            context -> {
              assertThat(context).hasSingleBean(CdapClient.class);
              assertThat(context).doesNotHaveBean("cdapMicrometerEventListener");
            });
  }

  @Test
  void openTelemetryBinding_whenOpenTelemetryPresent_definesTheListener() {
    configured()
        .withBean(OpenTelemetry.class, OpenTelemetry::noop)
        .run(context -> assertThat(context).hasSingleBean(OpenTelemetryEventListener.class));
  }

  @Test
  void openTelemetryBinding_whenNoOpenTelemetry_isAbsent() {
    configured()
        .run(context -> assertThat(context).doesNotHaveBean(OpenTelemetryEventListener.class));
  }

  @Test
  void openTelemetryBinding_whenModuleNotOnClassPath_isAbsent() {
    configured()
        .withBean(OpenTelemetry.class, OpenTelemetry::noop)
        .withClassLoader(new FilteredClassLoader(OpenTelemetryEventListener.class))
        .run(
            context -> {
              assertThat(context).hasSingleBean(CdapClient.class);
              assertThat(context).doesNotHaveBean("cdapOpenTelemetryEventListener");
            });
  }

  @Test
  void bindings_whenApplicationDefinesItsOwnListener_keepTheApplications() {
    MicrometerEventListener own = MicrometerEventListener.create(new SimpleMeterRegistry());
    configured()
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(MicrometerEventListener.class, () -> own)
        .run(context -> assertThat(context.getBean(MicrometerEventListener.class)).isSameAs(own));
  }

  @Test
  void bindings_whenRegistryAndOpenTelemetryPresent_clientRecordsMetersAndSpans() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    OpenTelemetrySdk openTelemetry =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build();
    configured()
        .withBean(MeterRegistry.class, () -> registry)
        .withBean(OpenTelemetry.class, () -> openTelemetry)
        .run(
            context -> {
              consultDemoDossier(context.getBean(CdapClient.class));
              // Checked before the context closes: closing the SDK clears the exporter.
              assertThat(exporter.getFinishedSpanItems())
                  .extracting(SpanData::getName)
                  .contains("cdap.tab.synthese", "GET /dossiers/{reference}/synthese");
              SpanData attempt =
                  exporter.getFinishedSpanItems().stream()
                      .filter(s -> s.getName().equals("GET /dossiers/{reference}/synthese"))
                      .findFirst()
                      .orElseThrow();
              assertThat(attempt.getAttributes().get(AttributeKey.stringKey("server.address")))
                  .isEqualTo("127.0.0.1");
            });

    assertThat(
            registry
                .get(MicrometerEventListener.CALLS)
                .tags("operation", "tab.synthese", "outcome", "success")
                .timer()
                .count())
        .isEqualTo(1);
  }

  private static void consultDemoDossier(CdapClient client) {
    try (CdapSession session = client.authenticate()) {
      Synthese synthese =
          session
              .selectCaf("751")
              .consultDossier(
                  NumeroAllocataire.of("9900001"),
                  Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "Essai"))
              .synthese();
      assertThat(synthese).isNotNull();
    }
  }

  static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }
}
