package net.cdapkit.internal.http;

import java.io.IOException;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the headers every request of the SDK carries: a fresh {@code X-Request-Id} per attempt
 * (unless the caller set one) and the {@code User-Agent}. Not API.
 */
public final class SdkInterceptor implements Interceptor {
  private final String userAgent;

  public SdkInterceptor(String userAgent) {
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder builder = request.newBuilder().header("User-Agent", userAgent);
    if (request.header(CdapApi.REQUEST_ID) == null) {
      builder.header(CdapApi.REQUEST_ID, UUID.randomUUID().toString());
    }
    return chain.proceed(builder.build());
  }
}
