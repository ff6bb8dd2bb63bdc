package net.cdapkit;

import java.time.Duration;

/**
 * Where a {@link BatchConsultation} stands: dossiers finished so far, how many failed, and the time
 * elapsed. Given to the progress callback after each dossier, and returned by {@code run} once the
 * batch is over.
 */
public final class BatchProgress {
  private final long completed;
  private final long failed;
  private final Duration elapsed;

  BatchProgress(long completed, long failed, Duration elapsed) {
    this.completed = completed;
    this.failed = failed;
    this.elapsed = elapsed;
  }

  /**
   * Dossiers finished, successfully or not.
   *
   * @return the number of dossiers handled so far
   */
  public long completed() {
    return completed;
  }

  /**
   * Dossiers read successfully.
   *
   * @return the number of dossiers whose tabs were all read
   */
  public long succeeded() {
    return completed - failed;
  }

  /**
   * Dossiers that failed.
   *
   * @return the number of dossiers that ended with an exception
   */
  public long failed() {
    return failed;
  }

  /**
   * Time since the batch started.
   *
   * @return the elapsed time, measured on a monotonic clock
   */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * Dossiers finished per second since the start.
   *
   * @return the throughput so far, in dossiers per second; 0 before any time has passed
   */
  public double ratePerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : completed / seconds;
  }

  @Override
  public String toString() {
    return "BatchProgress{completed="
        + completed
        + ", failed="
        + failed
        + ", elapsed="
        + elapsed.toMillis()
        + " ms}";
  }
}
