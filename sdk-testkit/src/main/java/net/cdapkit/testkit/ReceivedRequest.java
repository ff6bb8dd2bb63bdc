package net.cdapkit.testkit;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What the simulator kept of one request it received: the operation, the headers a compliant client
 * must send, and the answer's status. No body is kept. The path and query stay in memory until the
 * simulator's reset, only so that {@link Verification#assertNoSecretsInUrls()} can read them;
 * {@link #toString()} never shows them.
 *
 * @param operation the contract's operation, or empty for a route the contract does not define
 * @param method the HTTP method, in upper case
 * @param path the path, not decoded (it holds an opaque dossier reference, never more if the client
 *     is compliant)
 * @param query the query string without {@code ?}, or empty
 * @param requestId the {@code X-Request-Id} header, if the client sent one
 * @param finalite the {@code X-Cdap-Finalite} header (a finalité code), if the client sent one
 * @param idempotencyKey the {@code Idempotency-Key} header, if the client sent one
 * @param authorization whether an {@code Authorization: Bearer} header was sent
 * @param status the status answered, or 0 when a fault broke the connection
 * @param fault the fault injected into this request, if any
 * @param traceparent the W3C Trace Context {@code traceparent} header, if the client sent one: a
 *     trace and span id, never personal data, kept so that a test can prove the propagation
 */
public record ReceivedRequest(
    Optional<Operation> operation,
    String method,
    String path,
    String query,
    Optional<String> requestId,
    Optional<String> finalite,
    Optional<String> idempotencyKey,
    boolean authorization,
    int status,
    Optional<Fault> fault,
    Optional<String> traceparent) {

  /**
   * Checks that every component is present; the optional ones may be empty, not null.
   *
   * @param operation the contract's operation, or empty for a route the contract does not define
   * @param method the HTTP method, in upper case
   * @param path the path, not decoded (it holds an opaque dossier reference, never more if the
   *     client is compliant)
   * @param query the query string without {@code ?}, or empty
   * @param requestId the {@code X-Request-Id} header, if the client sent one
   * @param finalite the {@code X-Cdap-Finalite} header (a finalité code), if the client sent one
   * @param idempotencyKey the {@code Idempotency-Key} header, if the client sent one
   * @param authorization whether an {@code Authorization: Bearer} header was sent
   * @param status the status answered, or 0 when a fault broke the connection
   * @param fault the fault injected into this request, if any
   * @param traceparent the W3C Trace Context {@code traceparent} header, if the client sent one: a
   *     trace and span id, never personal data, kept so that a test can prove the propagation
   * @throws NullPointerException if any component but {@code authorization} and {@code status} is
   *     null
   */
  public ReceivedRequest {
    requireNonNull(operation, "operation");
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    requireNonNull(query, "query");
    requireNonNull(requestId, "requestId");
    requireNonNull(finalite, "finalite");
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(fault, "fault");
    requireNonNull(traceparent, "traceparent");
  }

  /**
   * A request without a {@code traceparent} header.
   *
   * @param operation the contract's operation, or empty for a route the contract does not define
   * @param method the HTTP method, in upper case
   * @param path the path, not decoded
   * @param query the query string without {@code ?}, or empty
   * @param requestId the {@code X-Request-Id} header, if the client sent one
   * @param finalite the {@code X-Cdap-Finalite} header, if the client sent one
   * @param idempotencyKey the {@code Idempotency-Key} header, if the client sent one
   * @param authorization whether an {@code Authorization: Bearer} header was sent
   * @param status the status answered, or 0 when a fault broke the connection
   * @param fault the fault injected into this request, if any
   * @throws NullPointerException if any reference argument is null
   */
  public ReceivedRequest(
      Optional<Operation> operation,
      String method,
      String path,
      String query,
      Optional<String> requestId,
      Optional<String> finalite,
      Optional<String> idempotencyKey,
      boolean authorization,
      int status,
      Optional<Fault> fault) {
    this(
        operation,
        method,
        path,
        query,
        requestId,
        finalite,
        idempotencyKey,
        authorization,
        status,
        fault,
        Optional.empty());
  }

  @Override
  public String toString() {
    return "ReceivedRequest["
        + method
        + " "
        + operation.map(Enum::name).orElse("(unmatched route)")
        + " -> "
        + status
        + ", finalite="
        + finalite.orElse("none")
        + ", idempotencyKey="
        + (idempotencyKey.isPresent() ? "present" : "none")
        + ", requestId="
        + (requestId.isPresent() ? "present" : "none")
        + (traceparent.isPresent() ? ", traceparent=present" : "")
        + fault.map(f -> ", " + f).orElse("")
        + "]";
  }
}
