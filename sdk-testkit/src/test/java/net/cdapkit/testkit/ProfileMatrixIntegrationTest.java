package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.DialogueMessage;
import net.cdapkit.Dossier;
import net.cdapkit.History;
import net.cdapkit.Periode;
import net.cdapkit.RetryPolicy;
import net.cdapkit.TabRead;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Habilitations;
import net.cdapkit.capability.Profile;
import net.cdapkit.capability.Profiles;
import net.cdapkit.capability.Restriction;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Perimetre;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole capability matrix — five profiles × every tab, attestation type, delivery and Dialogue
 * — against the simulator: what is allowed returns content (narrowed where the profile says so),
 * what is not throws {@link CapabilityDeniedException} without sending a request.
 */
class ProfileMatrixIntegrationTest {
  private static CdapSimulator simulator;
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static OkHttpClient counting;

  @BeforeAll
  static void start() {
    simulator = CdapSimulator.builder().build().start();
    counting =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  REQUESTS.incrementAndGet();
                  return chain.proceed(chain.request());
                })
            .build();
  }

  @AfterAll
  static void stop() {
    simulator.stop();
  }

  private static CdapClient client(OkHttpClient http) {
    return CdapClient.builder()
        .baseUrl(simulator.baseUrl())
        .okHttpClient(http)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  private static CdapSession login(String profile) {
    return client(counting)
        .authenticate(
            CredentialsProvider.of(
                "demo-" + profile.toLowerCase(java.util.Locale.ROOT), "demo-password"));
  }

  private static Dossier consult(CdapSession session) {
    FinaliteCode finalite = session.habilitations().finalites().iterator().next();
    return session.selectCaf("751").consultDossier("9900001", Finalite.of(finalite));
  }

  @TestFactory
  Stream<DynamicTest> everyProfile_everyTab_allowedReadsDeniedThrowsWithoutRequest() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Profile expected : Profiles.all(List.of())) {
      for (Tab tab : Tab.values()) {
        boolean allowed = expected.habilitations().allowsTab(tab);
        tests.add(
            DynamicTest.dynamicTest(
                expected.code() + " × tab " + tab.wireName() + (allowed ? " allowed" : " denied"),
                () -> {
                  CdapSession session = login(expected.code());
                  Dossier dossier = consult(session);
                  int before = REQUESTS.get();
                  if (allowed) {
                    Object value = read(dossier, tab);
                    assertThat(value).isNotNull();
                    assertThat(REQUESTS.get()).isGreaterThan(before);
                  } else {
                    assertThatThrownBy(() -> read(dossier, tab))
                        .isInstanceOfSatisfying(
                            CapabilityDeniedException.class,
                            e -> {
                              assertThat(e.profile()).isEqualTo(expected.code());
                              assertThat(e.capability()).isEqualTo("tab " + tab.wireName());
                              assertThat(e.getMessage())
                                  .contains(expected.code())
                                  .contains(tab.wireName());
                            });
                    assertThat(REQUESTS.get()).isEqualTo(before);
                  }
                }));
      }
      for (AttestationType type : AttestationType.values()) {
        for (Action delivery : List.of(Action.ATTESTATION_PDF, Action.ATTESTATION_POSTALE)) {
          Habilitations h = expected.habilitations();
          boolean allowed = h.allowsAction(delivery) && h.allowsAttestation(type);
          tests.add(
              DynamicTest.dynamicTest(
                  expected.code()
                      + " × "
                      + delivery
                      + " "
                      + type
                      + (allowed ? " allowed" : " denied"),
                  () -> {
                    CdapSession session = login(expected.code());
                    Dossier dossier = consult(session);
                    assertThat(session.canRequestAttestation(type, delivery)).isEqualTo(allowed);
                    int before = REQUESTS.get();
                    Runnable call =
                        delivery == Action.ATTESTATION_PDF
                            ? () -> assertThat(dossier.requestAttestation(type).size()).isPositive()
                            : () ->
                                assertThat(dossier.requestAttestationByPost(type).reference())
                                    .startsWith("ENV-751-");
                    if (allowed) {
                      call.run();
                    } else {
                      assertThatThrownBy(call::run)
                          .isInstanceOf(CapabilityDeniedException.class)
                          .hasMessageContaining(expected.code());
                      assertThat(REQUESTS.get()).isEqualTo(before);
                    }
                  }));
        }
      }
      boolean dialogue = expected.habilitations().allowsAction(Action.DIALOGUE);
      tests.add(
          DynamicTest.dynamicTest(
              expected.code() + " × dialogue" + (dialogue ? " allowed" : " denied"),
              () -> {
                CdapSession session = login(expected.code());
                DialogueMessage message =
                    DialogueMessage.builder().objet("Matrice").message("Test de profil").build();
                int before = REQUESTS.get();
                if (dialogue) {
                  assertThat(session.selectCaf("751").sendDialogue(message).reference())
                      .startsWith("DLG-751-");
                } else {
                  assertThatThrownBy(() -> session.selectCaf("751").sendDialogue(message))
                      .isInstanceOf(CapabilityDeniedException.class)
                      .hasMessageContaining("DIALOGUE");
                  assertThat(REQUESTS.get()).isEqualTo(before);
                }
              }));
      tests.add(
          DynamicTest.dynamicTest(
              expected.code() + " × server habilitations match the catalogue",
              () -> {
                CdapSession session = login(expected.code());
                Habilitations h = session.habilitations();
                assertThat(h.tabs()).isEqualTo(expected.habilitations().tabs());
                assertThat(h.actions()).isEqualTo(expected.habilitations().actions());
                assertThat(h.attestationTypes())
                    .isEqualTo(expected.habilitations().attestationTypes());
                assertThat(h.finalites()).isEqualTo(expected.habilitations().finalites());
                assertThat(h.restrictions()).isEqualTo(expected.habilitations().restrictions());
                assertThat(h.cafs()).extracting(Object::toString).contains("751");
              }));
    }
    return tests.stream();
  }

  private static Object read(Dossier d, Tab tab) {
    Object value = d.read(TabRead.of(tab, Periode.all()));
    return value instanceof History<?> h ? h.toList() : value;
  }

  @Test
  void t4_seesOnlyQuotientFamilialAndN2Resources() {
    Dossier d = consult(login("T4"));
    var ressources = d.ressources();
    assertThat(ressources.perimetre()).isEqualTo(Perimetre.QUOTIENT_FAMILIAL_ET_N2);
    assertThat(ressources.quotientFamilial()).isPresent();
    assertThat(ressources.revenusN2()).isPresent();
    assertThat(ressources.declarationsTrimestrielles()).isEmpty();
    assertThat(Profiles.t4(List.of()).habilitations().restrictions())
        .containsExactly(Restriction.QUOTIENT_FAMILIAL_ET_N2_SEULEMENT);
  }

  @Test
  void t1_seesEverythingComplete() {
    Dossier d = consult(login("T1"));
    assertThat(d.paiements().perimetre()).isEqualTo(Perimetre.COMPLET);
    assertThat(d.compositionFamille().perimetre()).isEqualTo(Perimetre.COMPLET);
    assertThat(d.ressources().perimetre()).isEqualTo(Perimetre.COMPLET);
  }

  /**
   * A request that gets past the client's check — here because an interceptor forges the
   * habilitations the client receives — is refused by the simulator with 403, which the client maps
   * to the same exception type as its own check.
   */
  @Test
  void bypassedClientCheck_isRefusedByTheServerAndMappedToCapabilityDenied() {
    OkHttpClient forging =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  Response response = chain.proceed(chain.request());
                  if (!chain.request().url().encodedPath().endsWith("/auth/token")
                      || !response.isSuccessful()) {
                    return response;
                  }
                  String body = response.body().string();
                  String forged =
                      body.replace("\"onglets\":[", "\"onglets\":[\"rsa\",\"courriers\",");
                  return response
                      .newBuilder()
                      .body(ResponseBody.create(forged, MediaType.get("application/json")))
                      .build();
                })
            .build();
    CdapSession t5 =
        client(forging).authenticate(CredentialsProvider.of("demo-t5", "demo-password"));
    assertThat(t5.canRead(Tab.RSA)).isTrue(); // the client was fooled
    Dossier d = consult(t5);
    assertThatThrownBy(d::rsa)
        .isInstanceOfSatisfying(
            CapabilityDeniedException.class,
            e -> {
              assertThat(e.profile()).isEqualTo("T5");
              assertThat(e.capability()).isEqualTo("tab rsa");
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.requestId()).isPresent();
            });
    assertThatThrownBy(() -> d.courriers().toList()).isInstanceOf(CapabilityDeniedException.class);
  }
}
