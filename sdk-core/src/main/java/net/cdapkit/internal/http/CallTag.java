package net.cdapkit.internal.http;

/**
 * The session headers of one logical call, attached to its requests as a Retrofit tag and applied
 * by {@link SdkInterceptor}: the one place that sets authorization, agent, finalité and idempotency
 * key, so that no API method threads them through its parameters. The trace headers are the current
 * attempt's, set before it is sent. Not API.
 *
 * <p>Mutable, but written only by the call's own stages, which never run concurrently.
 */
public final class CallTag {
  private volatile String authorization;
  private final String agent;
  private final String finalite;
  private final String idempotencyKey;
  private volatile String[] trace = NO_TRACE;

  static final String[] NO_TRACE = new String[0];

  /**
   * @param agent the percent-encoded agent id, or null before authentication
   * @param finalite the finalité code, or null when the call concerns no dossier
   * @param idempotencyKey the key of a call with an effect, or null
   */
  public CallTag(String agent, String finalite, String idempotencyKey) {
    this.agent = agent;
    this.finalite = finalite;
    this.idempotencyKey = idempotencyKey;
  }

  /** Sets the {@code Authorization} value of the next requests (a renewal changes it). */
  public void authorization(String value) {
    this.authorization = value;
  }

  /** Sets the trace-context headers of the next attempt: name, value, name, value… */
  public void trace(String[] namesAndValues) {
    this.trace = namesAndValues == null ? NO_TRACE : namesAndValues;
  }

  String authorization() {
    return authorization;
  }

  String agent() {
    return agent;
  }

  String finalite() {
    return finalite;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  String[] trace() {
    return trace;
  }

  @Override
  public String toString() {
    return "CallTag{finalite="
        + finalite
        + ", key="
        + (idempotencyKey == null ? "none" : "set")
        + "}";
  }
}
