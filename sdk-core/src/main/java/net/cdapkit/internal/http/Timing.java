package net.cdapkit.internal.http;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline's view of time: a monotonic clock, the wall clock (for {@code Retry-After} dates)
 * and sleeping. A seam so that tests check backoffs, budgets and rate limits by the waits asked
 * for, never by measuring real time. Not API.
 */
public interface Timing {
  /** Real time: {@link System#nanoTime()}, {@link Instant#now()} and {@link Thread#sleep}. */
  Timing SYSTEM =
      new Timing() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
          TimeUnit.NANOSECONDS.sleep(nanos);
        }

        @Override
        public String toString() {
          return "Timing.SYSTEM";
        }
      };

  /** A monotonic reading in nanoseconds, comparable only with other readings of this timing. */
  long nanoTime();

  /** The wall clock. */
  Instant now();

  /** Blocks the calling thread for about {@code nanos}; never busy-waits. */
  void sleep(long nanos) throws InterruptedException;
}
