package net.cdapkit.example;

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
import net.cdapkit.model.Synthese;
import net.cdapkit.testkit.CdapSimulator;

/** The README's consultation against the simulator; the argument says how it must be run. */
public final class Consultation {
  private Consultation() {}

  /**
   * Runs the consultation and checks the way it was loaded.
   *
   * @param args {@code module} or {@code class-path}
   */
  public static void main(String[] args) {
    boolean named = Consultation.class.getModule().isNamed();
    boolean sdkNamed = CdapClient.class.getModule().isNamed();
    boolean expectModule = args[0].equals("module");
    if (named != expectModule || sdkNamed != expectModule) {
      throw new IllegalStateException("expected to run from the " + args[0]);
    }
    int paiements = 0;
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
        Synthese synthese = dossier.synthese();
        if (synthese == null) {
          throw new IllegalStateException("no synthèse");
        }
        for (Paiement p : dossier.paiements(Periode.from(YearMonth.of(2026, 1)))) {
          paiements++;
        }
      }
    }
    System.out.println(
        "consultation from the " + args[0] + ": " + paiements + " paiements, module " + CdapClient.class.getModule());
    // OkHttp's dispatcher threads outlive the call by a minute: do not wait for them.
    System.exit(paiements > 0 ? 0 : 1);
  }
}
