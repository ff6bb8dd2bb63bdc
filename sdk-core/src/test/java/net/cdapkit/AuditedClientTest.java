package net.cdapkit;

import static net.cdapkit.ClientPipelineTest.error;
import static net.cdapkit.ClientPipelineTest.json;
import static net.cdapkit.ClientPipelineTest.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import net.cdapkit.audit.AtypicalUseException;
import net.cdapkit.audit.AuditException;
import net.cdapkit.audit.AuditOperation;
import net.cdapkit.audit.AuditOutcome;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.audit.UsageGuard;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.NotFoundException;
import net.cdapkit.error.OutcomeUnknownException;
import net.cdapkit.error.ServerException;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the client writes to its audit sink for each operation and outcome, and what it refuses to
 * send when the sink fails; the agent header on every request.
 */
class AuditedClientTest {
  private static final String ALL_TABS =
      "\"synthese\",\"resume\",\"paiements\",\"droits\",\"famille\",\"ressources\",\"rsa\","
          + "\"courriers\",\"logement\",\"creances\"";
  private static final String ACTIONS = "\"ATTESTATION_PDF\",\"ATTESTATION_POSTALE\",\"DIALOGUE\"";
  private static final String REFERENCE =
      "{\"reference\":\"dos_abcdefgh12345678\",\"caf\":\"751\"}";
  private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");

  private MockWebServer server;
  private RecordingAuditSink sink;
  private CdapClient.Builder builder;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    sink = new RecordingAuditSink();
    builder =
        CdapClient.builder()
            .baseUrl(server.url("/api/v1/").toString())
            .credentials(CredentialsProvider.of("agent.test", "pw-test-123"))
            .retryPolicy(
                RetryPolicy.of(
                    2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(5)))
            .auditSink(sink)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CdapSession session(CdapClient client) throws InterruptedException {
    server.enqueue(json(200, token("T1", ALL_TABS, ACTIONS, "\"ACCOMPAGNEMENT_SOCIAL\"")));
    CdapSession session = client.authenticate();
    server.takeRequest();
    return session;
  }

