package net.cdapkit.audit;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * Where a {@link UsageGuard} counts each agent's consultations: in memory by default (per process),
 * or in a store shared by every node of the application ({@code cdapkit-audit-jdbc}'s {@code
 * JdbcUsageCounter}), so that an agent whose consultations are spread over several nodes is counted
 * once. Implementations must be thread-safe.
 */
public interface UsageCounter {

  /** An agent's consultations in the hour and in the 24 hours up to a consultation, it included. */
  record Counts(int lastHour, int lastDay) {}

  /**
   * Counts the agent's consultations in the hour and in the 24 hours up to {@code at}, the one at
   * {@code at} included, then keeps that consultation when {@code keep} accepts the counts — as one
   * step, so that two nodes counting at once do not both see room for one more.
   *
   * @param partner the partner organisation's identifier
   * @param agent the agent's login
   * @param at the consultation's instant
   * @param keep told the counts; true to count this consultation, false to forget it (a preview, or
   *     a consultation the guard blocks)
   * @return the counts, this consultation included
   * @throws RuntimeException if the store cannot be reached; the consultation then fails before any
   *     request
   */
  Counts count(String partner, String agent, Instant at, Predicate<Counts> keep);
}
