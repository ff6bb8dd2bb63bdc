package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.cdapkit.BatchProgress;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The simulator's optional enforcement of the rate it declares, and the SDK's pacing under it. */
class RateLimitEnforcementTest {
  private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

  @Test
  void enforced_thePartnerAccountGetsItsDeclaredBucket_thenA429WithRetryAfter() {
    TestClock clock = TestClock.at(START);
    try (CdapSimulator sim =
        CdapSimulator.builder().clock(clock).enforceRateLimit(5).build().start()) {
      SimClient client = new SimClient(sim);
      SimClient.Resp auth =
          client
              .post("auth/token")
              .json("{\"login\":\"demo-t1\",\"password\":\"" + CdapSimulator.DEMO_PASSWORD + "\"}")
              .send();
      assertThat(auth.at("session.debitMaxParSeconde")).isEqualTo(5.0);
      String token = auth.str("accessToken");

      for (int i = 0; i < 5; i++) {
        assertThat(client.get("aide/fiches").bearer(token).send().status()).isEqualTo(200);
      }
      SimClient.Resp refused = client.get("aide/fiches").bearer(token).send();

      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.str("errors.0.code")).isEqualTo("00429");
      assertThat(refused.header("Retry-After")).isEqualTo("1");
      // Another session of the same partner account shares the bucket; authentication itself
      // is not counted.
      String other = client.login("demo-t2");
      assertThat(client.get("aide/fiches").bearer(other).send().status()).isEqualTo(429);
      // A fifth of a second refills one request, and the refused ones were not counted.
      clock.advance(Duration.ofMillis(200));
      assertThat(client.get("aide/fiches").bearer(other).send().status()).isEqualTo(200);
      assertThat(client.get("aide/fiches").bearer(token).send().status()).isEqualTo(429);
      sim.assertConformance();
    }
  }

  /**
   * Two clients, as two processes of one partner would be, each pacing itself at the declared rate:
   * together they send twice the rate, and the simulator refuses the excess.
   */
  @Test
  void enforced_whenTwoSessionsOfOneAccountEachKeepToTheRate_catchesTheirSumWith429() {
    TestClock clock = TestClock.at(START);
    try (CdapSimulator sim =
        CdapSimulator.builder().clock(clock).enforceRateLimit(10).build().start()) {
      SimClient client = new SimClient(sim);
      String first = client.login("demo-t1");
      String second = client.login("demo-t3");
      int ok = 0;
      int refused = 0;
      // One simulated second in tenths: each session sends one request per tenth, 10 per second.
      for (int tenth = 0; tenth < 10; tenth++) {
        for (String token : List.of(first, second)) {
          int status = client.get("aide/fiches").bearer(token).send().status();
          if (status == 200) {
            ok++;
          } else if (status == 429) {
            refused++;
          }
        }
        clock.advance(Duration.ofMillis(100));
      }

      // A full bucket of 10, then 1 per tenth refilled: 19 of the 20 pass, never all of them.
      assertThat(refused).as("429 answers").isPositive();
      assertThat(ok).isLessThan(20).isGreaterThanOrEqualTo(10);
      // Each session alone kept to the rate: after a reset, one of them is never refused.
      sim.reset();
      String alone = client.login("demo-t1");
      for (int tenth = 0; tenth < 10; tenth++) {
        assertThat(client.get("aide/fiches").bearer(alone).send().status()).isEqualTo(200);
        clock.advance(Duration.ofMillis(100));
      }
    }
  }

  @Test
  void byDefault_declares20PerSecondAndRefusesNothing() {
    try (CdapSimulator sim = CdapSimulator.builder().build().start()) {
      SimClient client = new SimClient(sim);
      String token = client.login("demo-t1");
      for (int i = 0; i < 40; i++) {
        assertThat(client.get("aide/fiches").bearer(token).send().status()).isEqualTo(200);
      }
    }
  }

  @Test
  void enforceRateLimit_belowOne_isRefused() {
    assertThatThrownBy(() -> CdapSimulator.builder().enforceRateLimit(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The SDK's default pacing (the declared rate, a burst of half of it) against a server that
   * enforces exactly that rate: never refused, even with 16 requests in flight.
   */
  @Test
  void sdkDefaultPacing_againstTheEnforcedRate_isNeverRefused() {
    int rate = 50;
    try (CdapSimulator sim = CdapSimulator.builder().enforceRateLimit(rate).build().start()) {
      AtomicInteger refused = new AtomicInteger();
      AtomicInteger responses = new AtomicInteger();
      CdapClient client =
          CdapClient.builder()
              .baseUrl(sim.baseUrl())
              .credentials(CredentialsProvider.of("demo-t1", CdapSimulator.DEMO_PASSWORD))
              .okHttpClient(
                  new OkHttpClient.Builder()
                      .addNetworkInterceptor(
                          chain -> {
                            okhttp3.Response r = chain.proceed(chain.request());
                            responses.incrementAndGet();
                            if (r.code() == 429) {
                              refused.incrementAndGet();
                            }
                            return r;
                          })
                      .build())
              .build();
      CafCode caf = CafCode.of("751");
      List<NumeroAllocataire> numeros =
          sim.catalogue().dossiers().stream()
              .filter(d -> d.caf().equals(caf))
              .map(SyntheticDossier::numeroAllocataire)
              .collect(Collectors.toList());
      List<NumeroAllocataire> items =
          IntStream.range(0, 60)
              .mapToObj(i -> numeros.get(i % numeros.size()))
              .collect(Collectors.toList());

      BatchProgress done;
      try (CdapSession session = client.authenticate()) {
        done =
            session
                .selectCaf(caf)
                .batch()
                .finalite(Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL))
                .tabs(Tab.SYNTHESE)
                .concurrency(16)
                .run(items.stream(), item -> {});
      }

      assertThat(done.completed()).isEqualTo(60);
      assertThat(refused.get()).as("429 answers").isZero();
      // 120 requests after the authentication, paced: the first 25 at once, then 50 a second.
      assertThat(responses.get()).isEqualTo(1 + 120 + 1);
      assertThat(done.elapsed()).isGreaterThan(Duration.ofMillis(1_500));
    }
  }
}
