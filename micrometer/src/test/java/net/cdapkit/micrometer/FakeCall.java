package net.cdapkit.micrometer;

import java.util.Optional;
import net.cdapkit.event.CallInfo;
import net.cdapkit.event.CdapOperation;

/**
 * A call as the SDK describes it. A record on purpose: two calls with equal values must still be
 * told apart, as the contract says a listener keys on identity.
 */
record FakeCall(CdapOperation operation, String profile, Optional<String> cafCode, boolean async)
    implements CallInfo {
  static FakeCall of(CdapOperation operation) {
    return new FakeCall(operation, "T1", Optional.of("751"), false);
  }

  @Override
  public long startNanos() {
    return 0;
  }
}
