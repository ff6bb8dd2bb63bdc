package net.cdapkit.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Whose turn the current JMH iteration is, for benchmarks whose clients (or configurations) take
 * turns in one fork: iteration {@code k}, warm-up included, measures client {@code k % count}.
 * {@link Turns} splits the results back by client.
 */
@State(Scope.Thread)
public class Turn {
  private int iteration = -1;

  /** Moves to the next iteration's client. */
  @Setup(Level.Iteration)
  public void next() {
    iteration++;
  }

  /** The client this iteration measures, out of {@code count} taking turns. */
  int of(int count) {
    return iteration % count;
  }
}
