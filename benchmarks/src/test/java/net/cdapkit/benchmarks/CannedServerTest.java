package net.cdapkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.benchmarks.client.Demo;
import net.cdapkit.benchmarks.client.RawClient;
import net.cdapkit.benchmarks.client.RawModel;
import net.cdapkit.benchmarks.client.SdkConfig;
import net.cdapkit.benchmarks.generated.invoker.ApiException;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.Synthese;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The three clients the benchmarks compare read the same values from the canned server. */
class CannedServerTest {
  private static CannedServer server;

  @BeforeAll
  static void start() throws IOException {
    server = CannedServer.start(Fixtures.consultationRoutes());
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Test
  void route_whenTabOfAnyReference_namesTheTabOnly() {
    assertThat(CannedServer.route("GET", "/api/v1/dossiers/dos_ABC12345/paiements?page=0"))
        .isEqualTo("GET dossiers/{ref}/paiements");
    assertThat(CannedServer.route("POST", "/api/v1/dossiers/recherche"))
        .isEqualTo("POST dossiers/recherche");
    assertThat(CannedServer.route("POST", "/api/v1/auth/token")).isEqualTo("POST auth/token");
  }

  @Test
  void consultation_whenReadByEachClient_yieldsTheSameSyntheseAndPaiements() throws Exception {
    List<BigDecimal> sdk = sdkMontants();
    List<BigDecimal> raw = rawMontants();
    List<BigDecimal> generated = generatedMontants();

    assertThat(sdk).hasSize(3).isEqualTo(raw);
    assertThat(generated).isEqualTo(raw);
  }

  @Test
  void sdkSession_whenClosed_logsOutWithA204() {
    CdapSession session =
        SdkConfig.client(server.baseUrl(), SdkConfig.Variant.PARTNER_DEFAULT).authenticate();
    int before = server.requests();

    session.close();

    assertThat(server.requests()).isEqualTo(before + 1);
  }

  private static List<BigDecimal> sdkMontants() {
    try (CdapSession session =
        SdkConfig.client(server.baseUrl(), SdkConfig.Variant.PARTNER_DEFAULT).authenticate()) {
      Dossier dossier =
          session.selectCaf(SdkConfig.CAF).consultDossier(SdkConfig.NUMERO, SdkConfig.FINALITE);
      Synthese synthese = dossier.synthese();
      assertThat(synthese.nombreEnfants()).isEqualTo(2);
      return dossier.paiements().stream().map(Paiement::montant).toList();
    }
  }

  private static List<BigDecimal> rawMontants() throws IOException {
    RawClient client = new RawClient(server.baseUrl());
    String auth = client.authenticate(Demo.LOGIN, Demo.PASSWORD);
    String ref = client.lookup(auth, Demo.FINALITE, Demo.CAF, Demo.NUMERO).reference();
    assertThat(client.synthese(auth, Demo.FINALITE, ref).nombreEnfants()).isEqualTo(2);
    return client.paiements(auth, Demo.FINALITE, ref, 0, Demo.PAGE_SIZE).elements().stream()
        .map(RawModel.Paiement::montant)
        .toList();
  }

  private static List<BigDecimal> generatedMontants() throws ApiException {
    GeneratedClient client = new GeneratedClient(server.baseUrl());
    client.authenticate();
    String ref = client.lookup();
    assertThat(client.synthese(ref).getNombreEnfants()).isEqualTo(2);
    return client.paiements(ref).getElements().stream()
        .map(p -> new BigDecimal(p.getMontant()))
        .toList();
  }
}
