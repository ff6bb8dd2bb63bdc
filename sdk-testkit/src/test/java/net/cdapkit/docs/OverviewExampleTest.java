package net.cdapkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import net.cdapkit.AttestationPdf;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.Dossier;
import net.cdapkit.Periode;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.Synthese;
import net.cdapkit.testkit.CdapSimulator;
import org.junit.jupiter.api.Test;

/**
 * The example of sdk-core's javadoc overview ({@code src/main/javadoc/overview.html}), as it is
 * written there, compiled and run against the simulator; only the base URL and the credentials
 * differ.
 */
class OverviewExampleTest {

  @Test
  void overviewExample_whenRunAgainstSimulator_readsTabsAndAttestation() {
    try (CdapSimulator sim = CdapSimulator.builder().build().start()) {
      CdapClient client =
          CdapClient.builder()
              .baseUrl(sim.baseUrl())
              .credentials(CredentialsProvider.of("demo-t1", CdapSimulator.DEMO_PASSWORD))
              .build();
      List<Paiement> seen = new ArrayList<>();
      Synthese synthese;
      AttestationPdf pdf;

      try (CdapSession session = client.authenticate()) {
        Dossier dossier =
            session
                .selectCaf(CafCode.of("751"))
                .consultDossier(
                    NumeroAllocataire.of("9900001"),
                    Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "Suivi FSL 2026-104"));

        synthese = dossier.synthese();
        for (Paiement p : dossier.paiements(Periode.from(YearMonth.of(2026, 1)))) {
          seen.add(p);
        }
        pdf = dossier.requestAttestation(AttestationType.PAIEMENT);
      }

      assertThat(synthese.caf()).isEqualTo(CafCode.of("751"));
      assertThat(seen).isNotEmpty();
      assertThat(pdf).isNotNull();
    }
  }
}
