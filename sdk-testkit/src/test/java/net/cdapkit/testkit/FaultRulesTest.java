package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fault rules on their own, without HTTP: which requests a rule fires on. */
class FaultRulesTest {
  private final Faults faults = new Faults(7L);

  private List<String> decisions(Operation op, int requests) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      Faults.Decision d = faults.decide(op);
      out.add(d.fault() == null ? d.delayMillis() + "ms" : d.fault().toString());
    }
    return out;
  }

  @Test
  void next_whenCountGiven_firesOnTheNextRequestsOnlyThenStops() {
    Faults.Rule rule = faults.on(Operation.TAB_SYNTHESE).next(2).inject(Fault.http(503));

    List<String> d = decisions(Operation.TAB_SYNTHESE, 4);

    assertThat(d)
        .containsExactly(
            "Fault[http 503 50003, before effect]",
            "Fault[http 503 50003, before effect]",
            "0ms",
            "0ms");
    assertThat(rule.injected()).isEqualTo(2);
    assertThat(faults.injected()).isEqualTo(2);
    assertThat(faults.injected(Operation.TAB_SYNTHESE)).isEqualTo(2);
  }

  @Test
  void skip_whenGiven_letsTheFirstRequestsThrough() {
    faults.on(Operation.LOOKUP_DOSSIER).skip(2).next(1).inject(Fault.connectionReset());

    assertThat(decisions(Operation.LOOKUP_DOSSIER, 4))
        .containsExactly("0ms", "0ms", "Fault[connection_reset, before effect]", "0ms");
  }

  @Test
  void on_whenAnotherOperation_doesNotFire() {
    faults.on(Operation.TAB_PAIEMENTS).always().inject(Fault.http(500));

    assertThat(faults.decide(Operation.TAB_DROITS)).isEqualTo(Faults.Decision.NONE);
    assertThat(faults.injected()).isZero();
  }

  @Test
  void always_whenGlobal_firesOnEveryOperation() {
    faults.always().inject(Fault.tokenExpired());

    for (Operation op : Operation.values()) {
      assertThat(faults.decide(op).fault()).isEqualTo(Fault.tokenExpired());
    }
    assertThat(faults.injected()).isEqualTo(Operation.values().length);
  }

  @Test
  void decide_whenTwoFaultsMatch_firstWinsAndTheSecondKeepsItsBudget() {
    faults.on(Operation.HELP).next(1).inject(Fault.http(502));
    Faults.Rule second = faults.on(Operation.HELP).next(1).inject(Fault.http(504));

    assertThat(faults.decide(Operation.HELP).fault()).isEqualTo(Fault.http(502));
    assertThat(second.injected()).isZero();
    assertThat(faults.decide(Operation.HELP).fault()).isEqualTo(Fault.http(504));
  }

  @Test
  void decide_whenDelaysAndAFaultMatch_delaysAddUpAndTheFaultApplies() {
    faults.always().inject(Fault.delay(Duration.ofMillis(30)));
    faults.on(Operation.HELP).inject(Fault.delay(Duration.ofMillis(12)));
    faults.on(Operation.HELP).inject(Fault.malformedJson());

    Faults.Decision d = faults.decide(Operation.HELP);

    assertThat(d.delayMillis()).isEqualTo(42);
    assertThat(d.fault()).isEqualTo(Fault.malformedJson());
    assertThat(faults.injected()).isEqualTo(3);
  }

  @Test
  void rate_whenSeeded_isDeterministicAndNearTheRate() {
    Faults a = new Faults(42L);
    Faults b = new Faults(42L);
    a.on(Operation.TAB_PAIEMENTS).rate(0.1).inject(Fault.http(503));
    b.on(Operation.TAB_PAIEMENTS).rate(0.1).inject(Fault.http(503));
    StringBuilder sa = new StringBuilder();
    StringBuilder sb = new StringBuilder();

    for (int i = 0; i < 2000; i++) {
      sa.append(a.decide(Operation.TAB_PAIEMENTS).fault() == null ? '.' : 'X');
      sb.append(b.decide(Operation.TAB_PAIEMENTS).fault() == null ? '.' : 'X');
    }

    assertThat(sa.toString()).isEqualTo(sb.toString());
    assertThat(a.injected()).isBetween(140, 260);
  }

  @Test
  void randomDelay_whenSeeded_drawsTheSameDelaysWithinBounds() {
    Faults a = new Faults(3L);
    Faults b = new Faults(3L);
    Fault f = Fault.randomDelay(Duration.ofMillis(5), Duration.ofMillis(25));
    a.always().inject(f);
    b.always().inject(f);

    for (int i = 0; i < 200; i++) {
      long da = a.decide(Operation.HELP).delayMillis();
      assertThat(da).isBetween(5L, 25L).isEqualTo(b.decide(Operation.HELP).delayMillis());
    }
  }

  @Test
  void reset_removesRulesZeroesCountsAndReplaysTheSameSequence() {
    faults.rate(0.5).inject(Fault.http(500));
    List<String> first = decisions(Operation.HELP, 20);

    faults.reset();
    assertThat(faults.rules()).isEmpty();
    assertThat(faults.injected()).isZero();
    faults.rate(0.5).inject(Fault.http(500));

    assertThat(decisions(Operation.HELP, 20)).isEqualTo(first);
  }

  @Test
  void remove_whenCalled_stopsTheRule() {
    Faults.Rule rule = faults.always().inject(Fault.http(500));
    faults.decide(Operation.HELP);

    rule.remove();

    assertThat(faults.decide(Operation.HELP)).isEqualTo(Faults.Decision.NONE);
    assertThat(rule.injected()).isEqualTo(1);
    assertThat(rule.toString()).contains("everywhere", "injected 1");
  }

  @Test
  void decide_whenManyThreads_firesExactlyTheBudget() throws InterruptedException {
    faults.on(Operation.TAB_RSA).next(100).inject(Fault.http(503));
    AtomicInteger fired = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);

    for (int i = 0; i < 400; i++) {
      pool.execute(
          () -> {
            if (faults.decide(Operation.TAB_RSA).fault() != null) {
              fired.incrementAndGet();
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(fired.get()).isEqualTo(100);
    assertThat(faults.injected()).isEqualTo(100);
  }

  @Test
  void fault_whenInvalid_failsNamingTheArgument() {
    assertThatThrownBy(() -> Fault.http(418)).hasMessageContaining("429, 500, 502, 503 or 504");
    assertThatThrownBy(() -> Fault.tooManyRequests(-1)).hasMessageContaining("retryAfterSeconds");
    assertThatThrownBy(() -> Fault.randomDelay(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("max");
    assertThatThrownBy(() -> faults.on(Operation.HELP).rate(1.5))
        .hasMessageContaining("probability");
    assertThatThrownBy(() -> faults.on(Operation.HELP).next(0)).hasMessageContaining("count");
  }

  @Test
  void afterEffect_onlyChangesAnswerReplacingFaults() {
    assertThat(Fault.http(503).isAfterEffect()).isFalse();
    assertThat(Fault.http(503).afterEffect().isAfterEffect()).isTrue();
    assertThat(Fault.connectionReset().afterEffect().toString()).contains("after effect");
    assertThat(Fault.malformedJson().isAfterEffect()).isTrue();
    assertThat(Fault.delay(Duration.ofMillis(1)).afterEffect())
        .isEqualTo(Fault.delay(Duration.ofMillis(1)));
  }
}
