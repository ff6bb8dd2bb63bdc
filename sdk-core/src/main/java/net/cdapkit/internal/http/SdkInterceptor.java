package net.cdapkit.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the headers every request of the SDK carries: the session headers of its call's {@link
 * CallTag} (authorization, agent, finalité, idempotency key, trace context), a fresh {@code
 * X-Request-Id} per attempt (unless the caller set one) and the {@code User-Agent}. Not API.
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
      builder.header(CdapApi.REQUEST_ID, RequestIds.fresh());
    }
    CallTag tag = request.tag(CallTag.class);
    if (tag != null) {
      set(builder, CdapApi.AUTHORIZATION, tag.authorization());
      set(builder, CdapApi.AGENT, tag.agent());
      set(builder, CdapApi.FINALITE, tag.finalite());
      set(builder, CdapApi.IDEMPOTENCY_KEY, tag.idempotencyKey());
      String[] trace = tag.trace();
      for (int i = 0; i + 1 < trace.length; i += 2) {
        builder.header(trace[i], trace[i + 1]);
      }
    }
    return chain.proceed(builder.build());
  }

  private static void set(Request.Builder builder, String name, String value) {
    if (value != null) {
      builder.header(name, value);
    }
  }
}
