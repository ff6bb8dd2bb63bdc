package net.cdapkit.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Refuses a response body larger than the client's limit while it is read, success or error alike,
 * so that neither Retrofit's buffering nor a decompressed body can grow past it in memory. Not API.
 *
 * <p>An application interceptor, so it counts the bytes after transparent gzip decompression.
 */
public final class ResponseSizeLimit implements Interceptor {
  private final long maxBytes;

  public ResponseSizeLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Raised while reading a body past the limit; the pipeline maps it to a protocol error. */
  public static final class TooLargeException extends IOException {
    private final long maxBytes;

    TooLargeException(long maxBytes) {
      super("Response body exceeds " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }

    public long maxBytes() {
      return maxBytes;
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    if (body.contentLength() > maxBytes) {
      response.close();
      throw new TooLargeException(maxBytes);
    }
    return response.newBuilder().body(new Limited(body, maxBytes)).build();
  }

  private static final class Limited extends ResponseBody {
    private final ResponseBody delegate;
    private final BufferedSource source;
    // OkHttp parses the Content-Type header on every call, and Retrofit asks three times.
    private final MediaType contentType;

    Limited(ResponseBody delegate, long maxBytes) {
      this.delegate = delegate;
      this.source = Okio.buffer(new Counting(delegate.source(), maxBytes));
      this.contentType = delegate.contentType();
    }

    @Override
    public MediaType contentType() {
      return contentType;
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  private static final class Counting extends ForwardingSource {
    private final long maxBytes;
    private long read;

    Counting(Source delegate, long maxBytes) {
      super(delegate);
      this.maxBytes = maxBytes;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long n = super.read(sink, byteCount);
      if (n > 0) {
        read += n;
        if (read > maxBytes) {
          throw new TooLargeException(maxBytes);
        }
      }
      return n;
    }
  }
}
