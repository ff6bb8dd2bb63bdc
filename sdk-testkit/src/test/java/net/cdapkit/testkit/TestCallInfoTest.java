package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.cdapkit.event.CallEnd;
import net.cdapkit.event.CallInfo;
import net.cdapkit.event.CallOutcome;
import net.cdapkit.event.CdapEventListener;
import net.cdapkit.event.CdapOperation;
import org.junit.jupiter.api.Test;

class TestCallInfoTest {

  @Test
  void of_whenAListenerKeepsStateWithTheCall_findsItAtTheEnd() {
    List<Object> seen = new ArrayList<>();
    CdapEventListener listener =
        new CdapEventListener() {
          @Override
          public void callStart(CallInfo call) {
            call.attach(this, call.operation().tagName());
          }

          @Override
          public void callEnd(CallInfo call, CallEnd end) {
            seen.add(call.attachment(this));
            call.attach(this, null);
            seen.add(call.attachment(this));
          }
        };
    TestCallInfo call = TestCallInfo.of(CdapOperation.TAB_SYNTHESE);

    listener.callStart(call);
    listener.callEnd(
        call, new CallEnd(CallOutcome.SUCCESS, 1, Duration.ofMillis(3), Optional.empty()));

    assertThat(seen).containsExactly("tab.synthese", null);
  }

  @Test
  void of_whenTwoCallsLookAlike_keepsThemApart() {
    TestCallInfo first = TestCallInfo.of(CdapOperation.HELP, "T2", null, true);
    TestCallInfo second = TestCallInfo.of(CdapOperation.HELP, "T2", null, true);
    first.attach(this, "first");

    assertThat(first).isNotEqualTo(second);
    assertThat(second.attachment(this)).isNull();
    assertThat(first.cafCode()).isEmpty();
    assertThat(first.async()).isTrue();
  }
}