  private Dossier dossier(CdapSession session) throws InterruptedException {
    server.enqueue(json(200, REFERENCE));
    Dossier d =
        session
            .selectCaf("751")
            .consultDossier(
                "9900001", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "Dossier FSL 2026-104"));
    server.takeRequest();
    return d;
  }

  private List<AuditRecord> records() {
    return sink.records();
  }

  private AuditRecord last() {
    List<AuditRecord> all = records();
    return all.get(all.size() - 1);
  }

  @Test
  void consultation_writesPendingThenSuccess_withWhoWhatWhenWhy() throws Exception {
    CdapSession session = session(builder.build());
    dossier(session);

    List<AuditRecord> all = records();
    assertThat(all).hasSize(2);
    AuditRecord pending = all.get(0);
    AuditRecord success = all.get(1);
    assertThat(pending.outcome()).isEqualTo(AuditOutcome.PENDING);
    assertThat(pending.attempts()).isZero();
    assertThat(success.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(success.operationId()).isEqualTo(pending.operationId());
    assertThat(success.operation()).isEqualTo(AuditOperation.CONSULTATION);
    assertThat(success.time()).isEqualTo(NOW);
    assertThat(success.partner()).isEqualTo("P1");
    assertThat(success.agent()).isEqualTo("agent-test");
    assertThat(success.profile()).isEqualTo("T1");
    assertThat(success.caf()).contains(CafCode.of("751"));
    assertThat(success.dossier())
        .contains(sink.key.pseudonym(CafCode.of("751"), NumeroAllocataire.of("9900001")));
    assertThat(success.finalite()).contains(FinaliteCode.ACCOMPAGNEMENT_SOCIAL);
    assertThat(success.finaliteDetailGiven()).isTrue();
    assertThat(success.finaliteDetail()).isEmpty();
    assertThat(success.requestId()).isPresent();
    assertThat(success.attempts()).isEqualTo(1);
    assertThat(success.toString()).doesNotContain("9900001").doesNotContain("FSL");
  }

  @Test
  void everyOperation_leavesOnePendingAndOneOutcomeRecord() throws Exception {
    CdapSession session = session(builder.build());
    Dossier d = dossier(session);
    server.enqueue(json(200, "{\"perimetre\":\"COMPLET\",\"droits\":[]}"));
    server.enqueue(
        json(
            200,
            "{\"perimetre\":\"COMPLET\",\"elements\":[],\"page\":{\"numero\":0,\"taille\":100}}"));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/pdf")
            .body("%PDF-1.4 fictif")
            .build());
    server.enqueue(
        json(
            201,
            "{\"reference\":\"ENV-751-000001\",\"type\":\"PAIEMENT\",\"dateEnvoiPrevue\":\"2026-03-04\"}"));
    server.enqueue(
        json(201, "{\"reference\":\"DLG-751-000001\",\"recuLe\":\"2026-03-03T10:00:00+01:00\"}"));

    d.droits();
    d.paiements().toList();
    d.requestAttestation(AttestationType.PAIEMENT);
    d.requestAttestationByPost(AttestationType.PAIEMENT);
    session
        .selectCaf("751")
        .sendDialogue(DialogueMessage.builder().objet("o").message("m").dossier(d).build());

    List<AuditRecord> all = records().subList(2, records().size());
    assertThat(all).hasSize(10);
    assertThat(all)
        .extracting(AuditRecord::outcome)
        .containsExactly(
            AuditOutcome.PENDING, AuditOutcome.SUCCESS,
            AuditOutcome.PENDING, AuditOutcome.SUCCESS,
            AuditOutcome.PENDING, AuditOutcome.SUCCESS,
            AuditOutcome.PENDING, AuditOutcome.SUCCESS,
            AuditOutcome.PENDING, AuditOutcome.SUCCESS);
    assertThat(all.get(1).tab()).contains(Tab.DROITS);
    assertThat(all.get(1).page()).isEmpty();
    assertThat(all.get(3).tab()).contains(Tab.PAIEMENTS);
    assertThat(all.get(3).page()).contains(0);
    assertThat(all.get(5).operation()).isEqualTo(AuditOperation.ATTESTATION_PDF);
    assertThat(all.get(5).attestationType()).contains(AttestationType.PAIEMENT);
    assertThat(all.get(7).operation()).isEqualTo(AuditOperation.ATTESTATION_POSTALE);
    assertThat(all.get(9).operation()).isEqualTo(AuditOperation.DIALOGUE);
    assertThat(all.get(9).dossier()).isEqualTo(all.get(1).dossier());
    assertThat(all.get(9).finalite()).contains(FinaliteCode.ACCOMPAGNEMENT_SOCIAL);
  }

  @Test
  void asyncReads_areAuditedLikeBlockingOnes() throws Exception {
    CdapSession session = session(builder.build());
    Dossier d = dossier(session);
    server.enqueue(json(200, "{\"perimetre\":\"COMPLET\",\"droits\":[]}"));
    server.enqueue(
        json(
            200,
            "{\"perimetre\":\"COMPLET\",\"elements\":[],\"page\":{\"numero\":0,\"taille\":100}}"));
    server.enqueue(error(500, "50000"));

    AsyncDossier.join(d.async().droits());
    AsyncDossier.join(d.async().paiements(Periode.all()));
    assertThatThrownBy(() -> AsyncDossier.join(d.async().creances()))
        .isInstanceOf(ServerException.class);

    List<AuditRecord> all = records().subList(2, records().size());
    assertThat(all)
        .extracting(AuditRecord::outcome)
        .containsExactly(
            AuditOutcome.PENDING, AuditOutcome.SUCCESS,
            AuditOutcome.PENDING, AuditOutcome.SUCCESS,
            AuditOutcome.PENDING, AuditOutcome.FAILED);
    assertThat(all.get(1).tab()).contains(Tab.DROITS);
    assertThat(all.get(1).requestId()).isPresent();
    assertThat(all.get(3).page()).contains(0);
    assertThat(all.get(5).failure()).contains("ServerException");
    assertThat(all.get(5).operationId()).isEqualTo(all.get(4).operationId());
  }

  @Test
  void asyncReads_whenDeniedOrJournalFails_sendNothing() throws Exception {
    server.enqueue(json(200, token("T5", "\"synthese\"", "", "\"GESTION_LOCATIVE\"")));
    CdapSession session = builder.build().authenticate();
    server.takeRequest();
    server.enqueue(json(200, REFERENCE));
    Dossier d =
        session
            .selectCaf("751")
            .consultDossier("9900001", Finalite.of(FinaliteCode.GESTION_LOCATIVE));
    int sent = server.getRequestCount();

    assertThatThrownBy(() -> AsyncDossier.join(d.async().rsa()))
        .isInstanceOf(CapabilityDeniedException.class);
    assertThat(last().outcome()).isEqualTo(AuditOutcome.DENIED);
    sink.failFromNow();
    assertThatThrownBy(() -> AsyncDossier.join(d.async().synthese()))
        .isInstanceOf(AuditException.class);
    assertThat(server.getRequestCount()).isEqualTo(sent);
  }

  @Test
  void refusalsBeforeAnyRequest_areRecordedDeniedWithZeroAttempts() throws Exception {
    server.enqueue(json(200, token("T5", "\"synthese\"", "", "\"GESTION_LOCATIVE\"")));
    CdapSession session = builder.build().authenticate();
    server.takeRequest();
    server.enqueue(json(200, REFERENCE));
    Dossier d =
        session
            .selectCaf("751")
            .consultDossier("9900001", Finalite.of(FinaliteCode.GESTION_LOCATIVE));
    int sent = server.getRequestCount();
    int before = records().size();

    assertThatThrownBy(d::rsa).isInstanceOf(CapabilityDeniedException.class);
    assertThatThrownBy(d::paiements).isInstanceOf(CapabilityDeniedException.class);
    assertThatThrownBy(() -> d.requestAttestation(AttestationType.PAIEMENT))
        .isInstanceOf(CapabilityDeniedException.class);
    assertThatThrownBy(() -> session.selectCaf("131"))
        .isInstanceOf(CapabilityDeniedException.class);
    assertThatThrownBy(
            () ->
                session
                    .selectCaf("751")
                    .consultDossier("9900002", Finalite.of(FinaliteCode.INSTRUCTION_RSA)))
        .isInstanceOf(CapabilityDeniedException.class);
    assertThatThrownBy(
            () ->
                session
                    .selectCaf("751")
                    .sendDialogue(DialogueMessage.builder().objet("o").message("m").build()))
        .isInstanceOf(CapabilityDeniedException.class);

    List<AuditRecord> denied = records().subList(before, records().size());
    assertThat(server.getRequestCount()).isEqualTo(sent);
    assertThat(denied).hasSize(6);
    assertThat(denied)
        .allSatisfy(
            r -> {
              assertThat(r.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(r.attempts()).isZero();
              assertThat(r.failure()).contains("CapabilityDeniedException");
            });
    assertThat(denied)
        .extracting(AuditRecord::operation)
        .containsExactly(
            AuditOperation.TAB,
            AuditOperation.TAB,
            AuditOperation.ATTESTATION_PDF,
            AuditOperation.CAF_SELECTION,
            AuditOperation.CONSULTATION,
            AuditOperation.DIALOGUE);
    assertThat(denied.get(0).tab()).contains(Tab.RSA);
    assertThat(denied.get(3).caf()).contains(CafCode.of("131"));
    assertThat(denied.get(3).dossier()).isEmpty();
    assertThat(denied.get(4).finalite()).contains(FinaliteCode.INSTRUCTION_RSA);
    assertThat(denied.get(4).dossier())
        .contains(sink.key.pseudonym(CafCode.of("751"), NumeroAllocataire.of("9900002")));
  }

  @Test
  void failures_areRecordedWithTheirOutcomeTypeRequestIdAndAttempts() throws Exception {
    CdapSession session = session(builder.build());
    server.enqueue(error(404, "37003"));
    assertThatThrownBy(
            () ->
                session
                    .selectCaf("751")
                    .consultDossier("9900003", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL)))
        .isInstanceOf(NotFoundException.class);
    assertThat(last().outcome()).isEqualTo(AuditOutcome.NOT_FOUND);
    assertThat(last().failure()).contains("NotFoundException");
    assertThat(last().attempts()).isEqualTo(1);
    assertThat(last().requestId()).isPresent();

    Dossier d = dossier(session);
    server.enqueue(error(500, "50000"));
    assertThatThrownBy(d::synthese).isInstanceOf(ServerException.class);
    assertThat(last().outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(last().failure()).contains("ServerException");

    server.enqueue(error(403, "20001"));
    assertThatThrownBy(d::rsa).isInstanceOf(CapabilityDeniedException.class);
    assertThat(last().outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(last().attempts()).isEqualTo(1);

    server.enqueue(json(200, "{\"perimetre\":"));
    assertThatThrownBy(d::droits).hasMessageContaining("Malformed");
    assertThat(last().outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(last().failure()).contains("ProtocolException");

    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    assertThatThrownBy(() -> d.requestAttestationByPost(AttestationType.PAIEMENT))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(last().outcome()).isEqualTo(AuditOutcome.OUTCOME_UNKNOWN);
    assertThat(last().attempts()).isEqualTo(2);
  }

  @Test
  void failClosed_whenPendingRecordCannotBeWritten_sendsNothing() throws Exception {
    CdapSession session = session(builder.build());
    Dossier d = dossier(session);
    sink.failFromNow();
    int sent = server.getRequestCount();

    assertThatThrownBy(d::synthese)
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("not sent")
        .hasMessageNotContaining("9900001")
        .hasRootCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                session
                    .selectCaf("751")
                    .consultDossier("9900001", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL)))
        .isInstanceOf(AuditException.class);
    assertThat(server.getRequestCount()).isEqualTo(sent);
  }

  @Test
  void failClosed_whenOutcomeCannotBeWritten_withholdsTheAnswer() throws Exception {
    CdapSession session = session(builder.build());
    Dossier d = dossier(session);
    sink.failAfter(1);
    server.enqueue(json(200, "{\"perimetre\":\"COMPLET\",\"droits\":[]}"));

    assertThatThrownBy(d::droits)
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("withheld")
        .hasMessageContaining("PENDING record is there");
    assertThat(last().outcome()).isEqualTo(AuditOutcome.PENDING);
  }

  @Test
  void failOpen_whenSinkFails_sendsAnyway() throws Exception {
    CdapSession session = session(builder.auditFailClosed(false).build());
    Dossier d = dossier(session);
    sink.failFromNow();
    server.enqueue(json(200, "{\"perimetre\":\"COMPLET\",\"droits\":[]}"));

    assertThat(d.droits().droits()).isEmpty();
  }

  @Test
  void finaliteDetail_isJournaledOnlyWhenThePartnerOptsIn() throws Exception {
    CdapSession session = session(builder.auditFinaliteDetail(true).build());
    dossier(session);
    assertThat(last().finaliteDetail()).contains("Dossier FSL 2026-104");
  }

  @Test
  void usageGuard_inBlockMode_refusesBeforeAnyRequestAndRecordsDenied() throws Exception {
    UsageGuard guard = UsageGuard.builder().mode(UsageGuard.Mode.BLOCK).maxPerHour(1).build();
    CdapSession session = session(builder.usageGuard(guard).build());
    dossier(session);
    int sent = server.getRequestCount();

    assertThatThrownBy(
            () ->
                session
                    .selectCaf("751")
                    .consultDossier("9900002", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL)))
        .isInstanceOf(AtypicalUseException.class)
        .hasMessageContaining("HOURLY_VOLUME")
        .hasMessageNotContaining("agent-test");
    assertThat(server.getRequestCount()).isEqualTo(sent);
    assertThat(last().outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(last().failure()).contains("AtypicalUseException");
    assertThat(last().operation()).isEqualTo(AuditOperation.CONSULTATION);
  }

  @Test
  void usageGuard_countsConsultationsNotTabReads() throws Exception {
    UsageGuard guard = UsageGuard.builder().mode(UsageGuard.Mode.BLOCK).maxPerHour(1).build();
    CdapSession session = session(builder.usageGuard(guard).build());
    Dossier d = dossier(session);
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{\"perimetre\":\"COMPLET\",\"droits\":[]}"));
      d.droits();
    }
    assertThat(records()).extracting(AuditRecord::outcome).doesNotContain(AuditOutcome.DENIED);
  }

  @Test
  void everyAuthenticatedRequest_carriesTheAgentHeader_percentEncoded() throws Exception {
    server.enqueue(
        json(
            200,
            token("T1", ALL_TABS, ACTIONS, "\"ACCOMPAGNEMENT_SOCIAL\"")
                .replace("\"id\":\"agent-test\"", "\"id\":\"élise.exemple@cd75\"")));
    CdapSession session = builder.build().authenticate();
    RecordedRequest auth = server.takeRequest();
    assertThat(auth.getHeaders().get("X-Cdap-Agent")).isNull();
    Dossier d = dossier(session);
    server.enqueue(json(200, "{\"perimetre\":\"COMPLET\",\"droits\":[]}"));
    d.droits();
    RecordedRequest tab = server.takeRequest();
    server.enqueue(new MockResponse.Builder().code(204).build());
    session.close();
    RecordedRequest logout = server.takeRequest();

    assertThat(tab.getHeaders().get("X-Cdap-Agent")).isEqualTo("%C3%A9lise.exemple@cd75");
    assertThat(logout.getHeaders().get("X-Cdap-Agent")).isEqualTo("%C3%A9lise.exemple@cd75");
    assertThat(last().agent()).isEqualTo("élise.exemple@cd75");
  }

  @Test
  void withoutASink_nothingIsBuiltAndTheClientWorks() throws Exception {
    CdapClient client =
        CdapClient.builder()
            .baseUrl(server.url("/api/v1/").toString())
            .credentials(CredentialsProvider.of("agent.test", "pw-test-123"))
            .build();
    Dossier d = dossier(session(client));
    server.enqueue(json(200, "{\"perimetre\":\"COMPLET\",\"droits\":[]}"));
    assertThat(d.droits().droits()).isEmpty();
    assertThat(records()).isEmpty();
  }
}
