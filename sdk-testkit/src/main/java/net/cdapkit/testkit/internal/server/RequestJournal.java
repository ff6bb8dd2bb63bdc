package net.cdapkit.testkit.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import net.cdapkit.testkit.Fault;
import net.cdapkit.testkit.Operation;
import net.cdapkit.testkit.ReceivedRequest;
import net.cdapkit.testkit.Verification;

/**
 * The requests received since the last reset, for {@link Verification}. Thread-safe. Bounded: past
 * {@link #CAPACITY} requests it stops recording and says so, so that a long load test does not fill
 * the memory.
 */
public final class RequestJournal {
  public static final int CAPACITY = 100_000;

  private final boolean enabled;
  private final List<ReceivedRequest> requests = new ArrayList<>(); // guarded by this
  private boolean overflow; // guarded by this
  private final AtomicLong received = new AtomicLong();

  public RequestJournal(boolean enabled) {
    this.enabled = enabled;
  }

  public void record(
      Optional<Operation> operation, SimRequest req, SimResponse response, Optional<Fault> fault) {
    received.incrementAndGet();
    if (!enabled) {
      return;
    }
    String authorization = req.header("Authorization").orElse("");
    ReceivedRequest r =
        new ReceivedRequest(
            operation,
            req.method(),
            req.path(),
            req.rawQuery(),
            req.header("X-Request-Id"),
            req.header("X-Cdap-Finalite"),
            req.header("Idempotency-Key"),
            authorization.regionMatches(true, 0, "Bearer ", 0, 7),
            response.networkFault() != null ? 0 : response.status(),
            fault,
            req.header("traceparent"));
    synchronized (this) {
      if (requests.size() >= CAPACITY) {
        overflow = true;
      } else {
        requests.add(r);
      }
    }
  }

  public synchronized List<ReceivedRequest> snapshot() {
    if (!enabled) {
      throw new IllegalStateException(
          "This simulator does not record requests: build it with recordRequests(true)");
    }
    if (overflow) {
      throw new IllegalStateException(
          "More than " + CAPACITY + " requests since the last reset: recording stopped");
    }
    return List.copyOf(requests);
  }

  /**
   * How many requests reached the simulator since it started, recorded or not; never reset, so a
   * difference of two readings counts the requests in between.
   */
  public long received() {
    return received.get();
  }

  /**
   * Runs the block and fails if any request arrived meanwhile, from any thread. Counts every
   * request, recorded or not; names the operations of those recorded, never their values.
   *
   * @throws AssertionError if at least one request arrived while the block ran
   */
  public void assertNoneDuring(Runnable block) {
    long before = received();
    int recordedBefore = size();
    block.run();
    long sent = received() - before;
    if (sent > 0) {
      List<String> operations =
          since(recordedBefore).stream()
              .map(
                  r -> r.method() + " " + r.operation().map(Enum::name).orElse("(unmatched route)"))
              .toList();
      throw new AssertionError(
          sent
              + " request(s) reached the simulator during a block that should send none"
              + (operations.isEmpty() ? "" : ": " + String.join(", ", operations)));
    }
  }

  /** The requests recorded after the first {@code from} since the reset, or empty if disabled. */
  private synchronized List<ReceivedRequest> since(int from) {
    return enabled && from <= requests.size()
        ? List.copyOf(requests.subList(from, requests.size()))
        : List.of();
  }

  /** How many requests are recorded since the reset. */
  private synchronized int size() {
    return requests.size();
  }

  public synchronized void reset() {
    requests.clear();
    overflow = false;
  }
}
