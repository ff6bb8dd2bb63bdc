package net.cdapkit.audit;

import java.time.Instant;

/**
 * One agent's consultations of the last 24 hours, as instants in nanoseconds, kept sorted in a
 * growable ring: adding one (in order, as they come) and dropping the expired ones cost O(1)
 * amortised, counting the last hour O(log n). A busy batch agent makes tens of thousands of
 * consultations a day; a scan per consultation would make the batch quadratic.
 */
final class UsageWindow {
  private long[] ring = new long[16];
  private int head;
  private int size;

  static long nanos(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
  }

  int size() {
    return size;
  }

  private long at(int i) {
    return ring[(head + i) & (ring.length - 1)];
  }

  /** Forgets the consultations at or before {@code limit}. */
  void dropUpTo(long limit) {
    while (size > 0 && ring[head] <= limit) {
      head = (head + 1) & (ring.length - 1);
      size--;
    }
  }

  /** How many consultations are strictly after {@code limit}. */
  int countAfter(long limit) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (at(mid) <= limit) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return size - lo;
  }

  /** Adds one, keeping the order if threads (or a test clock) hand instants slightly late. */
  void add(long t) {
    if (size == ring.length) {
      long[] bigger = new long[ring.length * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = at(i);
      }
      ring = bigger;
      head = 0;
    }
    int i = size;
    while (i > 0 && at(i - 1) > t) {
      ring[(head + i) & (ring.length - 1)] = at(i - 1);
      i--;
    }
    ring[(head + i) & (ring.length - 1)] = t;
    size++;
  }
}
