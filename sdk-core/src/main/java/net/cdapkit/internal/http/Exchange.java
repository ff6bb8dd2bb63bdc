package net.cdapkit.internal.http;

/**
 * A completed HTTP exchange with a success status: the bytes read (bounded), the request id and how
 * many attempts it took. Not API.
 */
public final class Exchange {
  private final int status;
  private final byte[] body;
  private final String contentType;
  private final String requestId;
  private final int attempts;

  public Exchange(int status, byte[] body, String contentType, String requestId, int attempts) {
    this.status = status;
    this.body = body;
    this.contentType = contentType;
    this.requestId = requestId;
    this.attempts = attempts;
  }

  public int status() {
    return status;
  }

  public byte[] body() {
    return body;
  }

  /** The media type without parameters, lower case, or an empty string. */
  public String contentType() {
    return contentType;
  }

  public String requestId() {
    return requestId;
  }

  public int attempts() {
    return attempts;
  }

  @Override
  public String toString() {
    return "Exchange{status=" + status + ", bytes=" + body.length + ", attempts=" + attempts + "}";
  }
}
