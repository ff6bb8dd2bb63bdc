package net.cdapkit.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Tells several listeners in order; one that throws does not keep the others from being told. */
final class CompositeEventListener implements CdapEventListener {
  private final CdapEventListener[] listeners;

  private CompositeEventListener(CdapEventListener[] listeners) {
    this.listeners = listeners;
  }

  static CdapEventListener of(List<? extends CdapEventListener> listeners) {
    List<CdapEventListener> flat = new ArrayList<>();
    for (CdapEventListener l : Objects.requireNonNull(listeners, "listeners")) {
      Objects.requireNonNull(l, "listeners must not contain null");
      if (l instanceof CompositeEventListener c) {
        flat.addAll(List.of(c.listeners));
      } else if (l != NoEventListener.INSTANCE) {
        flat.add(l);
      }
    }
    if (flat.isEmpty()) {
      return NoEventListener.INSTANCE;
    }
    if (flat.size() == 1) {
      return flat.get(0);
    }
    return new CompositeEventListener(flat.toArray(new CdapEventListener[0]));
  }

  private interface Event {
    void tell(CdapEventListener listener);
  }

  private void each(Event event) {
    RuntimeException first = null;
    for (CdapEventListener l : listeners) {
      try {
        event.tell(l);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public void callStart(CallInfo call) {
    each(l -> l.callStart(call));
  }

  @Override
  public void denied(CallInfo call, DenialKind kind) {
    each(l -> l.denied(call, kind));
  }

  @Override
  public void pacingWait(CallInfo call, Duration wait) {
    each(l -> l.pacingWait(call, wait));
  }

  @Override
  public void tokenRenewal(CallInfo call, Duration duration, boolean succeeded, boolean joined) {
    each(l -> l.tokenRenewal(call, duration, succeeded, joined));
  }

  @Override
  public void attemptStart(CallInfo call, int attempt, AttemptHeaders headers) {
    each(l -> l.attemptStart(call, attempt, headers));
  }

  @Override
  public void attemptEnd(CallInfo call, AttemptEnd attempt) {
    each(l -> l.attemptEnd(call, attempt));
  }

  @Override
  public void retryScheduled(CallInfo call, int failedAttempt, RetryReason reason, Duration delay) {
    each(l -> l.retryScheduled(call, failedAttempt, reason, delay));
  }

  @Override
  public void outcomeUnknown(CallInfo call) {
    each(l -> l.outcomeUnknown(call));
  }

  @Override
  public void callEnd(CallInfo call, CallEnd end) {
    each(l -> l.callEnd(call, end));
  }

  @Override
  public String toString() {
    return "CdapEventListener.composite(" + listeners.length + " listeners)";
  }
}
