package net.cdapkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import net.cdapkit.audit.AuditOperation;
import net.cdapkit.audit.AuditOutcome;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.event.CallEnd;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.event.DenialKind;
import net.cdapkit.hostile.Contract;
import net.cdapkit.hostile.HostileServer;
import net.cdapkit.model.CafCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A CAF outside the session's is refused by {@code selectCaf}, outside any call, and still told to
 * the listener as a denial of its own, like a denied tab or finalité.
 */
class CafDenialEventTest {
  private final RecordingEventListener listener = new RecordingEventListener();
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private HostileServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A T1 session for CAFs 751 and 931, over a server that answers the contract. */
  private CdapSession session() {
    server = HostileServer.start((r, n) -> Contract.answer(r));
    return HostileClients.builder(server, Duration.ofSeconds(5))
        .auditSink(audit)
        .eventListener(listener)
        .build()
        .authenticate();
  }

  @Test
  void selectCaf_whenCafOutsideTheSession_tellsOneCafDenialAndSendsNothing() {
    CdapSession session = session();
    int sent = server.requests().size();
    int told = listener.events().size();

    assertThatThrownBy(() -> session.selectCaf("131"))
        .isInstanceOf(CapabilityDeniedException.class)
        .hasMessageContaining("CAF 131")
        .satisfies(e -> assertThat(((CapabilityDeniedException) e).profile()).isEqualTo("T1"));

    assertThat(server.requests()).hasSize(sent);
    List<RecordingEventListener.Event> events =
        listener.events().subList(told, listener.events().size());
    assertThat(events)
        .extracting(RecordingEventListener.Event::line)
        .containsExactly("callStart caf.selection", "denied CAF", "callEnd DENIED 0");
    assertThat(events.stream().filter(e -> e.detail() == DenialKind.CAF)).hasSize(1);
    RecordingEventListener.Event end = events.get(2);
    assertThat(end.call().operation()).isEqualTo(CdapOperation.CAF_SELECTION);
    assertThat(end.call().cafCode()).contains("131");
    assertThat(end.call().profile()).isEqualTo("T1");
    assertThat(((CallEnd) end.detail()).errorType()).contains("CapabilityDeniedException");
  }

  @Test
  void selectCaf_whenCafOutsideTheSession_keepsItsOneDeniedAuditRecord() {
    CdapSession session = session();
    int before = audit.records().size();

    assertThatThrownBy(() -> session.selectCaf(CafCode.of("131")))
        .isInstanceOf(CapabilityDeniedException.class);

    List<AuditRecord> records = audit.records().subList(before, audit.records().size());
    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.operation()).isEqualTo(AuditOperation.CAF_SELECTION);
              assertThat(r.outcome()).isEqualTo(AuditOutcome.DENIED);
            });
  }

  @Test
  void selectCaf_whenCafIsTheSessions_tellsNothing() {
    CdapSession session = session();
    int told = listener.events().size();

    session.selectCaf("751");
    session.selectCaf("931");

    assertThat(listener.events()).hasSize(told);
  }

  @Test
  void selectCaf_whenCafRefused_tellsNoPersonalDataNorToken() {
    CdapSession session = session();
    int told = listener.events().size();

    assertThatThrownBy(() -> session.selectCaf("131"))
        .isInstanceOf(CapabilityDeniedException.class);

    String all =
        listener.events().subList(told, listener.events().size()).stream()
            .map(e -> e.line() + " " + e.call() + " " + e.detail())
            .reduce("", String::concat);
    assertThat(all)
        .doesNotContain("agent-test")
        .doesNotContain("AGT-000042")
        .doesNotContain("SPECIMEN")
        .doesNotContain(Contract.TOKEN);
  }
}
