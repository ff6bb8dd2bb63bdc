package net.cdapkit;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import net.cdapkit.error.TransportException;
import net.cdapkit.internal.http.Futures;
import net.cdapkit.internal.pipeline.CallEvents;

/**
 * One call's wait for the session's token renewal, which every call that needs it shares: bounded
 * by this call's deadline, and ended by this call's interrupt, neither of which touches the renewal
 * itself or the other calls waiting for it.
 */
final class RenewalWait {
  private RenewalWait() {}

  /**
   * The renewal as this call sees it.
   *
   * @param async null for a blocking call, which waits here; the executor of an asynchronous one
   */
  static CompletableFuture<SessionToken> bounded(
      CompletableFuture<SessionToken> flight, long deadline, Executor async, CallEvents call) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      return CompletableFuture.failedFuture(late(call));
    }
    if (async == null) {
      try {
        return CompletableFuture.completedFuture(flight.get(remaining, NANOSECONDS));
      } catch (TimeoutException e) {
        return CompletableFuture.failedFuture(late(call));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CompletableFuture.failedFuture(
            new TransportException(
                "Interrupted during "
                    + call.operation().tagName()
                    + ", waiting for the session's token renewal",
                null,
                call.attempts(),
                e));
      } catch (ExecutionException e) {
        return CompletableFuture.failedFuture(Futures.unwrap(e));
      }
    }
    return flight
        .copy()
        .orTimeout(remaining, NANOSECONDS)
        .exceptionallyCompose(
            e ->
                CompletableFuture.failedFuture(
                    Futures.unwrap(e) instanceof TimeoutException
                        ? late(call)
                        : Futures.unwrap(e)));
  }

  private static TransportException late(CallEvents call) {
    return new TransportException(
        "Timed out waiting for the session's token renewal during " + call.operation().tagName(),
        null,
        call.attempts(),
        null);
  }
}
