package net.cdapkit.event;

import java.time.Duration;
import java.util.Optional;

/**
 * How one HTTP attempt of a call ended.
 *
 * @param attempt the attempt's number, from 1
 * @param status the HTTP status, or 0 when no response was read (connection failure, timeout)
 * @param duration from sending the request to reading the response's body or failing
 * @param errorType the simple name of the SDK exception this attempt maps to, when it failed
 * @param requestId the attempt's {@code X-Request-Id}, random and not personal
 */
public record AttemptEnd(
    int attempt,
    int status,
    Duration duration,
    Optional<String> errorType,
    Optional<String> requestId) {
  // Shared strings: listeners use the class as a metric tag and a map key on every attempt.
  private static final String[] STATUS_CLASSES = {"none", "1xx", "2xx", "3xx", "4xx", "5xx"};

  /**
   * {@return the status class ({@code 2xx}, {@code 4xx}, {@code 5xx}…), or {@code none} without a
   * response}
   */
  public String statusClass() {
    if (status <= 0) {
      return STATUS_CLASSES[0];
    }
    int hundreds = status / 100;
    return hundreds >= 1 && hundreds < STATUS_CLASSES.length
        ? STATUS_CLASSES[hundreds]
        : hundreds + "xx";
  }
}
