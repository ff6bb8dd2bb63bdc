package net.cdapkit.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.ConfigurationException;
import net.cdapkit.error.ConflictException;
import net.cdapkit.error.NotFoundException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.error.RateLimitedException;
import net.cdapkit.error.ServerException;
import net.cdapkit.internal.json.CdapJson;
import net.cdapkit.internal.json.ErrorBody;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Response;

/**
 * What the server's answers mean: the mapping of a status and error body to the SDK's exception
 * types, {@code Retry-After}, request ids, and JSON decoding that yields a value or {@link
 * ProtocolException} and never quotes the body. Not API.
 */
final class Responses {
  private static final JsonAdapter<ErrorBody> ERROR_ADAPTER =
      CdapJson.moshi().adapter(ErrorBody.class);

  /** The longest wait a {@code Retry-After} is taken at: a day, far past any budget. */
  static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  private Responses() {}

  /** Decodes a JSON exchange, mapping every decoding failure to {@link ProtocolException}. */
  static <T> T decode(Exchange exchange, Class<T> type, String operation) {
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
  static Throwable withheld(Exception e) {
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

  static CdapException mapError(
      Response<ResponseBody> response,
      String requestId,
      int attempt,
      CallContext context,
      Duration retryAfter,
      String baseUrl) {
    int status = response.code();
    String code = errorCode(response);
    if (status == 404 && (code == null || context.operation().equals("authenticate"))) {
      // A 404 outside the contract's error body, or on the login itself, is not a missing
      // dossier: the client does not speak to a CDAP API where it was told to.
      return new ConfigurationException(
          "No CDAP API answers at the configured base URL "
              + baseUrl
              + " (status 404"
              + (code == null ? " without the contract's error body" : " on authentication")
              + ", request id "
              + requestId
              + "): the base URL must have the form https://host/api/v1/",
          requestId,
          status,
          attempt);
    }
    if (code == null) {
      code = "";
    }
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

  /**
   * Reads the error body's first code: null when the body is not the contract's error body, empty
   * when it is but carries no readable code. The body's free texts are never kept (may be
   * personal).
   */
  private static String errorCode(Response<ResponseBody> response) {
    try (ResponseBody body = response.errorBody()) {
      if (body == null) {
        return null;
      }
      BufferedSource source = body.source();
      if (source.request(64 * 1024 + 1)) {
        return "";
      }
      ErrorBody parsed = ERROR_ADAPTER.fromJson(source.getBuffer());
      if (parsed == null || parsed.errors() == null || parsed.errors().isEmpty()) {
        return null;
      }
      String code = parsed.errors().get(0).code();
      return code != null && code.matches("[0-9]{1,8}") ? code : "";
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Parses Retry-After as seconds or as an HTTP date; null when absent or unreadable. The value is
   * capped at {@link #MAX_RETRY_AFTER}, so that no server value (a date in year 9999, a number of
   * seconds past {@code Long.MAX_VALUE}) overflows the deadline arithmetic.
   */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    if (value.matches("[0-9]{1,40}")) {
      return value.length() > 12
          ? MAX_RETRY_AFTER
          : min(Duration.ofSeconds(Long.parseLong(value)), MAX_RETRY_AFTER);
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      if (at.toInstant().isAfter(now.plus(MAX_RETRY_AFTER))) {
        return MAX_RETRY_AFTER;
      }
      Duration d = Duration.between(now, at.toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException | ArithmeticException notDate) {
      return null;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static String requestId(Response<ResponseBody> response) {
    String echoed = response.headers().get(CdapApi.REQUEST_ID);
    if (echoed != null && isToken(echoed)) {
      return echoed;
    }
    String sent = response.raw().request().header(CdapApi.REQUEST_ID);
    return sent == null ? "" : sent;
  }

  /** Whether {@code s} is 1 to 64 of {@code [A-Za-z0-9._-]}: safe to log and to quote. */
  private static boolean isToken(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static String transportMessage(IOException e, CallContext context) {
    String what;
    if (e instanceof SocketTimeoutException) {
      what = "Timed out";
    } else if (e instanceof InterruptedIOException) {
      // Okio ends a call whose thread is interrupted with the same type as a call timeout, and
      // keeps the thread's flag: a caller that was cancelled is told so, not sent after a timeout.
      what = Thread.currentThread().isInterrupted() ? "Interrupted" : "Timed out";
    } else {
      what = "Network failure (" + e.getClass().getSimpleName() + ")";
    }
    return what + " during " + context.operation();
  }

  /** A decoding failure's reason without quoting input: Moshi messages name paths, not values. */
  static String safeReason(Exception e) {
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
  static boolean quotesInput(String message) {
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

  /** Reads a success's body, bounded; a truncated or oversized one is a protocol error. */
  static Exchange read(
      Response<ResponseBody> response,
      String requestId,
      int attempt,
      long maxResponseBytes,
      CallContext context)
      throws IOException {
    try (ResponseBody body = response.body()) {
      if (body == null || response.code() == 204) {
        return new Exchange(response.code(), new byte[0], "", requestId, attempt);
      }
      MediaType mediaType = body.contentType();
      // OkHttp's MediaType keeps type and subtype in lower case already.
      String contentType = mediaType == null ? "" : mediaType.type() + "/" + mediaType.subtype();
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
}
