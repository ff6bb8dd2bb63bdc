package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.cdapkit.AsyncDossier;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.Dossier;
import net.cdapkit.Periode;
import net.cdapkit.RateLimit;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Synthese;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The asynchronous read API gives what the blocking one gives, without a thread per call. */
class AsyncDossierIntegrationTest {
  private static final TestClock CLOCK = TestClock.startingNow();
  private static CdapSimulator simulator;
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static CdapClient client;

  @BeforeAll
  static void start() {
    simulator =
        CdapSimulator.builder().clock(CLOCK).tokenLifetime(Duration.ofMinutes(30)).build().start();
    client =
        CdapClient.builder()
            .baseUrl(simulator.baseUrl())
            .credentials(CredentialsProvider.of("demo-t1", "demo-password"))
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

  @BeforeEach
  void reset() {
    simulator.reset();
  }

  private static Dossier demo(CdapSession session) {
    return session
        .selectCaf("751")
        .consultDossier("9900001", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL));
  }

  @Test
  void everyRead_givesWhatTheBlockingCallGives() {
    Dossier d = demo(client.authenticate());
    AsyncDossier a = d.async();
    assertThat(AsyncDossier.join(a.synthese())).isEqualTo(d.synthese());
    assertThat(AsyncDossier.join(a.resume())).isEqualTo(d.resume());
    assertThat(AsyncDossier.join(a.droits())).isEqualTo(d.droits());
    assertThat(AsyncDossier.join(a.compositionFamille())).isEqualTo(d.compositionFamille());
    assertThat(AsyncDossier.join(a.ressources())).isEqualTo(d.ressources());
    assertThat(AsyncDossier.join(a.rsa())).isEqualTo(d.rsa());
    assertThat(AsyncDossier.join(a.logement())).isEqualTo(d.logement());
    assertThat(AsyncDossier.join(a.creances())).isEqualTo(d.creances());
    assertThat(AsyncDossier.join(a.paiements(Periode.all())).toList())
        .isEqualTo(d.paiements().toList());
    assertThat(AsyncDossier.join(a.courriers(Periode.all())).toList())
        .isEqualTo(d.courriers().toList());
  }

  @Test
  void manyConcurrentReads_completeOnTheDispatcherWithoutAThreadEach() {
    Dossier d = demo(client.authenticate());
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<CompletableFuture<Synthese>> futures = new ArrayList<>();
    int before = Thread.activeCount();
    for (int i = 0; i < 200; i++) {
      futures.add(
          d.async()
              .synthese()
              .whenComplete((s, e) -> threads.add(Thread.currentThread().getName())));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    assertThat(futures).allMatch(f -> f.join().caf().value().equals("751"));
    // OkHttp runs at most five calls per host at once: a handful of dispatcher threads served all.
    assertThat(threads).hasSizeLessThanOrEqualTo(16);
    assertThat(Thread.activeCount() - before).isLessThan(50);
  }

  @Test
  void read_whenTabOutsideProfile_failsTheFutureWithoutARequest() {
    Dossier d =
        client
            .authenticate(CredentialsProvider.of("demo-t5", "demo-password"))
            .selectCaf("751")
            .consultDossier("9900001", Finalite.of(FinaliteCode.GESTION_LOCATIVE));
    int before = REQUESTS.get();
    CompletableFuture<?> rsa = d.async().rsa();
    assertThat(rsa).isCompletedExceptionally();
    assertThatThrownBy(rsa::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(CapabilityDeniedException.class);
    assertThatThrownBy(() -> AsyncDossier.join(d.async().courriers(Periode.all())))
        .isInstanceOf(CapabilityDeniedException.class);
    assertThat(REQUESTS.get()).isEqualTo(before);
  }

  @Test
  void read_whenTheServerExpiredTheToken_renewsLooksUpAgainAndSucceeds() {
    CdapSession session = client.authenticate();
    Dossier d = demo(session);
    int authentications = simulator.authentications();
    CLOCK.advance(Duration.ofMinutes(31));
    assertThat(AsyncDossier.join(d.async().synthese()).caf().value()).isEqualTo("751");
    assertThat(simulator.authentications()).isEqualTo(authentications + 1);
  }
}
