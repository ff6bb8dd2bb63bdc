package net.cdapkit.internal.http;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.error.RateLimitedException;
import net.cdapkit.error.ServerException;
import net.cdapkit.error.TransportException;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * The "pacing" and "attempts and retries" stages of the call pipeline, and "size limit": sends one
 * exchange, taking a permit of the session's rate limit before every attempt, retrying transient
 * failures within the call's deadline, reading the body bounded, and mapping every failure to the
 * SDK's exception types. Not API.
 *
 * <p>One engine serves blocking and asynchronous calls: the loop is written once over {@link
 * CompletableFuture}s; a blocking exchange executes each attempt and sleeps each wait on the
 * calling thread, so its futures are already complete when returned, and an asynchronous one
 * enqueues its attempts on OkHttp's dispatcher and schedules its waits.
 *
 * <p>Logs one DEBUG line per attempt with the operation name, status, duration and request id only:
 * never a URL, header value or body, which may carry personal data or secrets. Failures are thrown,
 * not logged (the caller decides).
 */
public final class ApiCaller {
  private static final Logger LOG = LoggerFactory.getLogger("net.cdapkit.http");
  private static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);

  private final RetrySettings retry;
  private final long maxResponseBytes;
  private final Timing timing;
  private final Logger log;
  private final String baseUrl;

  public ApiCaller(RetrySettings retry, long maxResponseBytes, String baseUrl) {
    this(retry, maxResponseBytes, Timing.SYSTEM, LOG, baseUrl);
  }

  ApiCaller(RetrySettings retry, long maxResponseBytes, Timing timing, Logger log) {
    this(retry, maxResponseBytes, timing, log, "http://127.0.0.1/api/v1/");
  }

  ApiCaller(RetrySettings retry, long maxResponseBytes, Timing timing, Logger log, String baseUrl) {
    this.retry = retry;
    this.maxResponseBytes = maxResponseBytes;
    this.timing = timing;
    this.log = log;
    this.baseUrl = baseUrl;
  }

  /** The pipeline's clock. */
  public Timing timing() {
    return timing;
  }

  /** The deadline of a call starting now with {@code budget} (the policy's when null). */
  public long deadline(Duration budget) {
    return Saturating.add(
        timing.nanoTime(), Saturating.nanos(budget != null ? budget : retry.budget()));
  }

  /** Blocking: executes with the policy's budget from now and no pacing. */
  public Exchange execute(Call<ResponseBody> call, CallContext context) {
    return execute(call, context, null);
  }

  /**
   * Blocking: executes with the policy's budget from now, taking a permit of {@code limiter} (when
   * not null) before every attempt.
   *
   * @throws CdapException for every failure, typed
   */
  public Exchange execute(Call<ResponseBody> call, CallContext context, TokenBucket limiter) {
    return Futures.join(
        exchange(call, context, limiter, deadline(null), null, AttemptObserver.NONE));
  }

  /**
   * Runs the attempts of one exchange until {@code deadline} (as {@link Timing#nanoTime()}).
   *
   * <p>No attempt outlives the deadline: each is given the smaller of its own timeout and the time
   * left, and a backoff or a permit that would end past it is not waited for. A call therefore ends
   * within min(budget, attempts × attempt timeout + waits), give or take decoding.
   *
   * @param async null for a blocking exchange (every step runs on the calling thread), otherwise
   *     the executor that continues after a scheduled wait
   * @return a future that completes with the exchange or exceptionally with a typed {@link
   *     CdapException}; when an earlier attempt's outcome is unknown and the last failure is not,
   *     the earlier one is attached as suppressed (see {@link #mayHaveTakenEffect})
   */
  public CompletableFuture<Exchange> exchange(
      Call<ResponseBody> call,
      CallContext context,
      TokenBucket limiter,
      long deadline,
      Executor async,
      AttemptObserver observer) {
    Loop loop = new Loop(call, context, limiter, deadline, async, observer);
    observer.cancellable(loop::cancel);
    return loop.next();
  }

  /** The attempts of one exchange. Its steps run one after the other, never concurrently. */
  private final class Loop {
    private final Call<ResponseBody> call;
    private final CallContext context;
    private final TokenBucket limiter;
    private final long deadline;
    private final Executor async;
    private final AttemptObserver observer;
    private int attempt;
    private CdapException last;
    private CdapException ambiguous;
    private volatile Call<ResponseBody> current;
    private volatile boolean cancelled;

    Loop(
        Call<ResponseBody> call,
        CallContext context,
        TokenBucket limiter,
        long deadline,
        Executor async,
        AttemptObserver observer) {
      this.call = call;
      this.context = context;
      this.limiter = limiter;
      this.deadline = deadline;
      this.async = async;
      this.observer = observer;
    }

    void cancel() {
      cancelled = true;
      Call<ResponseBody> c = current;
      if (c != null) {
        c.cancel();
      }
    }

    /** Stage "pacing": a permit before every attempt, retries included. */
    CompletableFuture<Exchange> next() {
      long remaining = deadline - timing.nanoTime();
      if (remaining <= 0 || cancelled) {
        return fail(last != null ? last : budgetExhausted());
      }
      long wait = 0;
      if (limiter != null) {
        wait = limiter.reserve(remaining);
        if (wait < 0) {
          // A retry the pacing cannot fit in the budget: the server's failure is the news.
          return fail(last != null ? last : paced());
        }
        if (wait > 0) {
          observer.pacingWait(wait);
          if (log.isDebugEnabled()) {
            log.debug(
                "cdap {} paced {} ms by the client-side rate limit (attempt {})",
                context.operation(),
                wait / 1_000_000,
                attempt + 1);
          }
        }
      }
      return delay(wait, last).thenCompose(ignored -> send());
    }

    /** Stage "attempts": one attempt, then the decision to retry. */
    private CompletableFuture<Exchange> send() {
      long remaining = deadline - timing.nanoTime();
      if (remaining <= 0 || cancelled) {
        return fail(last != null ? last : budgetExhausted());
      }
      attempt++;
      Call<ResponseBody> c = attempt == 1 ? call : call.clone();
      current = c;
      long own =
          context.timeout() != null
              ? Saturating.nanos(context.timeout())
              : c.timeout().timeoutNanos(); // the client's call timeout; 0 means none
      c.timeout().timeout(own == 0 ? remaining : Math.min(own, remaining), NANOSECONDS);
      observer.attemptStart(attempt, c.request().tag(CallTag.class));
      long started = timing.nanoTime();
      if (async == null) {
        try {
          return settle(c, c.execute(), null, started);
        } catch (IOException | RuntimeException e) {
          return settle(c, null, e, started);
        }
      }
      CompletableFuture<Exchange> result = new CompletableFuture<>();
      c.enqueue(
          new Callback<ResponseBody>() {
            @Override
            public void onResponse(Call<ResponseBody> ignored, Response<ResponseBody> response) {
              relay(settle(c, response, null, started), result);
            }

            @Override
            public void onFailure(Call<ResponseBody> ignored, Throwable t) {
              relay(settle(c, null, t, started), result);
            }
          });
      return result;
    }

    /** What an attempt's response or failure means: the exchange, a retry, or the failure. */
    private CompletableFuture<Exchange> settle(
        Call<ResponseBody> c, Response<ResponseBody> response, Throwable thrown, long started) {
      CdapException failure;
      java.time.Duration retryAfter = null;
      int status = 0;
      String requestId = null;
      try {
        if (response != null) {
          status = response.code();
          requestId = Responses.requestId(response);
          logAttempt(status, started, requestId);
          if (response.isSuccessful()) {
            Exchange exchange =
                Responses.read(response, requestId, attempt, maxResponseBytes, context);
            observer.attemptEnd(attempt, status, timing.nanoTime() - started, null, requestId);
            return CompletableFuture.completedFuture(exchange);
          }
          retryAfter = retryAfterOf(response);
          failure = Responses.mapError(response, requestId, attempt, context, retryAfter, baseUrl);
        } else {
          throw thrown;
        }
      } catch (CdapException e) {
        observer.attemptEnd(attempt, status, timing.nanoTime() - started, e, requestId);
        return fail(e);
      } catch (ResponseSizeLimit.TooLargeException e) {
        CdapException tooLarge = tooLarge(e, requestId);
        observer.attemptEnd(attempt, status, timing.nanoTime() - started, tooLarge, requestId);
        return fail(tooLarge);
      } catch (IOException e) {
        failure = transportFailure(e, c, started);
      } catch (Throwable e) {
        // OkHttp and Retrofit do not throw these for network conditions; surface them typed
        // so that no caller ever sees an untyped failure from the SDK.
        failure =
            new TransportException(
                "Unexpected failure while calling " + context.operation(), null, attempt, e);
      }
      observer.attemptEnd(attempt, status, timing.nanoTime() - started, failure, requestId);
      if (ambiguous == null && mayHaveTakenEffect(failure)) {
        ambiguous = failure;
      }
      last = failure;
      if (cancelled || !shouldRetry(failure)) {
        return fail(failure);
      }
      java.time.Duration wait = backoff(retryAfter);
      long left = deadline - timing.nanoTime();
      if (wait.compareTo(java.time.Duration.ofNanos(Math.max(0, left))) >= 0) {
        if (log.isDebugEnabled()) {
          log.debug(
              "cdap {} gives up after attempt {}: a wait of {} ms would pass the time budget",
              context.operation(),
              attempt,
              wait.toMillis());
        }
        return fail(failure);
      }
      if (log.isDebugEnabled()) {
        log.debug(
            "cdap {} retrying in {} ms (attempt {} of {} failed: {})",
            context.operation(),
            wait.toMillis(),
            attempt,
            retry.maxAttempts(),
            failure.getClass().getSimpleName());
      }
      observer.retryScheduled(attempt, failure, wait);
      return delay(wait.toNanos(), failure).thenCompose(ignored -> next());
    }

    /** Waits {@code nanos}: slept on a blocking exchange, scheduled on an asynchronous one. */
    private CompletableFuture<Void> delay(long nanos, CdapException pending) {
      if (nanos <= 0) {
        return NOW;
      }
      if (async != null) {
        return CompletableFuture.runAsync(
            () -> {}, CompletableFuture.delayedExecutor(nanos, NANOSECONDS, async));
      }
      try {
        timing.sleep(nanos);
        return NOW;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CompletableFuture.failedFuture(
            withEarlier(
                pending != null
                    ? pending
                    : new TransportException(
                        "Interrupted while waiting during " + context.operation(),
                        null,
                        attempt,
                        e),
                ambiguous));
      }
    }

    private CompletableFuture<Exchange> fail(CdapException failure) {
      return CompletableFuture.failedFuture(withEarlier(failure, ambiguous));
    }

    private CdapException budgetExhausted() {
      return new TransportException(
          (cancelled ? "Cancelled" : "Timed out: the time budget ran out")
              + " during "
              + context.operation(),
          null,
          attempt,
          null);
    }

    private CdapException paced() {
      return new RateLimitedException(
          "Client-side rate limit ("
              + limiter.permitsPerSecond()
              + "/s) would delay "
              + context.operation()
              + " past its time budget",
          "",
          null,
          null,
          attempt);
    }

    private boolean shouldRetry(CdapException failure) {
      if (!context.retryable() || attempt >= retry.maxAttempts()) {
        return false;
      }
      if (failure instanceof TransportException || failure instanceof RateLimitedException) {
        return true;
      }
      if (failure instanceof ServerException server) {
        int status = server.status();
        return status == 502 || status == 503 || status == 504;
      }
      return false;
    }

    /** Exponential backoff with full jitter; a server's Retry-After is a floor. */
    private java.time.Duration backoff(java.time.Duration retryAfter) {
      long cap = retry.maxBackoff().toMillis();
      long exp = retry.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
      long ceiling = Math.max(0, Math.min(cap, exp));
      long jittered = ceiling == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
      if (retryAfter != null && retryAfter.compareTo(java.time.Duration.ofMillis(jittered)) > 0) {
        return retryAfter;
      }
      return java.time.Duration.ofMillis(jittered);
    }

    private ProtocolException tooLarge(ResponseSizeLimit.TooLargeException e, String requestId) {
      return new ProtocolException(
          "Response for " + context.operation() + " exceeds " + e.maxBytes() + " bytes",
          requestId,
          attempt,
          null);
    }

    private TransportException transportFailure(IOException e, Call<ResponseBody> c, long started) {
      if (log.isDebugEnabled()) {
        log.debug(
            "cdap {} attempt {} failed: {} after {} ms",
            context.operation(),
            attempt,
            e.getClass().getSimpleName(),
            (timing.nanoTime() - started) / 1_000_000);
      }
      return new TransportException(
          Responses.transportMessage(e, context),
          c.request().header(CdapApi.REQUEST_ID),
          attempt,
          e);
    }

    private void logAttempt(int status, long startedNanos, String requestId) {
      if (log.isDebugEnabled()) {
        log.debug(
            "cdap {} -> {} in {} ms (attempt {}, request id {})",
            context.operation(),
            status,
            (timing.nanoTime() - startedNanos) / 1_000_000,
            attempt,
            requestId);
      }
    }
  }

  private static <T> void relay(CompletableFuture<T> from, CompletableFuture<T> to) {
    from.whenComplete(
        (value, error) -> {
          if (error != null) {
            to.completeExceptionally(Futures.unwrap(error));
          } else {
            to.complete(value);
          }
        });
  }

  /** The server's {@code Retry-After}, read where {@link NoHiddenRetry} may have moved it. */
  private java.time.Duration retryAfterOf(Response<ResponseBody> response) {
    String header = response.headers().get("Retry-After");
    if (header == null) {
      header = response.headers().get(NoHiddenRetry.MOVED_RETRY_AFTER);
    }
    return Responses.retryAfter(header, timing.now());
  }

  /** Decodes a JSON exchange, mapping every decoding failure to {@link ProtocolException}. */
  public static <T> T decode(Exchange exchange, Class<T> type, String operation) {
    return Responses.decode(exchange, type, operation);
  }

  /**
   * Whether a failed call may nevertheless have reached the server and acted: no answer, a 5xx
   * answer, an unreadable 2xx answer, or an earlier attempt of the same call that ended so. For an
   * operation with effects, such a failure means the outcome is unknown.
   */
  public static boolean mayHaveTakenEffect(CdapException failure) {
    if (failure instanceof TransportException || failure instanceof ProtocolException) {
      return true;
    }
    if (failure instanceof ServerException server && server.status() >= 500) {
      return true;
    }
    for (Throwable earlier : failure.getSuppressed()) {
      if (earlier instanceof CdapException e && mayHaveTakenEffect(e)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns {@code later} after attaching {@code earlier} to it when only the earlier failure says
   * the server may have acted: a replay after a token renewal or a new dossier lookup must not make
   * a send whose first attempt was lost look like a clean refusal.
   */
  public static CdapException carryAmbiguity(CdapException later, CdapException earlier) {
    if (later != earlier && mayHaveTakenEffect(earlier) && !mayHaveTakenEffect(later)) {
      later.addSuppressed(earlier);
    }
    return later;
  }

  private static CdapException withEarlier(CdapException failure, CdapException ambiguous) {
    if (ambiguous != null && ambiguous != failure && !mayHaveTakenEffect(failure)) {
      failure.addSuppressed(ambiguous);
    }
    return failure;
  }
}
