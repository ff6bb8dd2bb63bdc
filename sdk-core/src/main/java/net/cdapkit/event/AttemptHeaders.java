package net.cdapkit.event;

/**
 * Lets a listener add trace-context headers to the HTTP request of one attempt. Only W3C Trace
 * Context headers ({@code traceparent}, {@code tracestate}) and {@code baggage} are accepted, so a
 * listener cannot override the SDK's own headers or add personal data to a request.
 */
public interface AttemptHeaders {
  /**
   * Sets {@code name} to {@code value} on this attempt's request.
   *
   * @param name the header's name
   * @param value the header's value
   * @throws IllegalArgumentException when the name is not a trace-context header, or the value has
   *     characters outside visible ASCII
   */
  void set(String name, String value);
}
