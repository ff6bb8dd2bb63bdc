package net.cdapkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that other threads make true, instead of sleeping for a time that is
 * usually enough: returns as soon as it holds, fails with what was awaited at the deadline.
 */
final class Await {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  private Await() {}

  /**
   * Returns once {@code condition} is true.
   *
   * @param what what is awaited, for the failure message
   * @throws AssertionError if it is still false after {@code timeout}, or the thread is interrupted
   */
  static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (Thread.currentThread().isInterrupted()) {
        throw new AssertionError("interrupted while waiting for " + what);
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(what + ": not reached within " + timeout.toMillis() + " ms");
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
