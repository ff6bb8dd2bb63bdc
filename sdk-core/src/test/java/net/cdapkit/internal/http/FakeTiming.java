package net.cdapkit.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time that moves only when the code under test sleeps or a fake call says an attempt took long.
 */
final class FakeTiming implements Timing {
  static final Instant EPOCH = Instant.parse("2026-11-26T10:00:00Z");

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public Instant now() {
    return EPOCH.plusNanos(nanos.get());
  }

  @Override
  public synchronized void sleep(long n) {
    sleeps.add(Duration.ofNanos(n));
    nanos.addAndGet(n);
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  Duration elapsedSince(long start) {
    return Duration.ofNanos(nanos.get() - start);
  }
}
