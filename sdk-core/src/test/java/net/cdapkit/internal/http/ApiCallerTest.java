package net.cdapkit.internal.http;

import static net.cdapkit.internal.http.FakeCall.error;
import static net.cdapkit.internal.http.FakeCall.fail;
import static net.cdapkit.internal.http.FakeCall.hang;
import static net.cdapkit.internal.http.FakeCall.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.ConflictException;
import net.cdapkit.error.NotFoundException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.error.RateLimitedException;
import net.cdapkit.error.ServerException;
import net.cdapkit.error.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retry rules, the time budget and the pacing of one logical call, on scripted attempts and a
 * fake clock: every wait is checked as the value asked for, never by measuring real time.
 */
class ApiCallerTest {
  private static final CallContext READ =
      new CallContext("tab.synthese", "T1", "tab synthese", true, null);
  private static final CallContext EFFECT_WITHOUT_KEY =
      new CallContext("logout", "T1", "logout", false, null);

  private final FakeTiming timing = new FakeTiming();
  private final RecordingLogger log = new RecordingLogger();

  private ApiCaller caller(int maxAttempts, Duration budget) {
    return new ApiCaller(
        new RetrySettings(maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(2), budget),
        16 * 1024,
        timing,
        log);
  }

  private ApiCaller caller() {
    return caller(3, Duration.ofSeconds(30));
  }

