package net.cdapkit.opentelemetry;

import net.cdapkit.event.CallInfo;

/**
 * A map key that compares {@link CallInfo}s by identity, as the event contract asks: two calls may
 * carry equal values (same operation, profile and CAF) and still be different calls.
 */
record CallKey(CallInfo call) {
  @Override
  public boolean equals(Object o) {
    return o instanceof CallKey other && other.call == call;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(call);
  }
}
