package net.cdapkit.testkit;

import java.util.Optional;

/**
 * What happens to one request, in order: the operation is recognised, the fault rules are
 * consulted, the {@link SimulatorHandler} answers (unless a fault replaces it before the effect),
 * and the answer is delayed, rewritten or broken as the fault says. Plain Java: the {@link
 * WireMockBridge} only translates.
 */
final class SimulatorPipeline {
  private final SimulatorHandler handler;
  private final Faults faults;

  SimulatorPipeline(SimulatorHandler handler, Faults faults) {
    this.handler = handler;
    this.faults = faults;
  }

  SimResponse serve(SimRequest req) {
    Optional<Operation> operation = Operation.match(req.method(), req.path());
    if (operation.isEmpty()) {
      return handler.handle(req);
    }
    Faults.Decision decision = faults.decide(operation.get());
    Fault fault = decision.fault();
    SimResponse response;
    if (fault != null && fault.replacesAnswer() && !fault.isAfterEffect()) {
      response = fault.replacement(handler.responseRequestId(req));
    } else {
      SimResponse real = handler.handle(req);
      if (fault == null) {
        response = real;
      } else if (fault.replacesAnswer()) {
        response = fault.replacement(requestIdOf(real));
      } else {
        response = fault.rewrite(real);
      }
    }
    return decision.delayMillis() > 0 ? response.withDelay(decision.delayMillis()) : response;
  }

  private static String requestIdOf(SimResponse r) {
    return r.headers().getOrDefault("X-Request-Id", "");
  }
}