  @ParameterizedTest
  @CsvSource({
    "400, 00400",
    "401, 10001",
    "401, 10004",
    "401, 10005",
    "403, 20001",
    "403, 10002",
    "404, 37003",
    "404, 37004",
    "405, 00405",
    "409, 40901",
    "410, 00410",
    "413, 00413",
    "422, 00422"
  })
  void execute_whenAnyOther4xx_neverRetries(int status, String code) {
    FakeCall call = FakeCall.of(timing, error(status, code), json(200, "{}"));
    assertThatThrownBy(() -> caller().execute(call, READ))
        .isInstanceOfSatisfying(CdapException.class, e -> assertThat(e.attempts()).isOne())
        .isNotInstanceOf(RateLimitedException.class);
    assertThat(call.attempts()).isOne();
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void execute_maps4xxToTheirTypes() {
    assertThatThrownBy(() -> caller().execute(FakeCall.of(timing, error(401, "10004")), READ))
        .isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> caller().execute(FakeCall.of(timing, error(403, "20001")), READ))
        .isInstanceOf(CapabilityDeniedException.class);
    assertThatThrownBy(() -> caller().execute(FakeCall.of(timing, error(404, "37003")), READ))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> caller().execute(FakeCall.of(timing, error(409, "40901")), READ))
        .isInstanceOf(ConflictException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 503, 504})
  void execute_whenGatewayErrorThenSuccess_retries(int status) {
    FakeCall call = FakeCall.of(timing, error(status, "37999"), json(200, "{}"));
    Exchange exchange = caller().execute(call, READ);
    assertThat(exchange.attempts()).isEqualTo(2);
    assertThat(call.attempts()).isEqualTo(2);
  }

  @Test
  void execute_when500_doesNotRetry() {
    FakeCall call = FakeCall.of(timing, error(500, "50000"), json(200, "{}"));
    assertThatThrownBy(() -> caller().execute(call, READ)).isInstanceOf(ServerException.class);
    assertThat(call.attempts()).isOne();
  }

  @Test
  void execute_whenTransportKeepsFailing_stopsAtMaxAttemptsAndSaysHowMany() {
    FakeCall call =
        FakeCall.of(
            timing,
            fail(new ConnectException("refused")),
            fail(new ConnectException("refused")),
            fail(new ConnectException("refused")),
            json(200, "{}"));
    assertThatThrownBy(() -> caller().execute(call, READ))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.getMessage()).contains("tab.synthese");
            });
    assertThat(call.attempts()).isEqualTo(3);
    assertThat(timing.sleeps()).hasSize(2);
  }

  @Test
  void execute_whenNotRetryable_triesOnceWhateverTheFailure() {
    FakeCall call = FakeCall.of(timing, error(503, "50003"), json(204, ""));
    assertThatThrownBy(() -> caller().execute(call, EFFECT_WITHOUT_KEY))
        .isInstanceOf(ServerException.class);
    assertThat(call.attempts()).isOne();
  }

  @Test
  void execute_whenRateLimitedWithRetryAfterSeconds_waitsThatLong() {
    FakeCall call = FakeCall.of(timing, error(429, "00429", "Retry-After", "7"), json(200, "{}"));
    caller().execute(call, READ);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void execute_whenRateLimitedWithRetryAfterDate_waitsUntilThen() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            timing.now().plusSeconds(4).atOffset(ZoneOffset.UTC));
    FakeCall call = FakeCall.of(timing, error(429, "00429", "Retry-After", date), json(200, "{}"));
    caller().execute(call, READ);
    // The header has whole seconds: the wait ends within the second the server named.
    assertThat(timing.sleeps()).hasSize(1);
    assertThat(timing.sleeps().get(0)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(4));
  }

  @Test
  void execute_whenRetryAfterDateIsPast_retriesAfterTheUsualBackoff() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            timing.now().minusSeconds(30).atOffset(ZoneOffset.UTC));
    FakeCall call = FakeCall.of(timing, error(429, "00429", "Retry-After", date), json(200, "{}"));
    caller().execute(call, READ);
    assertThat(timing.sleeps().get(0)).isLessThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void execute_whenRetryAfterIsUnreadable_usesTheBackoff() {
    FakeCall call =
        FakeCall.of(timing, error(429, "00429", "Retry-After", "soon"), json(200, "{}"));
    caller().execute(call, READ);
    assertThat(timing.sleeps().get(0)).isLessThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void execute_whenRetryAfterPassesTheBudget_givesUpAtOnceWithTheServersDelay() {
    FakeCall call = FakeCall.of(timing, error(429, "00429", "Retry-After", "120"), json(200, "{}"));
    assertThatThrownBy(() -> caller().execute(call, READ))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
              assertThat(e.attempts()).isOne();
              assertThat(e.errorCode()).isEqualTo("00429");
            });
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void execute_whenRateLimitedEveryTime_reportsTheAttempts() {
    FakeCall call =
        FakeCall.of(
            timing,
            error(429, "00429", "Retry-After", "1"),
            error(429, "00429", "Retry-After", "1"),
            error(429, "00429", "Retry-After", "1"));
    assertThatThrownBy(() -> caller().execute(call, READ))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.attempts()).isEqualTo(3));
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void backoff_isExponentialWithFullJitterUnderTheCap() {
    // initial 100 ms, cap 2 s: ceilings 100, 200, 400, 800, 1600, 2000, 2000 ms.
    long[] ceilings = {100, 200, 400, 800, 1600, 2000, 2000};
    java.util.regex.Pattern waitLine =
        java.util.regex.Pattern.compile("retrying in (\\d+) ms \\(attempt (\\d+) of 8");
    for (int run = 0; run < 200; run++) {
      FakeTiming t = new FakeTiming();
      RecordingLogger runLog = new RecordingLogger();
      ApiCaller c =
          new ApiCaller(
              new RetrySettings(
                  8, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofDays(1)),
              1024,
              t,
              runLog);
      FakeCall.Step[] steps = new FakeCall.Step[8];
      for (int i = 0; i < 8; i++) {
        steps[i] = error(503, "50003");
      }
      assertThatThrownBy(() -> c.execute(FakeCall.of(t, steps), READ))
          .isInstanceOf(ServerException.class);
      int waits = 0;
      for (String line : runLog.lines()) {
        java.util.regex.Matcher m = waitLine.matcher(line);
        if (m.find()) {
          int attempt = Integer.parseInt(m.group(2));
          assertThat(Long.parseLong(m.group(1))).isBetween(0L, ceilings[attempt - 1]);
          waits++;
        }
      }
      assertThat(waits).isEqualTo(7);
    }
  }

  @Test
  void execute_givesEachAttemptTheSmallerOfItsTimeoutAndTheBudgetLeft() {
    // Client call timeout 60 s (FakeCall's default), budget 100 s: attempts hang until cut.
    ApiCaller c = caller(3, Duration.ofSeconds(100));
    long start = timing.nanoTime();
    FakeCall call = FakeCall.of(timing, hang(), hang(), hang());
    assertThatThrownBy(() -> c.execute(call, READ))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> assertThat(e.getMessage()).startsWith("Timed out during tab.synthese"));
    List<Duration> timeouts = call.timeoutsSet();
    assertThat(timeouts).hasSize(2);
    assertThat(timeouts.get(0)).isEqualTo(Duration.ofSeconds(60));
    assertThat(timeouts.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(40));
    assertThat(timing.elapsedSince(start)).isLessThanOrEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void execute_whenRequestHasItsOwnTimeout_usesItForEveryAttempt() {
    CallContext shortCall =
        new CallContext("dialogue", "T1", "action DIALOGUE", true, Duration.ofMillis(250));
    FakeCall call = FakeCall.of(timing, hang(), hang(), hang());
    long start = timing.nanoTime();
    assertThatThrownBy(() -> caller().execute(call, shortCall))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.attempts()).isEqualTo(3));
    assertThat(call.timeoutsSet()).containsOnly(Duration.ofMillis(250));
    // 3 attempts × 250 ms + two backoffs of at most 100 and 200 ms.
    assertThat(timing.elapsedSince(start)).isLessThanOrEqualTo(Duration.ofMillis(1050));
  }

  @Test
  void exchange_sharesOneDeadlineAcrossTheExchangesOfALogicalCall() {
    ApiCaller c = caller(1, Duration.ofSeconds(10));
    long start = timing.nanoTime();
    long deadline = c.deadline(null);
    FakeCall first =
        FakeCall.of(timing, FakeCall.slowFail(Duration.ofSeconds(7), new IOException("reset")));
    FakeCall second = FakeCall.of(timing, hang());
    assertThatThrownBy(
            () -> {
              try {
                Futures.join(c.exchange(first, READ, null, deadline, null, AttemptObserver.NONE));
              } catch (TransportException e) {
                // e.g. the replay after a renewal
                Futures.join(c.exchange(second, READ, null, deadline, null, AttemptObserver.NONE));
              }
            })
        .isInstanceOf(TransportException.class);
    assertThat(second.timeoutsSet()).containsExactly(Duration.ofSeconds(3));
    assertThat(timing.elapsedSince(start)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void exchange_whenDeadlinePassed_failsWithoutSendingIt() {
    ApiCaller c = caller(1, Duration.ofSeconds(5));
    FakeCall never = FakeCall.of(timing, json(200, "{}"));
    long deadline = c.deadline(null);
    timing.advance(Duration.ofSeconds(6));
    assertThatThrownBy(
            () -> Futures.join(c.exchange(never, READ, null, deadline, null, AttemptObserver.NONE)))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.getMessage()).contains("time budget ran out");
              assertThat(e.attempts()).isZero();
            });
    assertThat(never.attempts()).isZero();
  }

  @Test
  void execute_withPacing_takesAPermitForEveryAttemptIncludingRetries() {
    TokenBucket bucket = new TokenBucket(1000, 1000, timing);
    FakeCall call =
        FakeCall.of(timing, error(503, "50003"), fail(new IOException("reset")), json(200, "{}"));
    caller().execute(call, READ, bucket);
    assertThat(bucket.granted()).isEqualTo(3);
  }

  @Test
  void execute_withPacing_waitsForItsTurnWithinTheBudget() {
    TokenBucket bucket = new TokenBucket(2, 1, timing); // one permit now, then one per 500 ms
    caller().execute(FakeCall.of(timing, json(200, "{}")), READ, bucket);
    caller().execute(FakeCall.of(timing, json(200, "{}")), READ, bucket);
    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void execute_whenPacingWouldPassTheBudget_failsRateLimitedWithoutSending() {
    TokenBucket bucket = new TokenBucket(0.01, 1, timing); // one permit per 100 s
    caller().execute(FakeCall.of(timing, json(200, "{}")), READ, bucket);
    FakeCall second = FakeCall.of(timing, json(200, "{}"));
    assertThatThrownBy(() -> caller().execute(second, READ, bucket))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.attempts()).isZero();
              assertThat(e.getMessage()).contains("Client-side rate limit");
            });
    assertThat(second.attempts()).isZero();
    assertThat(bucket.granted()).isOne(); // the refused turn was not taken from others
  }

  @Test
  void mayHaveTakenEffect_isTrueOnlyWhenAnAttemptWentUnanswered() {
    ApiCaller c = caller();
    CdapException refusedAfterSilence =
        catching(
            () ->
                c.execute(
                    FakeCall.of(
                        timing,
                        fail(new IOException("reset")),
                        error(429, "00429", "Retry-After", "1"),
                        error(429, "00429", "Retry-After", "1")),
                    READ));
    assertThat(refusedAfterSilence).isInstanceOf(RateLimitedException.class);
    assertThat(ApiCaller.mayHaveTakenEffect(refusedAfterSilence)).isTrue();

    CdapException plainRefusal =
        catching(() -> c.execute(FakeCall.of(timing, error(400, "00400")), READ));
    assertThat(ApiCaller.mayHaveTakenEffect(plainRefusal)).isFalse();
    CdapException gateway =
        catching(() -> c.execute(FakeCall.of(timing, error(500, "50000")), READ));
    assertThat(ApiCaller.mayHaveTakenEffect(gateway)).isTrue();
  }

  @Test
  void execute_whenBodyTooLargeWhileReading_failsAsProtocolWithoutRetrying() {
    FakeCall call =
        FakeCall.of(timing, fail(new ResponseSizeLimit.TooLargeException(1024)), json(200, "{}"));
    assertThatThrownBy(() -> caller().execute(call, READ))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("exceeds 1024 bytes");
    assertThat(call.attempts()).isOne();
  }

  @Test
  void execute_logsEveryAttemptWithItsNumberAndNothingPersonal() {
    FakeCall call =
        FakeCall.of(
            timing, error(503, "50003"), fail(new IOException("9900001 reset")), json(200, "{}"));
    caller().execute(call, READ);
    List<String> lines = log.lines();
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).contains("tab.synthese -> 503").contains("attempt 1"))
        .anySatisfy(l -> assertThat(l).contains("retrying in").contains("attempt 1 of 3"))
        .anySatisfy(l -> assertThat(l).contains("attempt 2 failed: IOException"))
        .anySatisfy(l -> assertThat(l).contains("-> 200").contains("attempt 3"));
    assertThat(String.join("\n", lines))
        .doesNotContain("9900001")
        .doesNotContain("EXEMPLE")
        .doesNotContain("dos_abcdefgh")
        .doesNotContain("http://");
  }

  private static CdapException catching(Runnable r) {
    try {
      r.run();
    } catch (CdapException e) {
      return e;
    }
    throw new AssertionError("expected a CdapException");
  }
}
