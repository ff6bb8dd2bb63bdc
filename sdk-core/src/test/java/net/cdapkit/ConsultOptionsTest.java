package net.cdapkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.TransportException;
import net.cdapkit.hostile.Contract;
import net.cdapkit.hostile.HostileServer;
import net.cdapkit.hostile.HostileServer.Reply;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dossier lookup and the online help, reads outside a dossier, take per-call options as the
 * dossier's own reads do.
 */
class ConsultOptionsTest {
  private static final Finalite SOCIAL = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL);
  private static final NumeroAllocataire DEMO = NumeroAllocataire.of("9900001");
  private static final RequestOptions HURRIED =
      RequestOptions.defaults().withBudget(Duration.ofMillis(300));

  private HostileServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /**
   * A session on a server that never answers requests whose path ends with {@code hanging}, with
   * the client's budget at one minute.
   */
  private CdapSession sessionWhere(String hanging) {
    server =
        HostileServer.start(
            (r, n) -> r.path().endsWith(hanging) ? Reply.hang() : Contract.answer(r));
    return HostileClients.builder(server, Duration.ofMinutes(1)).build().authenticate();
  }

  private CafContext cafWhoseLookupHangs() {
    return sessionWhere("/dossiers/recherche").selectCaf("751");
  }

  private CdapSession sessionWhoseHelpHangs() {
    return sessionWhere("/aide/fiches");
  }

  @Test
  void consultDossier_whenBudgetGivenAndLookupHangs_failsTypedWithinTheBudgetNotTheClients() {
    CafContext caf = cafWhoseLookupHangs();
    // The margin is the point: the client's own budget is a minute.
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertThatThrownBy(() -> caf.consultDossier(DEMO, SOCIAL, HURRIED))
                .isInstanceOf(TransportException.class));
  }

  @Test
  void consultDossierAsync_whenBudgetGivenAndLookupHangs_failsTheFutureTyped() {
    CafContext caf = cafWhoseLookupHangs();
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertThatThrownBy(
                    () -> AsyncDossier.join(caf.consultDossierAsync(DEMO, SOCIAL, HURRIED)))
                .isInstanceOf(TransportException.class));
  }

  @Test
  void consultDossier_whenOptionsNull_refusesBeforeAnyRequest() {
    CafContext caf = cafWhoseLookupHangs();
    long lookups = server.count("POST", "/dossiers/recherche");
    assertThatThrownBy(() -> caf.consultDossier(DEMO, SOCIAL, null))
        .isInstanceOf(InvalidInputException.class);
    assertThat(server.count("POST", "/dossiers/recherche")).isEqualTo(lookups);
  }

  @Test
  void help_whenBudgetGivenAndHelpHangs_failsTypedWithinTheBudgetNotTheClients() {
    CdapSession session = sessionWhoseHelpHangs();
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertThatThrownBy(() -> session.help(HURRIED)).isInstanceOf(TransportException.class));
  }

  @Test
  void helpAsync_whenBudgetGivenAndHelpHangs_failsTheFutureTyped() {
    CdapSession session = sessionWhoseHelpHangs();
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertThatThrownBy(() -> AsyncDossier.join(session.helpAsync(HURRIED)))
                .isInstanceOf(TransportException.class));
  }

  @Test
  void help_whenOptionsNull_refusesBeforeAnyRequest() {
    CdapSession session = sessionWhoseHelpHangs();
    assertThatThrownBy(() -> session.help(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> AsyncDossier.join(session.helpAsync(null)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(server.count("GET", "/aide/fiches")).isZero();
  }
}
