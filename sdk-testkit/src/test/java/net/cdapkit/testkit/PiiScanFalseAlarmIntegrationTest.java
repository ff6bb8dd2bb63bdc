package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.Dossier;
import net.cdapkit.Periode;
import net.cdapkit.RateLimit;
import net.cdapkit.RetryPolicy;
import net.cdapkit.error.CdapException;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.testkit.internal.server.DemoAgents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension's personal-data check seen as a partner's suite sees it: 200 partner tests, the SDK
 * logging at TRACE (more than DEBUG) and the application logging request ids, idempotency keys and
 * timestamps, run five times — no test may fail for a leak it did not make; and a deliberate leak
 * in every place the check reads — the test's output, the failing exception with its causes and
 * suppressed exceptions, a value's {@code toString}, a text, a URL — always fails its test.
 *
 * <p>Runs in the {@code pii-scan} failsafe execution, whose JVM creates the SDK's loggers at TRACE.
 * Prints {@code pii-scan: tests= runs= false_alarms= leaks_caught=}.
 */
class PiiScanFalseAlarmIntegrationTest {
  private static final String LEVEL = "org.slf4j.simpleLogger.log.net.cdapkit";

  static {
    if (System.getProperty(LEVEL) == null) {
      System.setProperty(LEVEL, "trace");
    }
  }

  static final int TESTS = 200;
  static final int RUNS = 5;
  private static final long SEED = 20261130L;

  @Test
  void partnerSuite_atTraceLogging_raisesNoFalseAlarmAndCatchesEveryLeak() {
    int falseAlarms = 0;
    int ran = 0;
    List<String> alarms = new java.util.ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      Map<String, Optional<Throwable>> results = Meta.run(PartnerSuite.class);
      ran += results.size();
      for (Map.Entry<String, Optional<Throwable>> e : results.entrySet()) {
        if (e.getValue().isPresent()) {
          falseAlarms++;
          alarms.add("run " + run + " " + e.getKey() + ": " + e.getValue().get().getMessage());
        }
      }
    }

    Map<String, Optional<Throwable>> leaks = Meta.run(Leaks.class);
    long caught =
        leaks.values().stream()
            .filter(
                f ->
                    f.isPresent()
                        && (String.valueOf(f.get().getMessage()).contains("carries")
                            || String.valueOf(f.get().getMessage()).contains("in its URL")
                            || Stream.of(f.get().getSuppressed())
                                .anyMatch(s -> String.valueOf(s.getMessage()).contains("carries"))))
            .count();

