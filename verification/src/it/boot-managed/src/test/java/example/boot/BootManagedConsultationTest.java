package example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.Dossier;
import net.cdapkit.Periode;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Paiement;
import net.cdapkit.testkit.CdapSimulator;
import org.junit.jupiter.api.Test;

/** The README's consultation, run with the versions Spring Boot's BOM and ours resolve. */
class BootManagedConsultationTest {

  @Test
  void consultation_underBootDependencyManagement_runsWithoutLinkageErrors() {
    try (CdapSimulator sim = CdapSimulator.builder().build().start()) {
      CdapClient client =
          CdapClient.builder()
              .baseUrl(sim.baseUrl())
              .credentials(CredentialsProvider.of("demo-t1", CdapSimulator.DEMO_PASSWORD))
              .build();
      try (CdapSession session = client.authenticate()) {
        Dossier dossier =
            session
                .selectCaf(CafCode.of("751"))
                .consultDossier(
                    NumeroAllocataire.of("9900001"),
                    Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "Suivi FSL 2026-104"));
        assertTrue(dossier.synthese() != null);
        int paiements = 0;
        for (Paiement p : dossier.paiements(Periode.from(YearMonth.of(2026, 1)))) {
          paiements++;
        }
        assertTrue(paiements > 0, "the demo dossier has payments in 2026");
      }
    }
    // OkHttp 5 came from cdapkit-bom, not from a Boot-managed 4.x; Kotlin is Boot's.
    assertEquals(System.getProperty("expected.okhttp.version"), okhttp3.OkHttp.VERSION);
    System.out.println(
        "resolved: okhttp " + okhttp3.OkHttp.VERSION + ", kotlin " + KotlinVersionProbe.current());
  }
}
