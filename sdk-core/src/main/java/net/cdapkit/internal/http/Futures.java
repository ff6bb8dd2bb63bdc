package net.cdapkit.internal.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.TransportException;

/** Joining and unwrapping the pipeline's futures. Not API. */
public final class Futures {
  private Futures() {}

  /** The cause a {@link CompletionException} wraps, or {@code error} itself. */
  public static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /**
   * The value of a future that a blocking call has already completed on its own thread (or waits
   * for), rethrowing its failure as the SDK's unchecked exception, never wrapped.
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      throw rethrowable(unwrap(e));
    }
  }

  /** {@code error} as something to throw: itself when unchecked, typed otherwise. */
  public static RuntimeException rethrowable(Throwable error) {
    if (error instanceof RuntimeException r) {
      return r;
    }
    if (error instanceof Error e) {
      throw e;
    }
    return new TransportException("Unexpected failure", null, 0, error);
  }

  /** Whether {@code error} is an SDK failure. */
  public static boolean typed(Throwable error) {
    return unwrap(error) instanceof CdapException;
  }
}
