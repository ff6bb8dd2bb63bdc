package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.Dossier;
import net.cdapkit.History;
import net.cdapkit.Periode;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Paiement;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing is prefetched: each tab the caller asks for costs exactly its own request(s), and nothing
 * else is requested, in the order asked.
 */
class DataMinimisationTest {
  private static CdapSimulator simulator;
  private static CdapClient client;
  private static final RecordingNetworkInterceptor SENT = new RecordingNetworkInterceptor();
  private CdapSession session;

  @BeforeAll
  static void start() {
    simulator = CdapSimulator.builder().build().start();
    client =
        CdapClient.builder()
            .baseUrl(simulator.baseUrl())
            .okHttpClient(new OkHttpClient.Builder().addNetworkInterceptor(SENT).build())
            .credentials(CredentialsProvider.of("demo-t1", CdapSimulator.DEMO_PASSWORD))
            .build();
  }

  @AfterAll
  static void stop() {
    simulator.stop();
  }

  @BeforeEach
  void open() {
    simulator.reset();
    session = client.authenticate();
    SENT.clear();
  }

  private Dossier demo() {
    Dossier d =
        session
            .selectCaf(Catalogue.DEMO_CAF)
            .consultDossier(Catalogue.DEMO_NUMERO, Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL));
    assertThat(SENT.lines()).containsExactly("POST dossiers/recherche");
    SENT.clear();
    return d;
  }

  @Test
  void consultDossier_sendsOnlyTheLookup_noTab() {
    demo();
  }

  @Test
  void eachTabRead_sendsOneRequestForThatTabOnly() {
    Dossier d = demo();

    d.synthese();
    assertThat(SENT.lines()).containsExactly("GET dossiers/{ref}/synthese".replace("{ref}", ref()));
    SENT.clear();
    d.resume();
    d.droits();
    d.compositionFamille();
    d.ressources();
    d.rsa();
    d.logement();
    d.creances();

    assertThat(SENT.lines())
        .extracting(line -> line.substring(line.lastIndexOf('/') + 1))
        .containsExactly(
            "resume", "droits", "famille", "ressources", "rsa", "logement", "creances");
  }

  @Test
  void readingTheSameTabTwice_asksTwice_nothingIsCachedOrGuessed() {
    Dossier d = demo();
    d.synthese();
    d.synthese();
    assertThat(SENT.count()).isEqualTo(2);
  }

  @Test
  void history_sendsNothingUntilIterated_thenOneRequestPerPageReached() {
    // The dossier with the longest payment history, so that it spans several pages.
    SyntheticDossier longest =
        simulator.catalogue().dossiers().stream()
            .filter(x -> session.habilitations().allowsCaf(x.caf()))
            .max(java.util.Comparator.comparingInt(x -> x.paiements().size()))
            .orElseThrow();
    int lines = longest.paiements().size();
    assertThat(lines).isGreaterThan(100);
    Dossier d =
        session
            .selectCaf(longest.caf())
            .consultDossier(
                longest.numeroAllocataire(), Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL));
    SENT.clear();

    History<Paiement> history = d.paiements(Periode.all());
    assertThat(SENT.count()).isZero();

    history.iterator().next();
    assertThat(SENT.lines()).hasSize(1).allMatch(l -> l.endsWith("/paiements"));
    SENT.clear();

    List<Paiement> all = history.toList();
    int pages = Math.max(1, (lines + 99) / 100);
    assertThat(all).hasSize(lines);
    assertThat(SENT.count()).isEqualTo(pages);
    assertThat(SENT.requests())
        .extracting(r -> r.url().queryParameter("page"))
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, pages).mapToObj(String::valueOf).toList());
  }

  @Test
  void attestationsDialogueAndHelp_sendOneRequestEach() {
    Dossier d = demo();
    d.requestAttestation(AttestationType.PAIEMENT);
    d.requestAttestationByPost(AttestationType.PAIEMENT);
    session.help();
    assertThat(SENT.lines())
        .containsExactly(
            "GET dossiers/" + ref() + "/attestations/PAIEMENT",
            "POST dossiers/" + ref() + "/attestations/PAIEMENT/envois-postaux",
            "GET aide/fiches");
  }

  @Test
  void noUrl_carriesTheNumeroTheNamesOrANir() {
    Dossier d = demo();
    d.synthese();
    d.compositionFamille();
    d.paiements().toList();
    d.courriers().toList();
    SyntheticDossier fixture =
        simulator.catalogue().find(Catalogue.DEMO_CAF, Catalogue.DEMO_NUMERO).orElseThrow();
    List<String> urls = SENT.requests().stream().map(r -> r.url().toString()).toList();
    assertThat(urls).isNotEmpty();
    for (String url : urls) {
      assertThat(url).doesNotContain(fixture.numeroAllocataire().value());
      for (SyntheticDossier.Membre m : fixture.membres()) {
        assertThat(url).doesNotContainIgnoringCase(m.nom()).doesNotContain(m.prenom());
        m.nir().ifPresent(nir -> assertThat(url).doesNotContain(nir.value()));
      }
    }
  }

  /** The session's opaque reference for the demo dossier, as the last lookup answered it. */
  private static String ref() {
    return SENT.requests().get(0).url().pathSegments().get(3);
  }
}
