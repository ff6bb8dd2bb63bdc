package net.cdapkit.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.cdapkit.testkit.internal.privacy.PersonalData;

/**
 * What the client sent the simulator since the last reset, and assertions on it: how often each
 * operation was called, whether the headers a compliant client sends were there (request id,
 * finalité, idempotency key), how many attempts each logical send took, and that no secret or
 * personal value travelled in a URL.
 *
 * <pre>{@code
 * Verification v = simulator.verify();
 * v.assertCount(Operation.SEND_DIALOGUE, 2)               // one retry...
 *  .assertEveryConsultationHasFinalite()
 *  .assertNoSecretsInUrls();
 * assertThat(v.attemptsByIdempotencyKey(Operation.SEND_DIALOGUE)).containsOnlyKeys(key); // ...same key
 * }</pre>
 *
 * <p>A snapshot: requests received after {@code verify()} are not in it. Assertions throw {@link
 * AssertionError} with a message that names operations and headers, never values.
 */
public final class Verification {
  private final List<ReceivedRequest> requests;
  private final PersonalData personalData;

  Verification(List<ReceivedRequest> requests, PersonalData personalData) {
    this.requests = List.copyOf(requests);
    this.personalData = personalData;
  }

  /**
   * Every request received, in order of arrival.
   *
   * @return an unmodifiable list, unmatched routes included
   */
  public List<ReceivedRequest> requests() {
    return requests;
  }

  /**
   * The requests for this operation, in order.
   *
   * @param operation the operation to select
   * @return an unmodifiable list, retries included; empty if none
   * @throws NullPointerException if {@code operation} is null
   */
  public List<ReceivedRequest> requests(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    return requests.stream().filter(r -> r.operation().equals(Optional.of(operation))).toList();
  }

  /**
   * How many requests this operation received, retries included.
   *
   * @param operation the operation to count
   * @return the number of requests, 0 if none
   * @throws NullPointerException if {@code operation} is null
   */
  public int count(Operation operation) {
    return requests(operation).size();
  }

  /**
   * The requests for routes the contract does not define.
   *
   * @return an unmodifiable list in order of arrival; empty for a client that follows the contract
   */
  public List<ReceivedRequest> unmatched() {
    return requests.stream().filter(r -> r.operation().isEmpty()).toList();
  }

  /**
   * The attempts of each logical send of this operation, keyed by its {@code Idempotency-Key} in
   * order of first use: a key with 3 attempts is one send retried twice.
   *
   * @param operation an operation with an effect, e.g. {@link Operation#SEND_DIALOGUE}
   * @return the number of requests per key; requests without a key are left out
   * @throws NullPointerException if {@code operation} is null
   */
  public Map<String, Integer> attemptsByIdempotencyKey(Operation operation) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (ReceivedRequest r : requests(operation)) {
      r.idempotencyKey().ifPresent(k -> out.merge(k, 1, Integer::sum));
    }
    return out;
  }

  /**
   * How many requests carried this {@code Idempotency-Key}.
   *
   * @param idempotencyKey the key, as the client sent it
   * @return the number of requests, whatever their operation; 0 if none
   * @throws NullPointerException if {@code idempotencyKey} is null
   */
  public int attempts(String idempotencyKey) {
    return (int)
        requests.stream()
            .filter(r -> r.idempotencyKey().equals(Optional.of(idempotencyKey)))
            .count();
  }

  /**
   * Fails unless this operation received exactly {@code expected} requests.
   *
   * @param operation the operation to count
   * @param expected the number of requests expected, retries included
   * @return this verification, to chain further assertions
   * @throws AssertionError naming the count received per operation, if the count differs
   * @throws NullPointerException if {@code operation} is null
   */
  public Verification assertCount(Operation operation, int expected) {
    int actual = count(operation);
    if (actual != expected) {
      throw new AssertionError(
          "Expected "
              + expected
              + " request(s) for "
              + operation
              + " but the simulator received "
              + actual
              + summary());
    }
    return this;
  }

  /**
   * Fails if a request went out without an {@code X-Request-Id} header.
   *
   * @return this verification, to chain further assertions
   * @throws AssertionError listing the requests without one
   */
  public Verification assertEveryRequestHasRequestId() {
    return fail(
        requests.stream().filter(r -> r.requestId().isEmpty()).toList(),
        "request(s) without an X-Request-Id header");
  }

  /**
   * Fails if a consultation (lookup, tab, attestation) went out without a finalité.
   *
   * @return this verification, to chain further assertions
   * @throws AssertionError listing the consultations without an {@code X-Cdap-Finalite} header
   */
  public Verification assertEveryConsultationHasFinalite() {
    return fail(
        requests.stream()
            .filter(r -> r.operation().map(Operation::isConsultation).orElse(false))
            .filter(r -> r.finalite().isEmpty())
            .toList(),
        "consultation(s) without an X-Cdap-Finalite header: the convention with the CAF requires"
            + " a declared finalité on every consultation");
  }

  /**
   * Fails if a postal attestation or a Dialogue message went out without an idempotency key.
   *
   * @return this verification, to chain further assertions
   * @throws AssertionError listing the requests with an effect but no {@code Idempotency-Key}
   */
  public Verification assertEveryEffectHasIdempotencyKey() {
    return fail(
        requests.stream()
            .filter(r -> r.operation().map(Operation::hasEffect).orElse(false))
            .filter(r -> r.idempotencyKey().isEmpty())
            .toList(),
        "request(s) with an effect but no Idempotency-Key: a retry could act twice");
  }

  /**
   * Fails if a request hit a route the contract does not define.
   *
   * @return this verification, to chain further assertions
   * @throws AssertionError listing the unmatched requests
   */
  public Verification assertNoUnmatchedRequests() {
    return fail(unmatched(), "request(s) for a route the contract does not define");
  }

  /**
   * Fails if a URL (path or query, decoded) carries a numéro allocataire, a NIR, a name or address
   * of a dossier, a password or a token: the contract keeps them in bodies and headers, out of
   * URLs, which servers and proxies log.
   *
   * @return this verification, to chain further assertions
   * @throws AssertionError naming each offending request and the kind of value found, never the
   *     value
   */
  public Verification assertNoSecretsInUrls() {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      ReceivedRequest r = requests.get(i);
      String url = decode(r.path()) + (r.query().isEmpty() ? "" : "?" + decode(r.query()));
      // Dossier references are opaque random tokens made by the server: not personal.
      url = url.replaceAll("dos_[A-Za-z0-9]+", "dos_");
      List<String> found = personalData.find(url, false);
      if (!found.isEmpty()) {
        problems.add(
            "request #"
                + (i + 1)
                + " ("
                + r.method()
                + " "
                + r.operation().map(Enum::name).orElse("unmatched route")
                + ") has "
                + String.join(", ", found)
                + " in its URL");
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "Secrets or personal data in URLs (values not shown):\n  "
              + String.join("\n  ", problems));
    }
    return this;
  }

  private Verification fail(List<ReceivedRequest> offending, String what) {
    if (!offending.isEmpty()) {
      StringBuilder b = new StringBuilder().append(offending.size()).append(' ').append(what);
      offending.stream().limit(20).forEach(r -> b.append("\n  ").append(r));
      throw new AssertionError(b.toString());
    }
    return this;
  }

  private String summary() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    requests.forEach(
        r -> counts.merge(r.operation().map(Enum::name).orElse("unmatched"), 1, Integer::sum));
    return "; received: " + counts;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  @Override
  public String toString() {
    return "Verification[" + requests.size() + " requests" + summary() + "]";
  }
}
