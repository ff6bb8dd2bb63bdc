package net.cdapkit.internal.pipeline;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.NotFoundException;
import net.cdapkit.error.RateLimitedException;
import net.cdapkit.error.ServerException;
import net.cdapkit.event.AttemptEnd;
import net.cdapkit.event.AttemptHeaders;
import net.cdapkit.event.CallEnd;
import net.cdapkit.event.CallInfo;
import net.cdapkit.event.CallOutcome;
import net.cdapkit.event.CdapEventListener;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.event.DenialKind;
import net.cdapkit.event.RetryReason;
import net.cdapkit.internal.http.AttemptObserver;
import net.cdapkit.internal.http.CallTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical call as its listener sees it: the {@link CallInfo} passed to every event, and the
 * emission of those events. Not API.
 *
 * <p>Every event goes through here, so the listener's contract is kept in one place: a listener
 * that throws is ignored for that event (logged at DEBUG, type only); events of one call are
 * serialised (a cancellation from the caller's thread cannot overlap an attempt's event on the
 * dispatcher); nothing is told after {@link CdapEventListener#callEnd}, which is told exactly once.
 * With the no-op listener every method returns at its first test and allocates nothing.
 */
public final class CallEvents implements CallInfo, AttemptObserver {
  private static final Logger LOG = LoggerFactory.getLogger("net.cdapkit.event");
  private static final Object[] NO_ATTACHMENTS = new Object[0];

  private final CdapEventListener listener;
  private final boolean silent;
  private final CdapOperation operation;
  private final String profile;
  private final Optional<String> caf;
  private final boolean async;
  private final long startNanos;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile int attempts;
  private volatile Runnable cancel;
  private Object[] attachments = NO_ATTACHMENTS; // owner, state, owner, state…; guarded by this

  public CallEvents(
      CdapEventListener listener,
      CdapOperation operation,
      String profile,
      String caf,
      boolean async) {
    this.listener = listener;
    this.silent = listener == CdapEventListener.none();
    this.operation = operation;
    this.profile = profile == null ? "" : profile;
    this.caf = Optional.ofNullable(caf);
    this.async = async;
    this.startNanos = System.nanoTime();
  }

  @Override
  public CdapOperation operation() {
    return operation;
  }

  @Override
  public String profile() {
    return profile;
  }

  @Override
  public Optional<String> cafCode() {
    return caf;
  }

  @Override
  public boolean async() {
    return async;
  }

  @Override
  public long startNanos() {
    return startNanos;
  }

  @Override
  public synchronized void attach(Object owner, Object state) {
    Objects.requireNonNull(owner, "owner");
    Object[] a = attachments;
    for (int i = 0; i < a.length; i += 2) {
      if (a[i] == owner) {
        a[i + 1] = state;
        return;
      }
    }
    if (state != null) {
      Object[] grown = Arrays.copyOf(a, a.length + 2);
      grown[a.length] = owner;
      grown[a.length + 1] = state;
      attachments = grown;
    }
  }

  @Override
  public synchronized Object attachment(Object owner) {
    Objects.requireNonNull(owner, "owner");
    Object[] a = attachments;
    for (int i = 0; i < a.length; i += 2) {
      if (a[i] == owner) {
        return a[i + 1];
      }
    }
    return null;
  }

  /** HTTP attempts made for the call itself so far. */
  public int attempts() {
    return attempts;
  }

  /** Whether {@link #end} was told. */
  public boolean ended() {
    return ended.get();
  }

  public void start() {
    if (!silent) {
      tell(l -> l.callStart(this));
    }
  }

  public void denied(DenialKind kind) {
    if (!silent) {
      tell(l -> l.denied(this, kind));
    }
  }

  public void tokenRenewal(long nanos, boolean succeeded, boolean joined) {
    if (!silent) {
      tell(l -> l.tokenRenewal(this, Duration.ofNanos(nanos), succeeded, joined));
    }
  }

  /** A replay after a renewal or a new lookup is a retry of the call. */
  public void replay(RetryReason reason) {
    if (!silent) {
      int failed = attempts;
      tell(l -> l.retryScheduled(this, failed, reason, Duration.ZERO));
    }
  }

  public void outcomeUnknown() {
    if (!silent) {
      tell(l -> l.outcomeUnknown(this));
    }
  }

  /**
   * Tells {@code callEnd}, the first time only; returns whether this was the first time.
   *
   * @param error the exception the caller gets, or null on success
   */
  public boolean end(CallOutcome outcome, Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    if (!silent) {
      CallEnd end =
          new CallEnd(
              outcome,
              attempts,
              Duration.ofNanos(System.nanoTime() - startNanos),
              error == null ? Optional.empty() : Optional.of(error.getClass().getSimpleName()));
      synchronized (this) {
        try {
          listener.callEnd(this, end);
        } catch (RuntimeException e) {
          ignored(e);
        }
      }
    }
    return true;
  }

  /** Cancels the exchange in flight, if any. */
  public void cancel() {
    Runnable c = cancel;
    if (c != null) {
      c.run();
    }
  }

  // ---- AttemptObserver: the attempts of the call's own exchange ----

  @Override
  public void cancellable(Runnable cancel) {
    this.cancel = cancel;
  }

  @Override
  public void pacingWait(long nanos) {
    if (!silent) {
      tell(l -> l.pacingWait(this, Duration.ofNanos(nanos)));
    }
  }

  @Override
  public void attemptStart(int attempt, CallTag tag) {
    attempts++;
    if (!silent) {
      TraceHeaders headers = new TraceHeaders();
      tell(l -> l.attemptStart(this, attempts, headers));
      if (tag != null) {
        tag.trace(headers.toArray());
      }
    }
  }

  @Override
  public void attemptEnd(
      int attempt, int status, long nanos, CdapException failure, String requestId) {
    if (!silent) {
      AttemptEnd end =
          new AttemptEnd(
              attempts,
              status,
              Duration.ofNanos(nanos),
              failure == null ? Optional.empty() : Optional.of(failure.getClass().getSimpleName()),
              Optional.ofNullable(requestId).filter(id -> !id.isEmpty()));
      tell(l -> l.attemptEnd(this, end));
    }
  }

  @Override
  public void retryScheduled(int failedAttempt, CdapException failure, Duration delay) {
    if (!silent) {
      RetryReason reason = reasonOf(failure);
      int failed = attempts;
      tell(l -> l.retryScheduled(this, failed, reason, delay));
    }
  }

  private static RetryReason reasonOf(CdapException failure) {
    if (failure instanceof RateLimitedException) {
      return RetryReason.RATE_LIMITED;
    }
    if (failure instanceof ServerException) {
      return RetryReason.SERVER_ERROR;
    }
    if (failure instanceof AuthenticationException) {
      return RetryReason.TOKEN_EXPIRED;
    }
    if (failure instanceof NotFoundException) {
      return RetryReason.REFERENCE_EXPIRED;
    }
    return RetryReason.TRANSPORT;
  }

  private interface Event {
    void tell(CdapEventListener listener);
  }

  private void tell(Event event) {
    if (ended.get()) {
      return;
    }
    synchronized (this) {
      try {
        event.tell(listener);
      } catch (RuntimeException e) {
        ignored(e);
      }
    }
  }

  private static void ignored(RuntimeException e) {
    // The listener's message may quote anything: its type is enough to find it.
    LOG.debug("cdap event listener threw {}; ignored", e.getClass().getName());
  }

  @Override
  public String toString() {
    return "CallInfo{" + operation.tagName() + (async ? ", async" : "") + "}";
  }

  /** The trace-context headers a listener may set on one attempt, and nothing else. */
  private static final class TraceHeaders implements AttemptHeaders {
    private static final String[] TRACE_HEADERS = {"traceparent", "tracestate", "baggage"};
    private String[] values = new String[0];

    @Override
    public void set(String name, String value) {
      String header = traceHeader(name);
      if (header == null) {
        throw new IllegalArgumentException(
            "Only traceparent, tracestate and baggage may be set on an attempt");
      }
      if (value == null || value.isEmpty() || value.length() > 8192 || !visibleAscii(value)) {
        throw new IllegalArgumentException(
            "A trace header's value must be 1 to 8192 visible ASCII characters");
      }
      for (int i = 0; i < values.length; i += 2) {
        if (values[i] == header) {
          values[i + 1] = value;
          return;
        }
      }
      String[] grown = Arrays.copyOf(values, values.length + 2);
      grown[values.length] = header;
      grown[values.length + 1] = value;
      values = grown;
    }

    /** The header's lower-case name as a shared constant, or null if it is not a trace header. */
    private static String traceHeader(String name) {
      if (name == null) {
        return null;
      }
      for (String known : TRACE_HEADERS) {
        if (known.equalsIgnoreCase(name)) {
          return known;
        }
      }
      return null;
    }

    private static boolean visibleAscii(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          return false;
        }
      }
      return true;
    }

    String[] toArray() {
      return values;
    }
  }
}
