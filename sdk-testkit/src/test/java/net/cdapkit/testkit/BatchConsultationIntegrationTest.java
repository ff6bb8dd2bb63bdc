package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.cdapkit.BatchItem;
import net.cdapkit.BatchProgress;
import net.cdapkit.CafContext;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.RateLimit;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.NotFoundException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.InformationsLogement;
import net.cdapkit.model.NumeroAllocataire;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batch consultation against the simulator: streaming, per-item failures, checks up front. */
class BatchConsultationIntegrationTest {
  private static final int GENERATED = 300;
  private static CdapSimulator simulator;
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static CdapClient client;

  @BeforeAll
  static void start() {
    simulator =
        CdapSimulator.builder().catalogue(Catalogue.generated(2026, GENERATED)).build().start();
    client =
        CdapClient.builder()
            .baseUrl(simulator.baseUrl())
            .okHttpClient(
                new OkHttpClient.Builder()
                    .addInterceptor(
                        chain -> {
                          REQUESTS.incrementAndGet();
                          return chain.proceed(chain.request());
                        })
                    .build())
            .rateLimit(RateLimit.none())
            .build();
  }

  @AfterAll
  static void stop() {
    simulator.stop();
  }

  private static CafContext caf(String profile, CafCode caf) {
    CdapSession session =
        client.authenticate(
            CredentialsProvider.of(
                "demo-" + profile.toLowerCase(java.util.Locale.ROOT), "demo-password"));
    return session.selectCaf(caf);
  }

  @Test
  void run_whenManyDossiers_streamsEveryResultOnceOneAtATime() {
    CafCode cafCode = CafCode.of("751");
    List<NumeroAllocataire> numeros =
        simulator.catalogue().dossiers().stream()
            .filter(d -> d.caf().equals(cafCode))
            .map(SyntheticDossier::numeroAllocataire)
            .toList();
    assertThat(numeros).hasSizeGreaterThan(50);
    AtomicBoolean inside = new AtomicBoolean();
    AtomicBoolean overlapped = new AtomicBoolean();
    List<Long> indexes = new ArrayList<>();
    AtomicLong lastProgress = new AtomicLong();
    BatchProgress summary =
        caf("T1", cafCode)
            .batch()
            .finalite(Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL))
            .tabs(Tab.SYNTHESE, Tab.LOGEMENT)
            .concurrency(8)
            .onProgress(p -> lastProgress.set(p.completed()))
            .run(
                numeros.stream(),
                item -> {
                  if (!inside.compareAndSet(false, true)) {
                    overlapped.set(true);
                  }
                  assertThat(item.succeeded()).as(item.toString()).isTrue();
                  assertThat(item.tab(Tab.SYNTHESE)).isPresent();
                  assertThat(item.tab(Tab.LOGEMENT, InformationsLogement.class)).isPresent();
                  indexes.add(item.index());
                  inside.set(false);
                });
    assertThat(overlapped).isFalse();
    assertThat(summary.completed()).isEqualTo(numeros.size());
    assertThat(summary.failed()).isZero();
    assertThat(lastProgress.get()).isEqualTo(numeros.size());
    assertThat(indexes).doesNotHaveDuplicates().hasSize(numeros.size());
  }

  @Test
  void run_whenOneDossierIsUnknown_reportsItAndGoesOn() {
    CafCode cafCode = CafCode.of("751");
    NumeroAllocataire known =
        simulator.catalogue().dossiers().stream()
            .filter(d -> d.caf().equals(cafCode))
            .findFirst()
            .orElseThrow()
            .numeroAllocataire();
    List<BatchItem> items = new ArrayList<>();
    BatchProgress summary =
        caf("T5", cafCode)
            .batch()
            .finalite(Finalite.of(FinaliteCode.GESTION_LOCATIVE))
            .tabs(Tab.LOGEMENT)
            .run(Stream.of(known, NumeroAllocataire.of("9999999"), known), items::add);
    assertThat(summary.completed()).isEqualTo(3);
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(items)
        .filteredOn(i -> !i.succeeded())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.failure()).containsInstanceOf(NotFoundException.class);
              assertThat(i.toString()).doesNotContain("9999999");
            });
  }

  @Test
  void run_whenTabOrFinaliteOutsideProfile_failsBeforeAnyRequest() {
    CafContext t5 = caf("T5", CafCode.of("751"));
    int before = REQUESTS.get();
    assertThatThrownBy(
            () ->
                t5.batch()
                    .finalite(Finalite.of(FinaliteCode.GESTION_LOCATIVE))
                    .tabs(Tab.RSA)
                    .run(Stream.of(NumeroAllocataire.of("9900001")), i -> {}))
        .isInstanceOf(CapabilityDeniedException.class)
        .hasMessageContaining("rsa");
    assertThatThrownBy(
            () ->
                t5.batch()
                    .finalite(Finalite.of(FinaliteCode.INSTRUCTION_RSA))
                    .tabs(Tab.LOGEMENT)
                    .run(Stream.of(NumeroAllocataire.of("9900001")), i -> {}))
        .isInstanceOf(CapabilityDeniedException.class);
    assertThatThrownBy(() -> t5.batch().tabs(Tab.LOGEMENT).run(Stream.empty(), i -> {}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("finalité");
    assertThatThrownBy(() -> t5.batch().concurrency(0)).isInstanceOf(InvalidInputException.class);
    assertThat(REQUESTS.get()).isEqualTo(before);
  }

  @Test
  void runNumeros_whenAMalformedNumeroIsInTheInput_stopsWithoutQuotingIt() {
    CafContext t1 = caf("T1", CafCode.of("751"));
    assertThatThrownBy(
            () ->
                t1.batch()
                    .finalite(Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL))
                    .tabs(Tab.SYNTHESE)
                    .concurrency(1)
                    .runNumeros(Stream.of("99000x1"), i -> {}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("99000x1");
  }
}
