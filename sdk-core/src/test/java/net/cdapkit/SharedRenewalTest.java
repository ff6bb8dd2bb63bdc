package net.cdapkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.cdapkit.error.TransportException;
import net.cdapkit.hostile.Contract;
import net.cdapkit.hostile.HostileServer;
import net.cdapkit.hostile.HostileServer.Reply;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A token renewal is shared by every call that needs it: what happens to the call that started it
 * (interrupted, or out of budget) is that call's business, not the others'.
 */
class SharedRenewalTest {
  private static final Finalite SOCIAL = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL);
  private static final String FIRST = "Bearer tok_EXEMPLE_0123456789abcdef";

  private HostileServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /**
   * Reads with the first token are told it expired; the renewal answers only once {@code waiters}
   * calls wait on it, after running {@code meanwhile}.
   */
  private Dossier dossier(AtomicReference<CdapSession> session, Runnable meanwhile, int waiters) {
    AtomicInteger auths = new AtomicInteger();
    server =
        HostileServer.start(
            (r, n) -> {
              if (r.path().endsWith("/auth/token") && auths.incrementAndGet() > 1) {
                Await.until(
                    "both calls waiting on the renewal",
                    Duration.ofSeconds(5),
                    () -> Renewals.waiters(session.get()) >= waiters);
                meanwhile.run();
                return Reply.json(200, Contract.token("\"tok_EXEMPLE_renewed0123456789\"", "1800"));
              }
              if ((r.path().endsWith("/synthese") || r.path().endsWith("/resume"))
                  && FIRST.equals(r.header("Authorization"))) {
                return Reply.error(401, "10004");
              }
              return Contract.answer(r);
            });
    CdapClient client = HostileClients.builder(server, Duration.ofSeconds(10)).build();
    session.set(client.authenticate());
    return session.get().selectCaf("751").consultDossier("9900001", SOCIAL);
  }

  /**
   * How the call that started the renewal ended (null: with a value), and the joined one's value.
   */
  private record Outcome(Throwable starterFailure, Object joined) {}

  /**
   * Runs {@code starting} on a thread of its own ({@code starter} names it); once it has sent the
   * renewal, {@code joining} on another; then {@code ended} runs when the starting call is over.
   */
  private Outcome startThenJoin(
      Dossier starting, Dossier joining, AtomicReference<Thread> starter, Runnable ended)
      throws InterruptedException {
    AtomicReference<Throwable> starterFailure = new AtomicReference<>();
    Thread first =
        new Thread(
            () -> {
              try {
                starting.synthese();
              } catch (Throwable t) {
                starterFailure.set(t);
              } finally {
                ended.run();
              }
            });
    starter.set(first);
    first.start();
    Await.until(
        "the first call renewing",
        Duration.ofSeconds(5),
        () -> server.count("POST", "/auth/token") == 2);
    Object joined = AsyncDossier.join(CompletableFuture.supplyAsync(joining::resume));
    first.join();
    assertThat(server.count("POST", "/auth/token")).as("one renewal for both").isEqualTo(2);
    return new Outcome(starterFailure.get(), joined);
  }

  @Test
  void renewal_whenTheCallThatStartedItIsInterrupted_stillServesTheCallsThatJoinedIt()
      throws Exception {
    AtomicReference<CdapSession> session = new AtomicReference<>();
    AtomicReference<Thread> starter = new AtomicReference<>();
    Dossier d = dossier(session, () -> starter.get().interrupt(), 2);

    Outcome outcome = startThenJoin(d, d, starter, () -> {});

    assertThat(outcome.joined()).as("the call that joined the renewal").isNotNull();
    // The interrupted call ends typed and says it was interrupted: a timeout would send its
    // operator after the server.
    assertThat(outcome.starterFailure())
        .isInstanceOf(TransportException.class)
        .hasMessageStartingWith("Interrupted during ");
  }

  @Test
  void renewal_whenTheCallThatStartedItRunsOutOfBudget_stillServesTheCallsThatJoinedIt()
      throws Exception {
    AtomicReference<CdapSession> session = new AtomicReference<>();
    CountDownLatch starterGaveUp = new CountDownLatch(1);
    // A slow server: the renewal answers after the hurried call that started it has given up.
    Dossier d =
        dossier(
            session,
            () -> {
              try {
                starterGaveUp.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            2);
    Dossier hurried = d.withOptions(RequestOptions.defaults().withBudget(Duration.ofMillis(700)));

    Outcome outcome = startThenJoin(hurried, d, new AtomicReference<>(), starterGaveUp::countDown);

    assertThat(outcome.joined()).as("the call that joined, with ten seconds of budget").isNotNull();
    assertThat(outcome.starterFailure()).isInstanceOf(TransportException.class);
  }
}
