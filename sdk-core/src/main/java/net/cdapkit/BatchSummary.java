package net.cdapkit;

import java.time.Duration;

/** What a {@link BatchConsultation} did: dossiers handled, failed, and the wall time. */
public final class BatchSummary {
  private final long completed;
  private final long failed;
  private final Duration elapsed;

  BatchSummary(long completed, long failed, Duration elapsed) {
    this.completed = completed;
    this.failed = failed;
    this.elapsed = elapsed;
  }

  public long completed() {
    return completed;
  }

  public long succeeded() {
    return completed - failed;
  }

  public long failed() {
    return failed;
  }

  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public String toString() {
    return "BatchSummary{completed="
        + completed
        + ", failed="
        + failed
        + ", elapsed="
        + elapsed.toMillis()
        + " ms}";
  }
}
