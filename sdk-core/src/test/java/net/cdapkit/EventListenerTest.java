package net.cdapkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import net.cdapkit.audit.AtypicalUseException;
import net.cdapkit.audit.UsageGuard;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.OutcomeUnknownException;
import net.cdapkit.event.AttemptEnd;
import net.cdapkit.event.AttemptHeaders;
import net.cdapkit.event.CallEnd;
import net.cdapkit.event.CallInfo;
import net.cdapkit.event.CdapEventListener;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.hostile.Contract;
import net.cdapkit.hostile.HostileServer;
import net.cdapkit.hostile.HostileServer.Reply;
import net.cdapkit.hostile.HostileServer.Request;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a {@link CdapEventListener} is told, call by call, blocking and asynchronous. */
class EventListenerTest {
  private static final Finalite SOCIAL = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL);

  private final RecordingEventListener listener = new RecordingEventListener();
  private HostileServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private CdapClient client(
      HostileServer.Handler handler, Function<CdapClient.Builder, CdapClient.Builder> more) {
    server = HostileServer.start(handler);
    return more.apply(HostileClients.builder(server, Duration.ofSeconds(5)).eventListener(listener))
        .build();
  }

  private CdapClient client(HostileServer.Handler handler) {
    return client(handler, b -> b);
  }

  private static Dossier dossier(CdapClient client) {
    return client.authenticate().selectCaf("751").consultDossier("9900001", SOCIAL);
  }

  /** The lines of the last call of operation {@code op}. */
  private List<String> lastCall(CdapOperation op) {
    List<RecordingEventListener.Event> all = listener.events();
    CallInfo last = null;
    for (RecordingEventListener.Event e : all) {
      if (e.call().operation() == op) {
        last = e.call();
      }
    }
    CallInfo call = last;
    return all.stream()
        .filter(e -> e.call() == call)
        .map(RecordingEventListener.Event::line)
        .toList();
  }

  @Test
  void read_whenSuccessful_reportsStartAttemptAndEnd() {
    Dossier d = dossier(client((r, n) -> Contract.answer(r)));
    d.synthese();
    assertThat(lastCall(CdapOperation.TAB_SYNTHESE))
        .containsExactly(
            "callStart tab.synthese", "attemptStart 1", "attemptEnd 1 200", "callEnd SUCCESS 1");
    RecordingEventListener.Event end = listener.events().get(listener.events().size() - 1);
    assertThat(end.call().cafCode()).contains("751");
    assertThat(end.call().profile()).isEqualTo("T1");
    assertThat(end.call().async()).isFalse();
    assertThat(
            ((AttemptEnd) listener.events().get(listener.events().size() - 2).detail()).requestId())
        .isPresent();
    assertThat(listener.overlapped()).isFalse();
  }

  @Test
  void read_whenAsync_reportsTheSameEventsAsBlocking() {
    Dossier d = dossier(client((r, n) -> Contract.answer(r)));
    AsyncDossier.join(d.async().synthese());
    assertThat(lastCall(CdapOperation.TAB_SYNTHESE))
        .containsExactly(
            "callStart tab.synthese", "attemptStart 1", "attemptEnd 1 200", "callEnd SUCCESS 1");
    assertThat(listener.events().get(listener.events().size() - 1).call().async()).isTrue();
  }

  @Test
  void read_after503_reportsTheRetry() {
    AtomicInteger tabs = new AtomicInteger();
    Dossier d =
        dossier(
            client(
                (r, n) ->
                    r.path().endsWith("/synthese") && tabs.incrementAndGet() == 1
                        ? Reply.error(503, "50003")
                        : Contract.answer(r)));
    d.synthese();
    assertThat(lastCall(CdapOperation.TAB_SYNTHESE))
        .containsExactly(
            "callStart tab.synthese",
            "attemptStart 1",
            "attemptEnd 1 503",
            "retryScheduled SERVER_ERROR",
            "attemptStart 2",
            "attemptEnd 2 200",
            "callEnd SUCCESS 2");
  }

  @Test
  void read_after429_honoursRetryAfterInTheScheduledDelay() {
    AtomicInteger tabs = new AtomicInteger();
    Dossier d =
        dossier(
            client(
                (r, n) ->
                    r.path().endsWith("/synthese") && tabs.incrementAndGet() == 1
                        ? Reply.error(429, "42900", "Retry-After: 1")
                        : Contract.answer(r)));
    d.synthese();
    assertThat(lastCall(CdapOperation.TAB_SYNTHESE)).contains("retryScheduled RATE_LIMITED");
    Duration delay =
        (Duration)
            listener.events().stream()
                .filter(e -> e.line().equals("retryScheduled RATE_LIMITED"))
                .findFirst()
                .orElseThrow()
                .detail();
    assertThat(delay).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void read_whenPaced_reportsThePacingWait() {
    Dossier d =
        dossier(client((r, n) -> Contract.answer(r), b -> b.rateLimit(RateLimit.perSecond(20, 1))));
    d.synthese();
    d.resume();
    d.droits();
    assertThat(listener.lines()).contains("pacingWait");
  }

  @Test
  void read_whenTokenExpired_reportsTheRenewalAndTheReplay() {
    AtomicInteger tabs = new AtomicInteger();
    Dossier d =
        dossier(
            client(
                (r, n) ->
                    r.path().endsWith("/synthese") && tabs.incrementAndGet() == 1
                        ? Reply.error(401, "10004")
                        : Contract.answer(r)));
    d.synthese();
    assertThat(lastCall(CdapOperation.TAB_SYNTHESE))
        .containsExactly(
            "callStart tab.synthese",
            "attemptStart 1",
            "attemptEnd 1 401",
            "retryScheduled TOKEN_EXPIRED",
            "tokenRenewal ok",
            "attemptStart 2",
            "attemptEnd 2 200",
            "callEnd SUCCESS 2");
  }

  @Test
  void read_whenAnotherCallRenews_reportsAJoinedRenewal() throws Exception {
    AtomicInteger auths = new AtomicInteger();
    AtomicReference<CdapSession> session = new AtomicReference<>();
    CdapClient client =
        client(
            (r, n) -> {
              // Every read with the first token is told it expired; the renewal answers only once
              // the second call waits on it too, so that it finds the renewal under way.
              if (r.path().endsWith("/auth/token") && auths.incrementAndGet() > 1) {
                Await.until(
                    "both calls waiting on one renewal",
                    Duration.ofSeconds(5),
                    () -> Renewals.waiters(session.get()) >= 2);
              }
              if ((r.path().endsWith("/synthese") || r.path().endsWith("/resume"))
                  && "Bearer tok_EXEMPLE_0123456789abcdef".equals(r.header("Authorization"))) {
                return Reply.error(401, "10004");
              }
              return r.path().endsWith("/auth/token") && auths.get() > 1
                  ? Reply.json(200, Contract.token("\"tok_EXEMPLE_renewed0123456789\"", "1800"))
                  : Contract.answer(r);
            });
    session.set(client.authenticate());
    Dossier d = session.get().selectCaf("751").consultDossier("9900001", SOCIAL);
    CompletableFuture<?> a = d.async().synthese();
    CompletableFuture<?> b = d.async().resume();
    AsyncDossier.join(a);
    AsyncDossier.join(b);
    assertThat(auths.get()).isEqualTo(2);
    assertThat(listener.lines()).contains("tokenRenewal ok", "tokenRenewal ok joined");
  }

  @Test
  void denials_reportTheirKind() {
    String noRsa = Contract.golden("token.json").replace("\"rsa\", ", "");
    CdapClient client =
        client(
            (r, n) ->
                r.path().endsWith("/auth/token") ? Reply.json(200, noRsa) : Contract.answer(r),
            b ->
                b.usageGuard(
                    UsageGuard.builder()
                        .maxPerHour(1)
                        .noNightHours()
                        .mode(UsageGuard.Mode.BLOCK)
                        .build()));
    CdapSession session = client.authenticate();
    CafContext caf = session.selectCaf("751");
    Dossier d = caf.consultDossier("9900001", SOCIAL);
    assertThatThrownBy(d::rsa).isInstanceOf(CapabilityDeniedException.class);
    assertThat(lastCall(CdapOperation.TAB_RSA))
        .containsExactly("callStart tab.rsa", "denied CAPABILITY", "callEnd DENIED 0");
    assertThatThrownBy(
            () -> caf.consultDossier("9900001", Finalite.of(FinaliteCode.INSTRUCTION_RSA)))
        .isInstanceOf(CapabilityDeniedException.class);
    assertThat(lastCall(CdapOperation.DOSSIER_LOOKUP)).contains("denied FINALITE");
    assertThatThrownBy(() -> caf.consultDossier("9900002", SOCIAL))
        .isInstanceOf(AtypicalUseException.class);
    assertThat(lastCall(CdapOperation.DOSSIER_LOOKUP)).contains("denied USAGE_GUARD");
    assertThatThrownBy(() -> caf.consultDossier((net.cdapkit.model.NumeroAllocataire) null, SOCIAL))
        .isInstanceOf(InvalidInputException.class);
    assertThat(lastCall(CdapOperation.DOSSIER_LOOKUP))
        .containsExactly("callStart dossier.lookup", "denied INVALID_INPUT", "callEnd DENIED 0");
  }

  @Test
  void send_whenNoAnswer_reportsOutcomeUnknownThenEnd() {
    CafContext caf =
        client((r, n) -> r.path().endsWith("/dialogues") ? Reply.close() : Contract.answer(r))
            .authenticate()
            .selectCaf("751");
    assertThatThrownBy(
            () ->
                caf.sendDialogue(
                    DialogueMessage.builder().objet("Objet").message("Bonjour").build()))
        .isInstanceOf(OutcomeUnknownException.class);
    List<String> lines = lastCall(CdapOperation.DIALOGUE);
    assertThat(lines.subList(lines.size() - 2, lines.size()))
        .containsExactly("outcomeUnknown", "callEnd OUTCOME_UNKNOWN 3");
  }

  @Test
  void callEnd_isToldExactlyOnce_blockingAsyncAndCancelled() throws Exception {
    CountDownLatch hanging = new CountDownLatch(1);
    // The client's own dispatcher, to know when the cancelled exchange has unwound.
    ThreadPoolExecutor dispatcherPool =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>());
    OkHttpClient okHttp =
        new OkHttpClient.Builder().dispatcher(new Dispatcher(dispatcherPool)).build();
    Dossier d =
        dossier(
            client(
                (r, n) -> {
                  if (r.path().endsWith("/rsa")) {
                    hanging.countDown();
                    return Reply.hang();
                  }
                  return Contract.answer(r);
                },
                b -> b.okHttpClient(okHttp)));
    d.synthese();
    AsyncDossier.join(d.async().resume());
    CompletableFuture<?> cancelled = d.async().rsa();
    assertThat(hanging.await(5, TimeUnit.SECONDS)).isTrue();
    cancelled.cancel(true);
    // Nothing more may be told once the exchange has unwound: OkHttp holds no call, and the pool
    // where its failure and the SDK's follow-up steps run has no task left.
    Await.until(
        "the cancelled exchange to unwind",
        Duration.ofSeconds(5),
        () -> {
          long completed = dispatcherPool.getCompletedTaskCount();
          return okHttp.dispatcher().runningCallsCount() == 0
              && dispatcherPool.getTaskCount() == completed;
        });
    for (CdapOperation op :
        List.of(CdapOperation.TAB_SYNTHESE, CdapOperation.TAB_RESUME, CdapOperation.TAB_RSA)) {
      assertThat(lastCall(op).stream().filter(l -> l.startsWith("callEnd"))).hasSize(1);
      assertThat(lastCall(op).get(lastCall(op).size() - 1)).startsWith("callEnd");
    }
    assertThat(lastCall(CdapOperation.TAB_RSA)).contains("callEnd CANCELLED 1");
  }

  @Test
  void listener_whenItThrows_neverBreaksTheCall() {
    CdapEventListener throwing =
        new CdapEventListener() {
          @Override
          public void callStart(CallInfo call) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void attemptStart(CallInfo call, int attempt, AttemptHeaders headers) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void attemptEnd(CallInfo call, AttemptEnd attempt) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void callEnd(CallInfo call, CallEnd end) {
            throw new IllegalStateException("boom");
          }
        };
    Dossier d =
        dossier(
            client(
                (r, n) -> Contract.answer(r),
                b -> b.eventListener(CdapEventListener.composite(List.of(throwing, listener)))));
    assertThat(d.synthese()).isNotNull();
    assertThat(AsyncDossier.join(d.async().logement())).isNotNull();
    assertThat(lastCall(CdapOperation.TAB_LOGEMENT)).endsWith("callEnd SUCCESS 1");
  }

  @Test
  void attemptStart_traceparentReachesTheWire_andOtherHeadersAreRefused() {
    String tp = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    listener.traceparent = tp;
    Dossier d = dossier(client((r, n) -> Contract.answer(r)));
    d.synthese();
    Request sent =
        server.requests().stream()
            .filter(r -> r.path().endsWith("/synthese"))
            .findFirst()
            .orElseThrow();
    assertThat(sent.header("traceparent")).isEqualTo(tp);
    AttemptHeaders headers =
        (AttemptHeaders)
            listener.events().stream()
                .filter(e -> e.line().startsWith("attemptStart"))
                .findFirst()
                .orElseThrow()
                .detail();
    assertThatThrownBy(() -> headers.set("Authorization", "Bearer other"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> headers.set("traceparent", "bad\r\nX-Injected: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void events_carryNoPersonalData() {
    Dossier d = dossier(client((r, n) -> Contract.answer(r)));
    d.synthese();
    d.paiements().toList();
    for (RecordingEventListener.Event e : listener.events()) {
      String all = e.line() + " " + e.call() + " " + e.detail() + " " + e.call().cafCode();
      assertThat(all)
          .doesNotContain("9900001")
          .doesNotContain("tok_EXEMPLE")
          .doesNotContain("dos_");
    }
  }

  @Test
  void writes_haveAsyncFormsThatReportTheirOperation() {
    Dossier d = dossier(client((r, n) -> Contract.answer(r)));
    assertThat(
            AsyncDossier.join(
                d.async().requestAttestation(net.cdapkit.model.AttestationType.PAIEMENT)))
        .isNotNull();
    assertThat(
            AsyncDossier.join(
                d.async()
                    .requestAttestationByPost(
                        net.cdapkit.model.AttestationType.PAIEMENT, RequestOptions.defaults())))
        .isNotNull();
    assertThat(
            AsyncDossier.join(
                d.session()
                    .selectCaf("751")
                    .sendDialogueAsync(
                        DialogueMessage.builder()
                            .objet("Objet")
                            .message("Bonjour")
                            .dossier(d)
                            .build(),
                        RequestOptions.defaults())))
        .isNotNull();
    assertThat(AsyncDossier.join(d.async().paiements(Periode.all())).toList()).isNotEmpty();
    assertThat(lastCall(CdapOperation.ATTESTATION_POSTALE)).endsWith("callEnd SUCCESS 1");
    assertThat(lastCall(CdapOperation.DIALOGUE)).endsWith("callEnd SUCCESS 1");
  }
}
