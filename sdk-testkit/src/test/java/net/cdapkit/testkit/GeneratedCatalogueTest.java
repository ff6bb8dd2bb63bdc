package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A simulator serving 10,000 generated dossiers, every answer checked against the contract. */
class GeneratedCatalogueTest {
  private static final Catalogue CATALOGUE = Catalogue.generated(7L, 10_000);

  @RegisterExtension
  static final CdapSimulatorExtension SIM =
      CdapSimulatorExtension.builder().catalogue(CATALOGUE).build();

  @Test
  void generatedDossiers_areServedAndConform(CdapSession session) {
    Finalite finalite = Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL, "charge");
    for (int i = 0; i < 10_000; i += 997) {
      SyntheticDossier expected = CATALOGUE.dossiers().get(i);
      Dossier d =
          session.selectCaf(expected.caf()).consultDossier(expected.numeroAllocataire(), finalite);
      assertThat(d.synthese().allocataire().nom())
          .isEqualTo(expected.synthese().allocataire().nom());
      for (Tab tab : Tab.values()) {
        switch (tab) {
          case PAIEMENTS -> assertThat(d.paiements().toList()).hasSameSizeAs(expected.paiements());
          case COURRIERS -> d.courriers().toList();
          case RSA -> d.rsa();
          case LOGEMENT -> d.logement();
          case CREANCES -> d.creances();
          case DROITS -> d.droits();
          case FAMILLE -> d.compositionFamille();
          case RESSOURCES -> d.ressources();
          case RESUME -> d.resume();
          case SYNTHESE -> d.synthese();
        }
      }
    }
    assertThat(CATALOGUE.toString()).contains("10000 generated dossiers");
  }

  @Test
  void find_whenAnotherCafOrOutOfRange_isEmpty() {
    SyntheticDossier first = CATALOGUE.dossiers().get(0);
    String otherCaf = first.caf().value().equals("751") ? "131" : "751";

    assertThat(CATALOGUE.find(net.cdapkit.model.CafCode.of(otherCaf), first.numeroAllocataire()))
        .isEmpty();
    assertThat(CATALOGUE.find(first.caf(), net.cdapkit.model.NumeroAllocataire.of("9920000")))
        .isEmpty();
    assertThat(CATALOGUE.find(first.caf(), first.numeroAllocataire())).contains(first);
  }
}
