package net.cdapkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.cdapkit.event.AttemptEnd;
import net.cdapkit.event.AttemptHeaders;
import net.cdapkit.event.CallEnd;
import net.cdapkit.event.CallInfo;
import net.cdapkit.event.CdapEventListener;
import net.cdapkit.event.DenialKind;
import net.cdapkit.event.RetryReason;

/**
 * Records every event as a line ("callStart tab.synthese", "attemptEnd 1 200"…), the objects given,
 * and whether two events of one call ever overlapped.
 */
final class RecordingEventListener implements CdapEventListener {
  record Event(String line, CallInfo call, Object detail) {}

  private final List<Event> events = new ArrayList<>();
  private final AtomicInteger inside = new AtomicInteger();
  private volatile boolean overlapped;
  volatile String traceparent;

  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  List<String> lines() {
    return events().stream().map(Event::line).toList();
  }

  private void add(String line, CallInfo call, Object detail) {
    if (inside.incrementAndGet() > 1) {
      overlapped = true;
    }
    synchronized (this) {
      events.add(new Event(line, call, detail));
    }
    inside.decrementAndGet();
  }

  boolean overlapped() {
    return overlapped;
  }

  @Override
  public void callStart(CallInfo call) {
    add("callStart " + call.operation().tagName(), call, null);
  }

  @Override
  public void denied(CallInfo call, DenialKind kind) {
    add("denied " + kind, call, kind);
  }

  @Override
  public void pacingWait(CallInfo call, Duration wait) {
    add("pacingWait", call, wait);
  }

  @Override
  public void tokenRenewal(CallInfo call, Duration duration, boolean succeeded, boolean joined) {
    add(
        "tokenRenewal " + (succeeded ? "ok" : "failed") + (joined ? " joined" : ""),
        call,
        duration);
  }

  @Override
  public void attemptStart(CallInfo call, int attempt, AttemptHeaders headers) {
    String tp = traceparent;
    if (tp != null) {
      headers.set("traceparent", tp);
    }
    add("attemptStart " + attempt, call, headers);
  }

  @Override
  public void attemptEnd(CallInfo call, AttemptEnd attempt) {
    add("attemptEnd " + attempt.attempt() + " " + attempt.status(), call, attempt);
  }

  @Override
  public void retryScheduled(CallInfo call, int failedAttempt, RetryReason reason, Duration delay) {
    add("retryScheduled " + reason, call, delay);
  }

  @Override
  public void outcomeUnknown(CallInfo call) {
    add("outcomeUnknown", call, null);
  }

  @Override
  public void callEnd(CallInfo call, CallEnd end) {
    add("callEnd " + end.outcome() + " " + end.attempts(), call, end);
  }
}