    System.out.printf(
        "pii-scan: tests=%d runs=%d false_alarms=%d leaks_caught=%d/%d%n",
        TESTS, RUNS, falseAlarms, caught, leaks.size());
    assertThat(ran).isEqualTo(TESTS * RUNS);
    assertThat(alarms).as("false alarms (seed %d)", SEED).isEmpty();
    assertThat(leaks).hasSize(Leaks.COUNT);
    assertThat(caught).as("deliberate leaks caught").isEqualTo(leaks.size());
  }

  static Stream<Integer> cases() {
    return IntStream.range(0, TESTS).boxed();
  }

  /** A request id as partner applications log them: a quarter start with "99" and five digits. */
  private static String requestId(Random random) {
    String uuid = UUID.randomUUID().toString();
    if (random.nextInt(4) == 0) {
      uuid =
          "99"
              + String.format("%05d", random.nextInt(100_000))
              + HexFormat.of().toHexDigits((byte) random.nextInt()).charAt(1)
              + uuid.substring(8);
    }
    return uuid;
  }

  private static CdapClient unpaced(CdapSimulator sim, String login) {
    return CdapClient.builder()
        .baseUrl(sim.baseUrl())
        .credentials(CredentialsProvider.of(login, CdapSimulator.DEMO_PASSWORD))
        .retryPolicy(
            RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(20), Duration.ofSeconds(10)))
        .rateLimit(RateLimit.none())
        .build();
  }

  // ---------------------------------------------------------------- fixtures

  /** A partner's suite: each test consults a dossier and logs what applications log. */
  @EnabledIfSystemProperty(named = Meta.PROPERTY, matches = "true")
  @CdapSimulatorTest
  static class PartnerSuite {
    private static final Logger log = LoggerFactory.getLogger("partner.app");
    private static final List<SyntheticDossier> DOSSIERS =
        Catalogue.standard().dossiers().stream()
            .filter(d -> DemoAgents.CAFS.contains(d.caf()))
            .toList();

    @ParameterizedTest
    @MethodSource("net.cdapkit.testkit.PiiScanFalseAlarmIntegrationTest#cases")
    void partnerTest(int i, CdapSimulator sim) {
      Random random = new Random(SEED + i);
      SyntheticDossier d = DOSSIERS.get(random.nextInt(DOSSIERS.size()));
      try (CdapSession session = unpaced(sim, "demo-t1").authenticate()) {
        log.info("job {} started at {} ({} ms)", requestId(random), Instant.now(), i % 97);
        Dossier dossier =
            session
                .selectCaf(d.caf())
                .consultDossier(
                    d.numeroAllocataire(),
                    Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "Suivi " + (2026_000 + i)));
        log.info("idempotency key env-{} request-id={}", UUID.randomUUID(), requestId(random));
        switch (i % 4) {
          case 0 -> dossier.synthese();
          case 1 -> dossier.paiements(Periode.from(YearMonth.of(2026, 1))).forEach(p -> {});
          case 2 -> dossier.logement();
          default -> dossier.compositionFamille();
        }
        log.info("done at {} elapsed={}s", Instant.now(), random.nextDouble());
      } catch (CdapException e) {
        // A dossier closed or a tab without data: its message is scanned like any output.
        log.info("refused: {}", e.getMessage());
      }
    }
  }

  /** One deliberate leak per test, in each place the extension or the kit reads. */
  @EnabledIfSystemProperty(named = Meta.PROPERTY, matches = "true")
  @CdapSimulatorTest
  static class Leaks {
    static final int COUNT = 10;
    private static final Logger log = LoggerFactory.getLogger("partner.app");
    private static final Finalite SOCIAL = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "test");

    private static net.cdapkit.model.Synthese consult(CdapSession session) {
      return session.selectCaf("751").consultDossier("9900001", SOCIAL).synthese();
    }

    @Test
    void numeroInALogLine(CdapSession session) {
      consult(session);
      log.info("dossier traité numero=9900001 request-id={}", UUID.randomUUID());
    }

    @Test
    void numeroInAJsonLogOnStandardOutput(CdapSession session) {
      consult(session);
      System.out.println("{\"event\":\"consulted\",\"numero\":\"9900001\"}");
    }

    @Test
    void numerosInACsvExport(CdapSession session) {
      consult(session);
      System.err.println("export;9900001,9900002;ok");
    }

    @Test
    void nameInALogLine(CdapSession session) {
      var s = consult(session);
      log.warn("allocataire {} {}", s.allocataire().prenom(), s.allocataire().nom());
    }

    @Test
    void addressInALogLine(CdapSession session) {
      var d = session.selectCaf("751").consultDossier("9900001", SOCIAL);
      log.info("courrier à {}", d.resume().adresse().ligne1());
    }

    @Test
    void numeroInTheFailingExceptionsMessage(CdapSession session) {
      consult(session);
      throw new IllegalStateException("Impossible de traiter le dossier 9900001");
    }

    @Test
    void nameInTheFailingExceptionsCause(CdapSession session) {
      var s = consult(session);
      throw new IllegalStateException(
          "échec", new RuntimeException("pour " + s.allocataire().nom()));
    }

    @Test
    void numeroInAValuesToString(CdapSession session, Compliance compliance) {
      consult(session);
      record Row(String numero) {}
      compliance.assertNoPersonalData(new Row("9900001"));
    }

    @Test
    void nameInAReport(CdapSession session, Compliance compliance) {
      var s = consult(session);
      compliance.assertNoPersonalDataIn("the report", "Rapport : " + s.allocataire().nom());
    }

    @Test
    void numeroInAUrl(CdapSimulator sim, CdapSession session) {
      consult(session);
      // Authenticated, as a partner's request would be: only the URL breaks the rules.
      SimClient raw = new SimClient(sim);
      raw.get("aide/fiches?numero=9900001").bearer(raw.login("demo-t1")).send();
      sim.verify().assertNoSecretsInUrls();
    }
  }
}
