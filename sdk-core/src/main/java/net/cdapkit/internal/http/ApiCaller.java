package net.cdapkit.internal.http;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.ConflictException;
import net.cdapkit.error.NotFoundException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.error.RateLimitedException;
import net.cdapkit.error.ServerException;
import net.cdapkit.error.TransportException;
import net.cdapkit.internal.json.CdapJson;
import net.cdapkit.internal.json.ErrorBody;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Sends one logical call: attempts, backoff, bounded reading, and the mapping of every failure to
 * the SDK's exception types. Not API.
 *
 * <p>Logs one DEBUG line per attempt with the operation name, status, duration and request id only:
 * never a URL, header value or body, which may carry personal data or secrets. Failures are thrown,
 * not logged (the caller decides).
 */
public final class ApiCaller {
  private static final Logger LOG = LoggerFactory.getLogger("net.cdapkit.http");
  private static final JsonAdapter<ErrorBody> ERROR_ADAPTER =
      CdapJson.moshi().adapter(ErrorBody.class);

  private final RetrySettings retry;
  private final long maxResponseBytes;
  private final Timing timing;
  private final Logger log;

  /** The deadline of the logical call running on this thread, when one is open. */
  private final ThreadLocal<long[]> scope = new ThreadLocal<>();

  public ApiCaller(RetrySettings retry, long maxResponseBytes) {
    this(retry, maxResponseBytes, Timing.SYSTEM, LOG);
  }

  ApiCaller(RetrySettings retry, long maxResponseBytes, Timing timing, Logger log) {
    this.retry = retry;
    this.maxResponseBytes = maxResponseBytes;
    this.timing = timing;
    this.log = log;
  }

  /**
   * Runs one logical call, whose every HTTP exchange (the call itself, a token renewal, a replay, a
   * new dossier lookup) shares one time budget: {@link RetrySettings#budget()} from now. Nested
   * uses join the outer budget. Without it, each {@link #execute} has a budget of its own.
   */
  public <T> T withinBudget(Supplier<T> body) {
    if (scope.get() != null) {
      return body.get();
    }
    scope.set(new long[] {timing.nanoTime() + retry.budget().toNanos()});
    try {
      return body.get();
    } finally {
      scope.remove();
    }
  }

  /**
   * Executes the call, retrying when the context allows it and the failure is transient.
   *
   * @throws CdapException for every failure, typed
   */
  public Exchange execute(Call<ResponseBody> call, CallContext context) {
    return execute(call, context, null);
  }

