package net.cdapkit.testkit;

import static java.util.Objects.requireNonNull;

/**
 * A request or response that does not follow the contract ({@code openapi.yaml}). Names where and
 * which rule, never the offending value (it may be personal).
 *
 * @param operation the operation the request or response was for
 * @param direction whether the client's request or the simulator's response broke the contract
 * @param status the response's status; 0 for a request
 * @param location where: {@code body $.droits[0].montantMensuel}, {@code header X-Cdap-Finalite},
 *     {@code query taille}, {@code status}, {@code Content-Type}
 * @param rule what the contract requires, e.g. {@code expected integer but was string}
 */
public record ContractViolation(
    Operation operation, Direction direction, int status, String location, String rule) {

  /** Whether the client's request or the simulator's response broke the contract. */
  public enum Direction {
    /** The client's request broke the contract. */
    REQUEST,
    /** The simulator's response broke the contract. */
    RESPONSE
  }

  /**
   * Checks that every component but {@code status} is present.
   *
   * @param operation the operation the request or response was for
   * @param direction whether the client's request or the simulator's response broke the contract
   * @param status the response's status; 0 for a request
   * @param location where: {@code body $.droits[0].montantMensuel}, {@code header X-Cdap-Finalite},
   *     {@code query taille}, {@code status}, {@code Content-Type}
   * @param rule what the contract requires, e.g. {@code expected integer but was string}
   * @throws NullPointerException if {@code operation}, {@code direction}, {@code location} or
   *     {@code rule} is null
   */
  public ContractViolation {
    requireNonNull(operation, "operation");
    requireNonNull(direction, "direction");
    requireNonNull(location, "location");
    requireNonNull(rule, "rule");
  }

  @Override
  public String toString() {
    return direction
        + " "
        + operation.operationId()
        + (direction == Direction.RESPONSE ? " " + status : "")
        + " "
        + location
        + ": "
        + rule;
  }
}
