package net.cdapkit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Pacing by the waits the bucket asks for, on a fake clock: no timed assertion. */
class TokenBucketTest {
  private static final long MS = 1_000_000L;
  private final FakeTiming timing = new FakeTiming();

  @Test
  void acquire_whenFull_grantsTheBurstAtOnceThenOnePermitPerInterval() throws Exception {
    TokenBucket bucket = new TokenBucket(20, 5, timing);
    for (int i = 0; i < 5; i++) {
      assertThat(bucket.acquire(Long.MAX_VALUE)).isZero();
    }
    for (int i = 0; i < 10; i++) {
      assertThat(bucket.acquire(Long.MAX_VALUE)).isEqualTo(50 * MS);
    }
    assertThat(timing.sleeps()).hasSize(10).containsOnly(Duration.ofMillis(50));
    assertThat(bucket.granted()).isEqualTo(15);
  }

  @Test
  void acquire_afterIdling_neverSavesMoreThanTheBurst() throws Exception {
    TokenBucket bucket = new TokenBucket(10, 3, timing);
    timing.advance(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertThat(bucket.acquire(Long.MAX_VALUE)).isZero();
    }
    assertThat(bucket.acquire(Long.MAX_VALUE)).isEqualTo(100 * MS);
  }

  @Test
  void acquire_afterAPartialPause_waitsOnlyForTheRemainder() throws Exception {
    TokenBucket bucket = new TokenBucket(10, 1, timing);
    bucket.acquire(Long.MAX_VALUE);
    timing.advance(Duration.ofMillis(30));
    assertThat(bucket.acquire(Long.MAX_VALUE)).isEqualTo(70 * MS);
  }

  @Test
  void acquire_whenTheWaitIsLongerThanAllowed_takesNothingAndSaysSo() throws Exception {
    TokenBucket bucket = new TokenBucket(1, 1, timing);
    bucket.acquire(Long.MAX_VALUE);
    assertThat(bucket.acquire(999 * MS)).isEqualTo(-1);
    assertThat(bucket.granted()).isOne();
    assertThat(bucket.acquire(1000 * MS)).isEqualTo(1000 * MS);
  }

  @Test
  void reserve_underContention_givesEveryThreadItsOwnSlotInTurn() throws Exception {
    // Time stands still: every reservation beyond the burst is queued one interval further.
    TokenBucket bucket = new TokenBucket(100, 4, timing);
    int threads = 8;
    int perThread = 250;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                List<Long> waits = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                  waits.add(bucket.reserve(Long.MAX_VALUE));
                }
                return waits;
              }));
    }
    start.countDown();
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : futures) {
      List<Long> waits = f.get();
      // Each thread's own reservations come later and later: it never jumps its own queue.
      assertThat(waits).isSorted();
      all.addAll(waits);
    }
    pool.shutdown();
    Collections.sort(all);
    int total = threads * perThread;
    assertThat(all).hasSize(total);
    assertThat(all.subList(0, 4)).containsOnly(0L);
    for (int i = 4; i < total; i++) {
      assertThat(all.get(i)).isEqualTo((i - 3) * 10 * MS); // one distinct slot each, no gap
    }
    assertThat(bucket.granted()).isEqualTo(total);
  }

  @Test
  void acquire_whenInterrupted_throwsAndKeepsNoLock() throws Exception {
    Timing interrupting =
        new Timing() {
          @Override
          public long nanoTime() {
            return timing.nanoTime();
          }

          @Override
          public java.time.Instant now() {
            return timing.now();
          }

          @Override
          public void sleep(long nanos) throws InterruptedException {
            throw new InterruptedException();
          }
        };
    TokenBucket bucket = new TokenBucket(1, 1, interrupting);
    bucket.acquire(Long.MAX_VALUE);
    assertThatThrownBy(() -> bucket.acquire(Long.MAX_VALUE))
        .isInstanceOf(InterruptedException.class);
    assertThat(bucket.reserve(Long.MAX_VALUE)).isPositive(); // still usable by others
  }

  @Test
  void constructor_rejectsMeaninglessRates() {
    assertThatThrownBy(() -> new TokenBucket(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(Double.POSITIVE_INFINITY, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