  /**
   * Executes the call, taking a permit of {@code limiter} (when not null) before every attempt,
   * retries included, and retrying when the context allows it and the failure is transient.
   *
   * <p>No attempt outlives the budget: each is given the smaller of its own timeout and the time
   * left, and a backoff or a permit that would end past the budget is not waited for. So a call
   * ends within min(budget, attempts × attempt timeout + backoffs), give or take decoding.
   *
   * @throws CdapException for every failure, typed; when an earlier attempt's outcome is unknown
   *     and the last failure is not, the earlier one is attached as suppressed (see {@link
   *     #mayHaveTakenEffect})
   */
  public Exchange execute(Call<ResponseBody> call, CallContext context, TokenBucket limiter) {
    long[] open = scope.get();
    long deadline = open != null ? open[0] : timing.nanoTime() + retry.budget().toNanos();
    CdapException ambiguous = null;
    CdapException last = null;
    int attempt = 0;
    while (true) {
      long remaining = deadline - timing.nanoTime();
      if (remaining <= 0) {
        throw withEarlier(last != null ? last : budgetExhausted(context, attempt), ambiguous);
      }
      if (limiter != null) {
        long waited = acquire(limiter, remaining, context, attempt, last, ambiguous);
        if (waited > 0) {
          remaining = deadline - timing.nanoTime();
          if (remaining <= 0) {
            throw withEarlier(last != null ? last : budgetExhausted(context, attempt), ambiguous);
          }
        }
      }
      attempt++;
      Call<ResponseBody> current = attempt == 1 ? call : call.clone();
      long own =
          context.timeout() != null
              ? context.timeout().toNanos()
              : current.timeout().timeoutNanos(); // the client's call timeout; 0 means none
      current.timeout().timeout(own == 0 ? remaining : Math.min(own, remaining), NANOSECONDS);
      long started = timing.nanoTime();
      CdapException failure;
      Duration retryAfter = null;
      try {
        Response<ResponseBody> response = current.execute();
        String requestId = requestId(response);
        logAttempt(context, attempt, response.code(), started, requestId);
        if (response.isSuccessful()) {
          return read(response, requestId, attempt, context);
        }
        retryAfter = retryAfterOf(response);
        failure = mapError(response, requestId, attempt, context, retryAfter);
      } catch (CdapException e) {
        throw withEarlier(e, ambiguous);
      } catch (ResponseSizeLimit.TooLargeException e) {
        throw withEarlier(tooLarge(e, current, attempt, context), ambiguous);
      } catch (IOException e) {
        failure = transportFailure(e, current, attempt, started, context);
      } catch (RuntimeException e) {
        // OkHttp and Retrofit do not throw these for network conditions; surface them typed
        // so that no caller ever sees an untyped failure from the SDK.
        failure =
            new TransportException(
                "Unexpected failure while calling " + context.operation(), null, attempt, e);
      }
      if (ambiguous == null && mayHaveTakenEffect(failure)) {
        ambiguous = failure;
      }
      last = failure;
      if (!shouldRetry(failure, context, attempt)) {
        throw withEarlier(failure, ambiguous);
      }
      Duration wait = backoff(attempt, retryAfter);
      if (timing.nanoTime() + wait.toNanos() >= deadline) {
        if (log.isDebugEnabled()) {
          log.debug(
              "cdap {} gives up after attempt {}: a wait of {} ms would pass the time budget",
              context.operation(),
              attempt,
              wait.toMillis());
        }
        throw withEarlier(failure, ambiguous);
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
      sleep(wait, withEarlier(failure, ambiguous));
    }
  }

  /**
   * The asynchronous form of {@link #execute(Call, CallContext, TokenBucket)}, with the same rules
   * (pacing before every attempt, retries, backoff, budget, error mapping) and no thread waiting:
   * attempts run on OkHttp's dispatcher, waits for a permit or a backoff are scheduled, not slept.
   * The future completes with the exchange or exceptionally with a typed {@link CdapException}.
   */
  public CompletableFuture<Exchange> executeAsync(
      Call<ResponseBody> call, CallContext context, TokenBucket limiter) {
    CompletableFuture<Exchange> result = new CompletableFuture<>();
    new AsyncAttempts(call, context, limiter, timing.nanoTime() + retry.budget().toNanos(), result)
        .next();
    return result;
  }

  /** One logical asynchronous call: its attempts, each started when the previous one ends. */
  private final class AsyncAttempts {
    private final Call<ResponseBody> call;
    private final CallContext context;
    private final TokenBucket limiter;
    private final long deadline;
    private final CompletableFuture<Exchange> result;
    private int attempt;
    private CdapException last;
    private CdapException ambiguous;

    AsyncAttempts(
        Call<ResponseBody> call,
        CallContext context,
        TokenBucket limiter,
        long deadline,
        CompletableFuture<Exchange> result) {
      this.call = call;
      this.context = context;
      this.limiter = limiter;
      this.deadline = deadline;
      this.result = result;
    }

    void next() {
      long remaining = deadline - timing.nanoTime();
      if (remaining <= 0) {
        fail(last != null ? last : budgetExhausted(context, attempt));
        return;
      }
      long wait = 0;
      if (limiter != null) {
        wait = limiter.reserve(remaining);
        if (wait < 0) {
          fail(
              last != null
                  ? last
                  : new RateLimitedException(
                      "Client-side rate limit ("
                          + limiter.permitsPerSecond()
                          + "/s) would delay "
                          + context.operation()
                          + " past its time budget",
                      "",
                      null,
                      null,
                      attempt));
          return;
        }
      }
      if (wait > 0) {
        CompletableFuture.delayedExecutor(wait, NANOSECONDS).execute(this::send);
      } else {
        send();
      }
    }

    private void send() {
      long remaining = deadline - timing.nanoTime();
      if (remaining <= 0) {
        fail(last != null ? last : budgetExhausted(context, attempt));
        return;
      }
      attempt++;
      Call<ResponseBody> current = attempt == 1 ? call : call.clone();
      long own =
          context.timeout() != null
              ? context.timeout().toNanos()
              : current.timeout().timeoutNanos();
      current.timeout().timeout(own == 0 ? remaining : Math.min(own, remaining), NANOSECONDS);
      long started = timing.nanoTime();
      current.enqueue(
          new Callback<ResponseBody>() {
            @Override
            public void onResponse(Call<ResponseBody> c, Response<ResponseBody> response) {
              try {
                String requestId = requestId(response);
                logAttempt(context, attempt, response.code(), started, requestId);
                if (response.isSuccessful()) {
                  result.complete(read(response, requestId, attempt, context));
                  return;
                }
                Duration retryAfter = retryAfterOf(response);
                failed(mapError(response, requestId, attempt, context, retryAfter), retryAfter);
              } catch (CdapException e) {
                fail(e);
              } catch (ResponseSizeLimit.TooLargeException e) {
                fail(tooLarge(e, current, attempt, context));
              } catch (IOException e) {
                failed(transportFailure(e, current, attempt, started, context), null);
              } catch (RuntimeException e) {
                failed(
                    new TransportException(
                        "Unexpected failure while calling " + context.operation(),
                        null,
                        attempt,
                        e),
                    null);
              }
            }

            @Override
            public void onFailure(Call<ResponseBody> c, Throwable t) {
              if (t instanceof IOException) {
                failed(transportFailure((IOException) t, current, attempt, started, context), null);
              } else {
                failed(
                    new TransportException(
                        "Unexpected failure while calling " + context.operation(),
                        null,
                        attempt,
                        t),
                    null);
              }
            }
          });
    }

    private void failed(CdapException failure, Duration retryAfter) {
      if (ambiguous == null && mayHaveTakenEffect(failure)) {
        ambiguous = failure;
      }
      last = failure;
      if (!shouldRetry(failure, context, attempt)) {
        fail(failure);
        return;
      }
      Duration wait = backoff(attempt, retryAfter);
      if (timing.nanoTime() + wait.toNanos() >= deadline) {
        fail(failure);
        return;
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
      CompletableFuture.delayedExecutor(wait.toNanos(), NANOSECONDS).execute(this::next);
    }

    private void fail(CdapException failure) {
      result.completeExceptionally(withEarlier(failure, ambiguous));
    }
  }

  /** The server's {@code Retry-After}, read where {@link NoHiddenRetry} may have moved it. */
  private Duration retryAfterOf(Response<ResponseBody> response) {
    String header = response.headers().get("Retry-After");
    if (header == null) {
      header = response.headers().get(NoHiddenRetry.MOVED_RETRY_AFTER);
    }
    return retryAfter(header, timing.now());
  }

  private static ProtocolException tooLarge(
      ResponseSizeLimit.TooLargeException e,
      Call<ResponseBody> current,
      int attempt,
      CallContext context) {
    return new ProtocolException(
        "Response for " + context.operation() + " exceeds " + e.maxBytes() + " bytes",
        current.request().header(CdapApi.REQUEST_ID),
        attempt,
        null);
  }

  private TransportException transportFailure(
      IOException e, Call<ResponseBody> current, int attempt, long started, CallContext context) {
    if (log.isDebugEnabled()) {
      log.debug(
          "cdap {} attempt {} failed: {} after {} ms",
          context.operation(),
          attempt,
          e.getClass().getSimpleName(),
          (timing.nanoTime() - started) / 1_000_000);
    }
    return new TransportException(
        transportMessage(e, context), current.request().header(CdapApi.REQUEST_ID), attempt, e);
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
    if (failure instanceof ServerException && ((ServerException) failure).status() >= 500) {
      return true;
    }
    for (Throwable earlier : failure.getSuppressed()) {
      if (earlier instanceof CdapException && mayHaveTakenEffect((CdapException) earlier)) {
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

  private long acquire(
      TokenBucket limiter,
      long remaining,
      CallContext context,
      int attemptsSoFar,
      CdapException last,
      CdapException ambiguous) {
    try {
      long waited = limiter.acquire(remaining);
      if (waited < 0 && last != null) {
        // A retry the pacing cannot fit in the budget: the server's failure is the news.
        throw withEarlier(last, ambiguous);
      }
      if (waited < 0) {
        throw withEarlier(
            new RateLimitedException(
                "Client-side rate limit ("
                    + limiter.permitsPerSecond()
                    + "/s) would delay "
                    + context.operation()
                    + " past its time budget",
                "",
                null,
                null,
                attemptsSoFar),
            ambiguous);
      }
      if (waited > 0 && log.isDebugEnabled()) {
        log.debug(
            "cdap {} paced {} ms by the client-side rate limit (attempt {})",
            context.operation(),
            waited / 1_000_000,
            attemptsSoFar + 1);
      }
      return waited;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw withEarlier(
          new TransportException(
              "Interrupted while waiting for the rate limit during " + context.operation(),
              null,
              attemptsSoFar,
              e),
          ambiguous);
    }
  }

  private CdapException budgetExhausted(CallContext context, int attemptsSoFar) {
    return new TransportException(
        "Timed out: the time budget of "
            + retry.budget().toMillis()
            + " ms ran out during "
            + context.operation(),
        null,
        attemptsSoFar,
        null);
  }

  /** Decodes a JSON exchange, mapping every decoding failure to {@link ProtocolException}. */
  public static <T> T decode(Exchange exchange, Class<T> type, String operation) {
    if (!exchange.contentType().equals("application/json")) {
      throw new ProtocolException(
          "Expected application/json for "
              + operation
              + " but got '"
              + exchange.contentType()
              + "'",
          exchange.requestId(),
          exchange.attempts(),
          null);
    }
    Buffer buffer = new Buffer().write(exchange.body());
    try {
      return CdapJson.decode(type, buffer);
    } catch (JsonDataException | IOException e) {
      throw new ProtocolException(
          "Malformed response for " + operation + ": " + safeReason(e),
          exchange.requestId(),
          exchange.attempts(),
          withheld(e));
    } catch (RuntimeException e) {
      // Decoding must only ever yield a value or ProtocolException.
      throw new ProtocolException(
          "Malformed response for " + operation,
          exchange.requestId(),
          exchange.attempts(),
          withheld(e));
    } finally {
      // Moshi stops before trailing whitespace, so the buffer is never emptied and its 8 KiB
      // segment would go to the garbage collector instead of back to Okio's pool: clearing it
      // saves 8 KiB of allocation per response (measured by the benchmarks module).
      buffer.clear();
    }
  }

  /**
   * The decoding failure to keep as a cause: itself when its message names paths only, otherwise a
   * stand-in with the same stack trace and a message that quotes nothing. Moshi's built-in adapters
   * quote the offending text ("Expected an int but was 12.5"), and a cause is printed wherever the
   * exception is logged.
   */
  private static Throwable withheld(Exception e) {
    String m = e.getMessage();
    boolean own = e instanceof JsonDataException || e instanceof IOException;
    if (own && (m == null || !quotesInput(m))) {
      return e;
    }
    JsonDataException standIn =
        new JsonDataException(
            e.getClass().getName()
                + (own ? ": " + safeReason(e) : " (message withheld: it may quote the body)"));
    standIn.setStackTrace(e.getStackTrace());
    return standIn;
  }

  private Exchange read(
      Response<ResponseBody> response, String requestId, int attempt, CallContext context)
      throws IOException {
    try (ResponseBody body = response.body()) {
      if (body == null || response.code() == 204) {
        return new Exchange(response.code(), new byte[0], "", requestId, attempt);
      }
      MediaType mediaType = body.contentType();
      String contentType =
          mediaType == null
              ? ""
              : (mediaType.type() + "/" + mediaType.subtype()).toLowerCase(Locale.ROOT);
      BufferedSource source = body.source();
      if (source.request(maxResponseBytes + 1)) {
        throw new ProtocolException(
            "Response for " + context.operation() + " exceeds " + maxResponseBytes + " bytes",
            requestId,
            attempt,
            null);
      }
      byte[] bytes = source.getBuffer().readByteArray();
      long declared = body.contentLength();
      if (declared >= 0 && declared != bytes.length) {
        throw new ProtocolException(
            "Truncated response for " + context.operation(), requestId, attempt, null);
      }
      return new Exchange(response.code(), bytes, contentType, requestId, attempt);
    } catch (java.io.EOFException e) {
      throw new ProtocolException(
          "Truncated response for " + context.operation(), requestId, attempt, e);
    }
  }

  private static CdapException mapError(
      Response<ResponseBody> response,
      String requestId,
      int attempt,
      CallContext context,
      Duration retryAfter) {
    int status = response.code();
    String code = errorCode(response);
    String suffix =
        " (status "
            + status
            + (code.isEmpty() ? "" : ", code " + code)
            + ", request id "
            + requestId
            + ")";
    String op = context.operation();
    switch (status) {
      case 401:
        if (code.equals("10001")) {
          return new AuthenticationException(
              AuthenticationException.Reason.BAD_CREDENTIALS,
              "Authentication refused: wrong login or password" + suffix,
              requestId,
              attempt);
        }
        if (code.equals("10004")) {
          return new AuthenticationException(
              AuthenticationException.Reason.TOKEN_EXPIRED,
              "Session expired during " + op + suffix,
              requestId,
              attempt);
        }
        return new AuthenticationException(
            AuthenticationException.Reason.TOKEN_INVALID,
            "Session token not accepted during " + op + suffix,
            requestId,
            attempt);
      case 403:
        if (code.equals("10002")) {
          return new AuthenticationException(
              AuthenticationException.Reason.HABILITATION_SUSPENDED,
              "The agent's habilitation is suspended by the CAF" + suffix,
              requestId,
              attempt);
        }
        if (code.equals("10003")) {
          return new AuthenticationException(
              AuthenticationException.Reason.PASSWORD_CHANGE_REQUIRED,
              "The CAF requires the agent to change the password on the partner portal first"
                  + suffix,
              requestId,
              attempt);
        }
        return new CapabilityDeniedException(
            context.profile(),
            context.capability(),
            "Server refused "
                + context.capability()
                + " for profile "
                + context.profile()
                + reason403(code)
                + suffix,
            requestId,
            attempt);
      case 404:
        return new NotFoundException(
            (code.equals("37004")
                    ? "Dossier reference unknown or expired (consult the dossier again)"
                    : "No such dossier in this CAF")
                + suffix,
            status,
            code,
            requestId,
            attempt);
      case 409:
        return new ConflictException(
            "Idempotency key already used for a different request during " + op + suffix,
            code,
            requestId,
            attempt);
      case 429:
        return new RateLimitedException(
            "Rate limited during " + op + suffix, code, retryAfter, requestId, attempt);
      default:
        return new ServerException(
            (status >= 500 ? "Server error during " : "Request refused during ") + op + suffix,
            status,
            code,
            requestId,
            attempt);
    }
  }

  private static String reason403(String code) {
    switch (code) {
      case "20002":
        return " (CAF not in the habilitations)";
      case "20003":
        return " (finalité not allowed)";
      default:
        return "";
    }
  }

  /** Reads the error body's first code; the body's free texts are never kept (may be personal). */
  private static String errorCode(Response<ResponseBody> response) {
    try (ResponseBody body = response.errorBody()) {
      if (body == null) {
        return "";
      }
      BufferedSource source = body.source();
      if (source.request(64 * 1024 + 1)) {
        return "";
      }
      ErrorBody parsed = ERROR_ADAPTER.fromJson(source.getBuffer());
      if (parsed == null || parsed.errors() == null || parsed.errors().isEmpty()) {
        return "";
      }
      String code = parsed.errors().get(0).code();
      return code != null && code.matches("[0-9]{1,8}") ? code : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private boolean shouldRetry(CdapException failure, CallContext context, int attempt) {
    if (!context.retryable() || attempt >= retry.maxAttempts()) {
      return false;
    }
    if (failure instanceof TransportException) {
      return true;
    }
    if (failure instanceof RateLimitedException) {
      return true;
    }
    if (failure instanceof ServerException) {
      int status = ((ServerException) failure).status();
      return status == 502 || status == 503 || status == 504;
    }
    return false;
  }

  /** Exponential backoff with full jitter; a server's Retry-After is a floor. */
  private Duration backoff(int attempt, Duration retryAfter) {
    long cap = retry.maxBackoff().toMillis();
    long exp = retry.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
    long ceiling = Math.max(0, Math.min(cap, exp));
    long jittered = ceiling == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
    if (retryAfter != null && retryAfter.toMillis() > jittered) {
      return retryAfter;
    }
    return Duration.ofMillis(jittered);
  }

  /** Parses Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String header, java.time.Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 3600));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(now, at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private void sleep(Duration wait, CdapException pending) {
    if (wait.isZero()) {
      return;
    }
    try {
      timing.sleep(wait.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw pending;
    }
  }

  private static String requestId(Response<ResponseBody> response) {
    String echoed = response.headers().get(CdapApi.REQUEST_ID);
    if (echoed != null && echoed.matches("[A-Za-z0-9._-]{1,64}")) {
      return echoed;
    }
    String sent = response.raw().request().header(CdapApi.REQUEST_ID);
    return sent == null ? "" : sent;
  }

  private void logAttempt(
      CallContext context, int attempt, int status, long startedNanos, String requestId) {
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

  private static String transportMessage(IOException e, CallContext context) {
    String what =
        e instanceof SocketTimeoutException || e instanceof InterruptedIOException
            ? "Timed out"
            : "Network failure (" + e.getClass().getSimpleName() + ")";
    return what + " during " + context.operation();
  }

  /** A decoding failure's reason without quoting input: Moshi messages name paths, not values. */
  private static String safeReason(Exception e) {
    if (e instanceof JsonEncodingException || e instanceof java.io.EOFException) {
      return "not well-formed JSON";
    }
    if (e instanceof JsonDataException) {
      // The SDK's adapters name type, field and path, never a value; Moshi's built-in ones may
      // quote the value, so only their path is kept.
      String m = e.getMessage();
      if (m == null) {
        return "unexpected content";
      }
      return quotesInput(m) ? stripValues(m) : (m.length() > 200 ? m.substring(0, 200) : m);
    }
    return "unreadable body";
  }

  /**
   * Whether a Moshi message may quote the body: "Expected an int but was 12.5 at path …", "Map key
   * 'k' has multiple values at path …: a and b".
   */
  private static boolean quotesInput(String message) {
    return message.contains("but was") || message.contains("has multiple values");
  }

  /**
   * Keeps only the JSON path of Moshi's message: paths name fields and indexes, whereas the rest of
   * a message may quote the offending value.
   */
  private static String stripValues(String message) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("at path (\\$[\\w.\\[\\]$]*)").matcher(message);
    return m.find() ? "unexpected content at path " + m.group(1) : "unexpected content";
  }
}
