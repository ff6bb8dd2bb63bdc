package net.cdapkit.testkit;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The faults a {@link CdapSimulator} injects, per operation or everywhere: a small rule language
 * that reads as the test's intent.
 *
 * <pre>{@code
 * Faults faults = simulator.faults().seed(42);
 * faults.on(Operation.TAB_PAIEMENTS).rate(0.1).inject(Fault.http(503));      // 10 % of calls
 * faults.on(Operation.SEND_DIALOGUE).next(1).inject(Fault.http(504).afterEffect());
 * faults.on(Operation.LOOKUP_DOSSIER).skip(2).next(1).inject(Fault.connectionReset());
 * faults.always().inject(Fault.randomDelay(Duration.ZERO, Duration.ofMillis(20))); // everywhere
 * assertThat(faults.injected()).isPositive();
 * }</pre>
 *
 * <p>Rules are tried in the order they were added. Delays add up; of the other faults, the first
 * rule that fires wins and the later ones are not consulted (so a {@code next(n)} budget is not
 * spent on a request that another fault already broke). Unmatched routes are never faulted.
 *
 * <p>Deterministic for a given {@linkplain #seed(long) seed} and order of requests: rates and
 * random delays are drawn from one seeded source. Thread-safe. {@link CdapSimulator#reset()}
 * removes every rule, zeroes the counts and re-seeds with the same seed.
 */
public final class Faults {
  private final Object lock = new Object();
  private final List<Rule> rules = new ArrayList<>(); // guarded by lock
  private final Map<Operation, Integer> injectedByOperation = new EnumMap<>(Operation.class);
  private long seed; // guarded by lock
  private Random random; // guarded by lock
  private int injected; // guarded by lock

  Faults() {
    this(new SecureRandom().nextLong());
  }

  Faults(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /**
   * Rules that apply to these operations only.
   *
   * @param first an operation the rule applies to
   * @param more further operations the rule applies to, if any
   * @return a selection to narrow with {@code rate}, {@code next} or {@code skip}, then finish with
   *     {@link Selection#inject(Fault)}
   * @throws NullPointerException if an operation is null
   */
  public Selection on(Operation first, Operation... more) {
    return new Selection(EnumSet.of(Objects.requireNonNull(first, "first"), more));
  }

  /**
   * Rules that apply to every operation of the contract.
   *
   * @return a selection to narrow with {@code rate}, {@code next} or {@code skip}, then finish with
   *     {@link Selection#inject(Fault)}
   */
  public Selection everywhere() {
    return new Selection(EnumSet.allOf(Operation.class));
  }

  /**
   * Shorthand for {@code everywhere().rate(probability)}.
   *
   * @param probability the share of requests faulted, from 0 to 1
   * @return a selection of every operation; finish it with {@link Selection#inject(Fault)}
   * @throws IllegalArgumentException if {@code probability} is outside 0 to 1
   */
  public Selection rate(double probability) {
    return everywhere().rate(probability);
  }

  /**
   * Shorthand for {@code everywhere().next(count)}.
   *
   * @param count how many requests to fault, at least 1
   * @return a selection of every operation; finish it with {@link Selection#inject(Fault)}
   * @throws IllegalArgumentException if {@code count} is less than 1
   */
  public Selection next(int count) {
    return everywhere().next(count);
  }

  /**
   * Shorthand for {@code everywhere().always()}.
   *
   * @return a selection of every request of every operation; finish it with {@link
   *     Selection#inject(Fault)}
   */
  public Selection always() {
    return everywhere().always();
  }

  /**
   * Re-seeds the random source of rates and random delays; print it to replay a failing run.
   *
   * @param seed the seed; the same seed and order of requests give the same faults
   * @return these faults, for chaining
   */
  public Faults seed(long seed) {
    synchronized (lock) {
      this.seed = seed;
      this.random = new Random(seed);
      return this;
    }
  }

  /**
   * The seed in use (random unless set).
   *
   * @return the seed, to pass to {@link #seed(long)} to replay this run
   */
  public long seed() {
    synchronized (lock) {
      return seed;
    }
  }

  /**
   * How many faults were injected since the last reset, delays included.
   *
   * @return the count over every operation
   */
  public int injected() {
    synchronized (lock) {
      return injected;
    }
  }

  /**
   * How many faults were injected into this operation since the last reset.
   *
   * @param operation the operation to count for
   * @return the count, delays included; 0 if none
   */
  public int injected(Operation operation) {
    synchronized (lock) {
      return injectedByOperation.getOrDefault(operation, 0);
    }
  }

  /**
   * The rules in force, in order.
   *
   * @return an unmodifiable snapshot; later changes do not show in it
   */
  public List<Rule> rules() {
    synchronized (lock) {
      return Collections.unmodifiableList(new ArrayList<>(rules));
    }
  }

  /** Removes every rule; the counts are kept until the simulator's reset. */
  public void clear() {
    synchronized (lock) {
      rules.clear();
    }
  }

  void reset() {
    synchronized (lock) {
      rules.clear();
      injectedByOperation.clear();
      injected = 0;
      random = new Random(seed);
    }
  }

  /** What to do to one request of this operation: a total delay and at most one other fault. */
  record Decision(long delayMillis, Fault fault) {
    static final Decision NONE = new Decision(0, null);
  }

  Decision decide(Operation operation) {
    synchronized (lock) {
      if (rules.isEmpty()) {
        return Decision.NONE;
      }
      long delay = 0;
      Fault chosen = null;
      for (Rule rule : rules) {
        boolean isDelay = rule.fault.kind() == Fault.Kind.DELAY;
        if (!rule.operations.contains(operation) || (!isDelay && chosen != null)) {
          continue;
        }
        if (rule.fires(random)) {
          injected++;
          injectedByOperation.merge(operation, 1, Integer::sum);
          if (isDelay) {
            delay += rule.fault.drawDelayMillis(random);
          } else {
            chosen = rule.fault;
          }
        }
      }
      return delay == 0 && chosen == null ? Decision.NONE : new Decision(delay, chosen);
    }
  }

  private void remove(Rule rule) {
    synchronized (lock) {
      rules.remove(rule);
    }
  }

  /**
   * Which requests of the selected operations a fault applies to: all of them by default, a share
   * of them ({@link #rate}), the next few ({@link #next}), after letting some through ({@link
   * #skip}). Not thread-safe: finish it with {@link #inject} on one thread.
   */
  public final class Selection {
    private final Set<Operation> operations;
    private double rate = 1.0;
    private int remaining = -1;
    private int skip;

    private Selection(Set<Operation> operations) {
      this.operations = operations;
    }

    /**
     * Applies to each matching request with this probability, from 0 to 1.
     *
     * @param probability the share of requests faulted: 0 never, 1 always (the default)
     * @return this selection, for chaining
     * @throws IllegalArgumentException if {@code probability} is outside 0 to 1 or NaN
     */
    public Selection rate(double probability) {
      if (!(probability >= 0.0 && probability <= 1.0)) {
        throw new IllegalArgumentException("probability must be between 0 and 1");
      }
      this.rate = probability;
      return this;
    }

    /**
     * Applies at most {@code count} times (to the next ones, unless a rate is set), then stops.
     *
     * @param count how many requests to fault, at least 1
     * @return this selection, for chaining
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public Selection next(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1");
      }
      this.remaining = count;
      return this;
    }

    /**
     * Lets the first {@code count} matching requests through untouched.
     *
     * @param count how many requests to let through first, 0 or more
     * @return this selection, for chaining
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Selection skip(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
      this.skip = count;
      return this;
    }

    /**
     * Applies to every matching request, without limit (the default).
     *
     * @return this selection, with any rate or {@code next} limit undone
     */
    public Selection always() {
      this.rate = 1.0;
      this.remaining = -1;
      return this;
    }

    /**
     * Adds the rule; it applies from the next request on.
     *
     * @param fault what to do to the selected requests
     * @return the rule, to count its injections or {@linkplain Rule#remove() remove} it
     * @throws NullPointerException if {@code fault} is null
     */
    public Rule inject(Fault fault) {
      Rule rule =
          new Rule(operations, Objects.requireNonNull(fault, "fault"), rate, remaining, skip);
      synchronized (lock) {
        rules.add(rule);
      }
      return rule;
    }
  }

  /** One rule in force; its counts are guarded by the {@link Faults} lock. */
  public final class Rule {
    private final Set<Operation> operations;
    private final Fault fault;
    private final double rate;
    private int remaining;
    private int skip;
    private int count;

    private Rule(Set<Operation> operations, Fault fault, double rate, int remaining, int skip) {
      this.operations = Collections.unmodifiableSet(EnumSet.copyOf(operations));
      this.fault = fault;
      this.rate = rate;
      this.remaining = remaining;
      this.skip = skip;
    }

    private boolean fires(Random random) {
      if (remaining == 0) {
        return false;
      }
      if (skip > 0) {
        skip--;
        return false;
      }
      if (rate < 1.0 && random.nextDouble() >= rate) {
        return false;
      }
      if (remaining > 0) {
        remaining--;
      }
      count++;
      return true;
    }

    /**
     * The fault this rule injects.
     *
     * @return the fault given to {@link Selection#inject(Fault)}
     */
    public Fault fault() {
      return fault;
    }

    /**
     * The operations it applies to.
     *
     * @return an unmodifiable set of operations
     */
    public Set<Operation> operations() {
      return operations;
    }

    /**
     * How many times this rule fired.
     *
     * @return the count since the rule was added
     */
    public int injected() {
      synchronized (lock) {
        return count;
      }
    }

    /** Removes this rule; requests already faulted stay counted. */
    public void remove() {
      Faults.this.remove(this);
    }

    @Override
    public String toString() {
      synchronized (lock) {
        return "Rule["
            + fault
            + (operations.size() == Operation.values().length ? " everywhere" : " on " + operations)
            + (rate < 1.0 ? ", rate " + rate : "")
            + (remaining >= 0 ? ", " + remaining + " left" : "")
            + ", injected "
            + count
            + "]";
      }
    }
  }
}
