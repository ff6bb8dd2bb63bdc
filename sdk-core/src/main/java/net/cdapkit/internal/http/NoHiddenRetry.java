package net.cdapkit.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from resending a request on its own after a {@code 503} with {@code Retry-After: 0},
 * which it does even with {@code retryOnConnectionFailure(false)}: an uncounted, unbudgeted resend,
 * and for a POST a second sending. The header is moved aside, where {@link ApiCaller} still reads
 * it. Not API.
 *
 * <p>A network interceptor, so that it runs before OkHttp's follow-up logic sees the response.
 */
public final class NoHiddenRetry implements Interceptor {
  /** Where a 503's {@code Retry-After} is kept for {@link ApiCaller}. */
  static final String MOVED_RETRY_AFTER = "X-Cdapkit-Retry-After";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (response.code() != 503 || retryAfter == null) {
      return response;
    }
    return response
        .newBuilder()
        .removeHeader("Retry-After")
        .header(MOVED_RETRY_AFTER, retryAfter)
        .build();
  }
}
