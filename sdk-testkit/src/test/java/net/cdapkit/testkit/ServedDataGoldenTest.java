package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.cdapkit.capability.Restriction;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.Prestation;
import net.cdapkit.testkit.SyntheticDossier.EtatDroit;
import net.cdapkit.testkit.internal.server.Json;
import net.cdapkit.testkit.internal.server.Paging;
import net.cdapkit.testkit.internal.server.TabRenderer;
import org.junit.jupiter.api.Test;

/**
 * Pins what the simulator serves: every tab of every standard-catalogue dossier with its whole
 * history, the first generated dossiers and two partner fixtures, as the JSON the simulator writes.
 * A change to how fixtures are derived must show here, on purpose.
 *
 * <p>Run with {@code -Dcdapkit.golden.update=true} to rewrite the resource after a deliberate
 * change, and list the change in the CHANGELOG.
 */
class ServedDataGoldenTest {
  private static final String RESOURCE = "/golden/served-data.jsonl";

  /** Every element on one page: the golden holds the whole history, not the default page. */
  private static final Paging EVERYTHING = new Paging(null, null, 0, Integer.MAX_VALUE);

  /**
   * The full view only: a profile's restrictions filter these same lists in the renderer, which the
   * fixtures do not touch, and the golden stays a third the size.
   */
  private static final Set<Restriction> FULL = EnumSet.noneOf(Restriction.class);

  @Test
  void servedData_whenFixturesAreDerived_isUnchanged() throws IOException {
    List<String> actual = render();
    if (Boolean.getBoolean("cdapkit.golden.update")) {
      Path out = Path.of("src/test/resources" + RESOURCE);
      Files.createDirectories(out.getParent());
      Files.write(out, actual, StandardCharsets.UTF_8);
      return;
    }
    List<String> expected;
    try (InputStream in = ServedDataGoldenTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as("golden resource " + RESOURCE).isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    // Line by line, so that a failure names the first dossier and tab that changed.
    for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
      assertThat(actual.get(i)).as("line %d of %s", i + 1, RESOURCE).isEqualTo(expected.get(i));
    }
    assertThat(actual).hasSameSizeAs(expected);
  }

  private static List<String> render() {
    List<String> lines = new ArrayList<>();
    for (SyntheticDossier d : Catalogue.standard().dossiers()) {
      lines.addAll(render("standard", d));
    }
    for (SyntheticDossier d : Fixtures.generate(2026L, 40)) {
      lines.addAll(render("generated", d));
    }
    lines.addAll(render("fixture", FixturesTest.locataire()));
    lines.addAll(render("fixture", droitsSansPaiement()));
    return lines;
  }

  private static List<String> render(String source, SyntheticDossier d) {
    String key = source + " " + d.caf().value() + " " + d.numeroAllocataire().value();
    List<String> lines = new ArrayList<>();
    lines.add(key + " scenario " + d.scenario());
    for (Tab tab : Tab.values()) {
      byte[] json = Json.write(TabRenderer.render(tab, d, FULL, EVERYTHING));
      lines.add(key + " " + tab + " " + new String(json, StandardCharsets.UTF_8));
    }
    return lines;
  }

  private static SyntheticDossier droitsSansPaiement() {
    return Fixtures.dossier("131", "9900124")
        .allocataire("Sam", "FICTIF")
        .paiementMensuel(Prestation.ALS, "201.37", YearMonth.of(2023, 1), YearMonth.of(2025, 6))
        .droit(Prestation.AAH, EtatDroit.OUVERT, LocalDate.of(2020, 1, 1), "1016.05")
        .droit(Prestation.RSA, EtatDroit.FERME, LocalDate.of(2019, 3, 1), "534.93")
        .build();
  }
}
