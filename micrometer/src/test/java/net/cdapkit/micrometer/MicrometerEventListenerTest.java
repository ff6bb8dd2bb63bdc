package net.cdapkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.tck.MeterRegistryAssert;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.cdapkit.event.AttemptEnd;
import net.cdapkit.event.CallEnd;
import net.cdapkit.event.CallOutcome;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.event.DenialKind;
import net.cdapkit.event.RetryReason;
import net.cdapkit.testkit.TestCallInfo;
import org.junit.jupiter.api.Test;

class MicrometerEventListenerTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerEventListener listener = MicrometerEventListener.create(registry);

  private static AttemptEnd attempt(int n, int status, long millis, String error) {
    return new AttemptEnd(
        n,
        status,
        Duration.ofMillis(millis),
        Optional.ofNullable(error),
        Optional.of("req-" + n + "-" + status));
  }

  private static CallEnd end(CallOutcome outcome, int attempts, long millis, String error) {
    return new CallEnd(outcome, attempts, Duration.ofMillis(millis), Optional.ofNullable(error));
  }

  @Test
  void callEnd_whenCallSucceeded_recordsCallAndAttemptTimersTaggedByOperationOutcomeAndStatus() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.TAB_SYNTHESE);
    listener.callStart(call);
    listener.attemptEnd(call, attempt(1, 200, 12, null));
    listener.callEnd(call, end(CallOutcome.SUCCESS, 1, 15, null));

    MeterRegistryAssert.assertThat(registry)
        .hasTimerWithNameAndTags(
            MicrometerEventListener.CALLS,
            io.micrometer.core.instrument.Tags.of(
                "operation",
                "tab.synthese",
                "outcome",
                "success",
                "status.class",
                "2xx",
                "error",
                "none"))
        .hasTimerWithNameAndTags(
            MicrometerEventListener.ATTEMPTS,
            io.micrometer.core.instrument.Tags.of(
                "operation", "tab.synthese", "outcome", "success", "status.class", "2xx"));
    Timer calls = registry.get(MicrometerEventListener.CALLS).timer();
    assertThat(calls.count()).isEqualTo(1);
    assertThat(calls.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(15.0);
  }

  @Test
  void callEnd_whenRetriedAfter503_tagsTheCallWithTheLastStatusAndCountsTheRetry() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.DOSSIER_LOOKUP);
    listener.callStart(call);
    listener.attemptEnd(call, attempt(1, 503, 5, "ServerException"));
    listener.retryScheduled(call, 1, RetryReason.SERVER_ERROR, Duration.ofMillis(200));
    listener.attemptEnd(call, attempt(2, 200, 5, null));
    listener.callEnd(call, end(CallOutcome.SUCCESS, 2, 215, null));

    assertThat(
            registry
                .get(MicrometerEventListener.CALLS)
                .tag("status.class", "2xx")
                .tag("outcome", "success")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(MicrometerEventListener.ATTEMPTS)
                .tag("status.class", "5xx")
                .tag("outcome", "failure")
                .tag("error", "ServerException")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(MicrometerEventListener.RETRIES)
                .tag("operation", "dossier.lookup")
                .tag("reason", "server_error")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void attemptEnd_when429_countsTheRateLimitedAnswer() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.TAB_PAIEMENTS);
    listener.callStart(call);
    listener.attemptEnd(call, attempt(1, 429, 3, "RateLimitedException"));
    listener.retryScheduled(call, 1, RetryReason.RATE_LIMITED, Duration.ofSeconds(1));
    listener.attemptEnd(call, attempt(2, 429, 3, "RateLimitedException"));
    listener.callEnd(call, end(CallOutcome.FAILED, 2, 1010, "RateLimitedException"));

    assertThat(registry.get(MicrometerEventListener.RATE_LIMITED).counter().count()).isEqualTo(2.0);
    assertThat(
            registry
                .get(MicrometerEventListener.CALLS)
                .tags("outcome", "failed", "status.class", "4xx", "error", "RateLimitedException")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void denied_whenRefusedBeforeSending_countsByKindAndTimesTheCallWithoutStatus() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.TAB_RSA);
    listener.callStart(call);
    listener.denied(call, DenialKind.CAPABILITY);
    listener.callEnd(call, end(CallOutcome.DENIED, 0, 0, "CapabilityDeniedException"));

    assertThat(Meters.denials(registry, "tab.rsa", "capability")).isEqualTo(1.0);
    assertThat(
            registry
                .get(MicrometerEventListener.CALLS)
                .tags("outcome", "denied", "status.class", "none")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void denied_whenCafRefused_countsOneCafDenialOfTheCafSelection() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.CAF_SELECTION);
    listener.callStart(call);
    listener.denied(call, DenialKind.CAF);
    listener.callEnd(call, end(CallOutcome.DENIED, 0, 0, "CapabilityDeniedException"));

    assertThat(Meters.denials(registry, "caf.selection", "caf")).isEqualTo(1.0);
    assertThat(registry.find(MicrometerEventListener.DENIALS).counters()).hasSize(1);
    assertThat(
            registry
                .get(MicrometerEventListener.CALLS)
                .tags(
                    "operation",
                    "caf.selection",
                    "outcome",
                    "denied",
                    "status.class",
                    "none",
                    "error",
                    "CapabilityDeniedException")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(registry.find(MicrometerEventListener.ATTEMPTS).timers()).isEmpty();
    assertThat(registry.get(MicrometerEventListener.IN_FLIGHT).gauge().value()).isZero();
  }

  @Test
  void events_whenPacedRenewedAndUnknown_countEach() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.DIALOGUE);
    listener.callStart(call);
    listener.pacingWait(call, Duration.ofMillis(40));
    listener.tokenRenewal(call, Duration.ofMillis(30), true, false);
    listener.tokenRenewal(call, Duration.ofMillis(10), true, true);
    listener.attemptEnd(call, attempt(1, 0, 30_000, "TransportException"));
    listener.outcomeUnknown(call);
    listener.callEnd(call, end(CallOutcome.OUTCOME_UNKNOWN, 1, 30_050, "OutcomeUnknownException"));

    assertThat(registry.get(MicrometerEventListener.PACING_WAITS).counter().count()).isEqualTo(1.0);
    assertThat(
            registry
                .get(MicrometerEventListener.TOKEN_RENEWALS)
                .tags("result", "success", "joined", "false")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get(MicrometerEventListener.TOKEN_RENEWALS)
                .tags("result", "success", "joined", "true")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get(MicrometerEventListener.OUTCOME_UNKNOWN)
                .tag("operation", "dialogue")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get(MicrometerEventListener.ATTEMPTS)
                .tags("status.class", "none", "error", "TransportException")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void inFlightGauge_whenCallsStartAndEnd_followsThem() {
    TestCallInfo a = TestCallInfo.of(CdapOperation.TAB_DROITS);
    TestCallInfo b = TestCallInfo.of(CdapOperation.TAB_DROITS);
    listener.callStart(a);
    listener.callStart(b);
    assertThat(registry.get(MicrometerEventListener.IN_FLIGHT).gauge().value()).isEqualTo(2.0);

    listener.callEnd(a, end(CallOutcome.SUCCESS, 1, 1, null));
    assertThat(registry.get(MicrometerEventListener.IN_FLIGHT).gauge().value()).isEqualTo(1.0);
    listener.callEnd(b, end(CallOutcome.CANCELLED, 0, 1, "CancellationException"));
    assertThat(registry.get(MicrometerEventListener.IN_FLIGHT).gauge().value()).isZero();
  }

  @Test
  void attemptEnd_whenTwoCallsCarryEqualValues_keepsEachCallsOwnStatus() {
    TestCallInfo a = TestCallInfo.of(CdapOperation.TAB_LOGEMENT);
    TestCallInfo b = TestCallInfo.of(CdapOperation.TAB_LOGEMENT);
    assertThat(a).isNotSameAs(b); // same operation, profile and CAF: only identity tells them apart
    listener.callStart(a);
    listener.callStart(b);
    listener.attemptEnd(a, attempt(1, 200, 1, null));
    listener.attemptEnd(b, attempt(1, 404, 1, "NotFoundException"));
    listener.callEnd(a, end(CallOutcome.SUCCESS, 1, 1, null));
    listener.callEnd(b, end(CallOutcome.FAILED, 1, 1, "NotFoundException"));

    assertThat(
            registry.get(MicrometerEventListener.CALLS).tag("status.class", "2xx").timer().count())
        .isEqualTo(1);
    assertThat(
            registry.get(MicrometerEventListener.CALLS).tag("status.class", "4xx").timer().count())
        .isEqualTo(1);
  }

  @Test
  void callEnd_whenErrorTypeIsNotTheSdks_tagsItOther() {
    TestCallInfo call = TestCallInfo.of(CdapOperation.HELP);
    listener.callStart(call);
    listener.callEnd(call, end(CallOutcome.FAILED, 1, 1, "SomeCallerException9900001"));

    assertThat(registry.get(MicrometerEventListener.CALLS).tag("error", "other").timer().count())
        .isEqualTo(1);
  }

  /**
   * Every combination of operation, outcome, status, error, reason and kind once, then thousands of
   * random calls, each with its own request id, CAF and profile: no new series appears, and no tag
   * value comes from outside the fixed sets.
   */
  @Test
  void meters_whenManyCallsWithDistinctValues_stayBoundedAndCarryNoCallValue() {
    long seed = 20261130L;
    driveEveryCombination();
    int afterAllCombinations = registry.getMeters().size();
    drive(new Random(seed), 5_000);

    assertThat(registry.getMeters().size())
        .as("series after 5000 random calls, seed %d", seed)
        .isEqualTo(afterAllCombinations);
    Map<String, Set<String>> allowed =
        Map.of(
            "operation", tagNames(),
            "outcome",
                Set.of("success", "failure", "denied", "failed", "outcome_unknown", "cancelled"),
            "status.class", Set.of("none", "1xx", "2xx", "3xx", "4xx", "5xx"),
            "reason",
                Set.of(
                    "rate_limited",
                    "server_error",
                    "transport",
                    "token_expired",
                    "reference_expired"),
            "kind", Set.of("capability", "finalite", "caf", "usage_guard", "invalid_input"),
            "result", Set.of("success", "failure"),
            "joined", Set.of("true", "false"),
            "error",
                Set.of(
                    "none", "other", "ServerException", "TransportException", "NotFoundException"));
    for (Meter meter : registry.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        assertThat(allowed).containsKey(tag.getKey());
        assertThat(allowed.get(tag.getKey())).contains(tag.getValue());
      }
    }
  }

  private static final int[] STATUSES = {0, 200, 201, 400, 401, 403, 404, 409, 429, 500, 502, 503};
  private static final String[] ERRORS = {
    null, "ServerException", "TransportException", "NotFoundException", "CallerException", "Boom"
  };

  private void driveEveryCombination() {
    for (CdapOperation op : CdapOperation.values()) {
      for (CallOutcome outcome : CallOutcome.values()) {
        for (int status : STATUSES) {
          for (String error : ERRORS) {
            TestCallInfo call = TestCallInfo.of(op);
            listener.callStart(call);
            listener.attemptEnd(call, attempt(1, status, 1, error));
            listener.callEnd(call, end(outcome, 1, 1, error));
          }
        }
      }
      TestCallInfo call = TestCallInfo.of(op);
      listener.callStart(call);
      for (RetryReason reason : RetryReason.values()) {
        listener.retryScheduled(call, 1, reason, Duration.ZERO);
      }
      for (DenialKind kind : DenialKind.values()) {
        listener.denied(call, kind);
      }
      for (boolean succeeded : new boolean[] {true, false}) {
        listener.tokenRenewal(call, Duration.ZERO, succeeded, true);
        listener.tokenRenewal(call, Duration.ZERO, succeeded, false);
      }
      listener.pacingWait(call, Duration.ZERO);
      listener.outcomeUnknown(call);
      listener.callEnd(call, end(CallOutcome.SUCCESS, 1, 1, null));
    }
  }

  private void drive(Random random, int calls) {
    CdapOperation[] operations = CdapOperation.values();
    CallOutcome[] outcomes = CallOutcome.values();
    RetryReason[] reasons = RetryReason.values();
    DenialKind[] kinds = DenialKind.values();
    int[] statuses = {0, 200, 201, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504};
    String[] errors = {
      null,
      "ServerException",
      "TransportException",
      "NotFoundException",
      "CallerException",
      "Boom" // unknown names must collapse to "other"
    };
    for (int i = 0; i < calls; i++) {
      TestCallInfo call =
          TestCallInfo.of(
              operations[random.nextInt(operations.length)],
              "T" + (1 + random.nextInt(5)),
              String.format("%03d", random.nextInt(1000)),
              random.nextBoolean());
      listener.callStart(call);
      if (random.nextInt(10) == 0) {
        listener.denied(call, kinds[random.nextInt(kinds.length)]);
      }
      int attempts = 1 + random.nextInt(3);
      for (int a = 1; a <= attempts; a++) {
        int status = statuses[random.nextInt(statuses.length)];
        String numero = "99" + (10000 + random.nextInt(89999));
        listener.attemptEnd(
            call,
            new AttemptEnd(
                a,
                status,
                Duration.ofMillis(random.nextInt(100)),
                Optional.ofNullable(errors[random.nextInt(errors.length)]),
                Optional.of("req-" + numero + "-" + i)));
        if (a < attempts) {
          listener.retryScheduled(
              call, a, reasons[random.nextInt(reasons.length)], Duration.ofMillis(10));
        }
      }
      listener.tokenRenewal(call, Duration.ZERO, random.nextBoolean(), random.nextBoolean());
      listener.callEnd(
          call,
          end(
              outcomes[random.nextInt(outcomes.length)],
              attempts,
              random.nextInt(500),
              errors[random.nextInt(errors.length)]));
    }
  }

  private static Set<String> tagNames() {
    Set<String> names = new HashSet<>();
    for (CdapOperation op : CdapOperation.values()) {
      names.add(op.tagName());
    }
    return names;
  }
}
