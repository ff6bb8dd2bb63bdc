package net.cdapkit.testkit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.cdapkit.testkit.internal.contract.ConformanceChecker;
import net.cdapkit.testkit.internal.contract.ExchangeTap;
import net.cdapkit.testkit.internal.server.RequestJournal;
import net.cdapkit.testkit.internal.server.SimRequest;
import net.cdapkit.testkit.internal.server.SimResponse;
import net.cdapkit.testkit.internal.server.SimulatorHandler;

/**
 * What happens to one request, in order: the operation is recognised, the request is checked
 * against the contract, the fault rules are consulted, the {@link SimulatorHandler} (or a stubbed
 * answer) answers unless a fault replaces it before the effect, the answer is checked against the
 * contract, then delayed, rewritten or broken as the fault says, and the request is journaled for
 * verification. Plain Java: the {@link WireMockBridge} only translates.
 */
final class SimulatorPipeline {
  private final SimulatorHandler handler;
  private final Faults faults;
  private final RequestJournal journal;
  private final ConformanceChecker conformance;
  private final Optional<ExchangeTap> tap = ExchangeTap.fromSystemProperty();
  private final Map<Operation, SimResponse> stubs = new ConcurrentHashMap<>();

  public SimulatorPipeline(
      SimulatorHandler handler,
      Faults faults,
      RequestJournal journal,
      ConformanceChecker conformance) {
    this.handler = handler;
    this.faults = faults;
    this.journal = journal;
    this.conformance = conformance;
  }

  /**
   * Answers every request of this operation with this status and JSON body until the reset.
   *
   * @throws IllegalArgumentException if {@code status} is outside 200 to 599
   */
  public void stub(Operation operation, int status, String json) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(json, "json");
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status must be between 200 and 599");
    }
    stubs.put(operation, SimResponse.json(status, json));
  }

  public void reset() {
    stubs.clear();
  }

  public SimResponse serve(SimRequest req) {
    Optional<Operation> operation = Operation.match(req.method(), req.path());
    if (operation.isEmpty()) {
      SimResponse response = handler.handle(req);
      journal.record(operation, req, response, Optional.empty());
      return response;
    }
    Operation op = operation.get();
    conformance.request(op, req);
    Faults.Decision decision = faults.decide(op);
    Fault fault = decision.fault();
    SimResponse response;
    if (fault != null && fault.replacesAnswer() && !fault.isAfterEffect()) {
      response = fault.replacement(handler.responseRequestId(req));
      if (fault.isContractAnswer()) {
        conformance.response(op, response);
        graded(op, req, response);
      }
    } else {
      SimResponse stub = stubs.get(op);
      SimResponse real =
          stub != null
              ? stub.withHeader("X-Request-Id", handler.responseRequestId(req))
              : handler.handle(req);
      // The real answer is checked before a fault rewrites it: a rewrite breaks it on purpose.
      conformance.response(op, real);
      graded(op, req, real);
      if (fault == null) {
        response = real;
      } else if (fault.replacesAnswer()) {
        response = fault.replacement(requestIdOf(real));
        if (fault.isContractAnswer()) {
          conformance.response(op, response);
          graded(op, req, response);
        }
      } else {
        response = fault.rewrite(real);
      }
    }
    if (decision.delayMillis() > 0) {
      response = response.withDelay(decision.delayMillis());
    }
    journal.record(
        operation,
        req,
        response,
        Optional.ofNullable(
            fault != null
                ? fault
                : decision.delayMillis() > 0
                    ? Fault.delay(
                        java.time.Duration.ofMillis(Math.min(decision.delayMillis(), 600_000)))
                    : null));
    return response;
  }

  private void graded(Operation op, SimRequest req, SimResponse res) {
    if (conformance.level() == Conformance.REQUESTS_AND_RESPONSES && res.networkFault() == null) {
      tap.ifPresent(t -> t.record(op, req, res));
    }
  }

  private static String requestIdOf(SimResponse r) {
    return r.headers().getOrDefault("X-Request-Id", "");
  }
}
