package net.cdapkit.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.cdapkit.event.CallEnd;
import net.cdapkit.event.CallInfo;
import net.cdapkit.event.CallOutcome;
import net.cdapkit.event.CdapEventListener;
import net.cdapkit.event.CdapOperation;
import org.junit.jupiter.api.Test;

class CallEventsAttachmentTest {

  @Test
  void attach_whenTwoOwners_keepsOneSlotEach() {
    CallEvents call =
        new CallEvents(CdapEventListener.none(), CdapOperation.TAB_SYNTHESE, "T1", "751", false);
    Object first = new Object();
    Object second = new Object();

    call.attach(first, "a");
    call.attach(second, "b");
    call.attach(first, "c");

    assertThat(call.attachment(first)).isEqualTo("c");
    assertThat(call.attachment(second)).isEqualTo("b");
    assertThat(call.attachment(new Object())).isNull();
  }

  @Test
  void attach_whenNull_emptiesTheSlot() {
    CallEvents call =
        new CallEvents(CdapEventListener.none(), CdapOperation.TAB_SYNTHESE, "T1", "751", false);
    Object owner = new Object();
    call.attach(owner, "state");

    call.attach(owner, null);

    assertThat(call.attachment(owner)).isNull();
  }

  @Test
  void attachment_whenListenerKeepsStateFromStartToEnd_findsItAtEnd() {
    List<Object> seenAtEnd = new ArrayList<>();
    CdapEventListener listener =
        new CdapEventListener() {
          @Override
          public void callStart(CallInfo call) {
            call.attach(this, "started");
          }

          @Override
          public void callEnd(CallInfo call, CallEnd end) {
            seenAtEnd.add(call.attachment(this));
          }
        };
    CallEvents call = new CallEvents(listener, CdapOperation.TAB_SYNTHESE, "T1", "751", false);

    call.start();
    call.end(CallOutcome.SUCCESS, null);

    assertThat(seenAtEnd).containsExactly("started");
  }

  @Test
  void attach_whenAnImplementationKeepsNone_saysSo() {
    CallInfo foreign =
        new CallInfo() {
          @Override
          public CdapOperation operation() {
            return CdapOperation.HELP;
          }

          @Override
          public String profile() {
            return "";
          }

          @Override
          public Optional<String> cafCode() {
            return Optional.empty();
          }

          @Override
          public boolean async() {
            return false;
          }

          @Override
          public long startNanos() {
            return 0;
          }
        };

    assertThatThrownBy(() -> foreign.attach(this, "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> foreign.attachment(this))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
