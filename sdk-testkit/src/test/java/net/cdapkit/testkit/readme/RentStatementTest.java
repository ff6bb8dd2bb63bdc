package net.cdapkit.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.CdapSimulatorTest;
import org.junit.jupiter.api.Test;

/** The README's declarative example, verbatim, in a package of its own: public API only. */
@CdapSimulatorTest(profile = "T5") // demo-t5, the social landlord's profile
class RentStatementTest {
  @Test
  void statement_showsTheHousingAid(CdapSession session, CdapSimulator sim) {
    Dossier d =
        session
            .selectCaf("751")
            .consultDossier("9900003", Finalite.of(FinaliteCode.GESTION_LOCATIVE, "bail 42"));
    assertThat(d.logement().logement()).isPresent();
  }
}
