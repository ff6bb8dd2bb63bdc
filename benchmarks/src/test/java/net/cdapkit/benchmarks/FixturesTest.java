package net.cdapkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import net.cdapkit.benchmarks.client.RawModel;
import net.cdapkit.internal.json.CdapJson;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.PaiementsPage;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void largePaiementsPage_whenDecodedBySdkAndByRecords_givesTheSameTenYears() throws IOException {
    byte[] json = Fixtures.largePaiementsPage(1200);

    PaiementsPage sdk = CdapJson.decode(PaiementsPage.class, new Buffer().write(json));
    RawModel.PaiementsPage records =
        RawModel.moshi().adapter(RawModel.PaiementsPage.class).fromJson(new Buffer().write(json));

    assertThat(sdk.elements()).hasSize(1200);
    assertThat(records.elements()).hasSize(1200);
    assertThat(sdk.elements().get(0).periode()).hasToString("2026-08");
    assertThat(sdk.elements().get(1199).periode()).hasToString("2016-09");
    assertThat(
            sdk.elements().stream().map(Paiement::montant).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualTo(
            records.elements().stream()
                .map(RawModel.Paiement::montant)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  @Test
  void largePaiementsPage_whenGeneratedTwice_isTheSameBytes() {
    assertThat(Fixtures.largePaiementsPage(1200)).isEqualTo(Fixtures.largePaiementsPage(1200));
  }
}
