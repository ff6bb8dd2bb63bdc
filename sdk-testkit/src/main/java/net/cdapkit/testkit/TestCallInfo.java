package net.cdapkit.testkit;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.cdapkit.event.CallInfo;
import net.cdapkit.event.CdapOperation;

/**
 * A {@link CallInfo} for unit-testing an event listener without a client: pass the same instance to
 * every event of one simulated call. It keeps attachments ({@link #attach}) as the SDK's calls do,
 * so a listener that carries its state with the call works the same under test. Compared by
 * identity, like the SDK's calls. Thread-safe.
 *
 * <pre>{@code
 * CallInfo call = TestCallInfo.of(CdapOperation.TAB_SYNTHESE);
 * listener.callStart(call);
 * listener.callEnd(call, new CallEnd(CallOutcome.SUCCESS, 1, Duration.ofMillis(12), Optional.empty()));
 * }</pre>
 */
public final class TestCallInfo implements CallInfo {
  private final CdapOperation operation;
  private final String profile;
  private final Optional<String> cafCode;
  private final boolean async;
  private final long startNanos = System.nanoTime();
  private final Map<Object, Object> attachments = new IdentityHashMap<>();

  private TestCallInfo(CdapOperation operation, String profile, String cafCode, boolean async) {
    this.operation = Objects.requireNonNull(operation, "operation");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.cafCode = Optional.ofNullable(cafCode);
    this.async = async;
  }

  /**
   * A blocking call of {@code operation} by a T1 session in CAF 751.
   *
   * @param operation what the call does; not null
   * @return a new call, distinct from every other
   */
  public static TestCallInfo of(CdapOperation operation) {
    return new TestCallInfo(operation, "T1", "751", false);
  }

  /**
   * A call described in full.
   *
   * @param operation what the call does; not null
   * @param profile the session's profile code, empty before authentication; not null
   * @param cafCode the CAF's three-digit code, or null when the call concerns no CAF
   * @param async whether the call was made in its {@code CompletableFuture} form
   * @return a new call, distinct from every other
   */
  public static TestCallInfo of(
      CdapOperation operation, String profile, String cafCode, boolean async) {
    return new TestCallInfo(operation, profile, cafCode, async);
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
    return startNanos;
  }

  @Override
  public synchronized void attach(Object owner, Object state) {
    Objects.requireNonNull(owner, "owner");
    if (state == null) {
      attachments.remove(owner);
    } else {
      attachments.put(owner, state);
    }
  }

  @Override
  public synchronized Object attachment(Object owner) {
    Objects.requireNonNull(owner, "owner");
    return attachments.get(owner);
  }

  @Override
  public String toString() {
    return "TestCallInfo{" + operation.tagName() + (async ? ", async" : "") + "}";
  }
}
