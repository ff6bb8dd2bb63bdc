package net.cdapkit.opentelemetry;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.cdapkit.event.CallInfo;
import net.cdapkit.event.CdapOperation;

/**
 * A call as the SDK describes it, keeping attachments as the SDK's calls do. Equal by value on
 * purpose: two calls with equal values must still be told apart, as the contract says a listener
 * keeps its state with the call itself.
 */
final class FakeCall implements CallInfo {
  private final CdapOperation operation;
  private final String profile;
  private final Optional<String> cafCode;
  private final boolean async;
  private final Map<Object, Object> attachments = new IdentityHashMap<>();

  FakeCall(CdapOperation operation, String profile, Optional<String> cafCode, boolean async) {
    this.operation = operation;
    this.profile = profile;
    this.cafCode = cafCode;
    this.async = async;
  }

  static FakeCall of(CdapOperation operation) {
    return new FakeCall(operation, "T1", Optional.of("751"), false);
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
    return cafCode;
  }

  @Override
  public boolean async() {
    return async;
  }

  @Override
  public long startNanos() {
    return 0;
  }

  @Override
  public synchronized void attach(Object owner, Object state) {
    if (state == null) {
      attachments.remove(owner);
    } else {
      attachments.put(owner, state);
    }
  }

  @Override
  public synchronized Object attachment(Object owner) {
    return attachments.get(owner);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FakeCall other
        && other.operation == operation
        && other.profile.equals(profile)
        && other.cafCode.equals(cafCode)
        && other.async == async;
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, profile, cafCode, async);
  }
}
