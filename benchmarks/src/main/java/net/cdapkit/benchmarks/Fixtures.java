package net.cdapkit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The bytes the canned server answers: the SDK's golden JSON files (copied from {@code
 * sdk-core/src/test/resources/net/cdapkit/model/golden/}) and a generated ten-year payment history.
 * All fictional.
 */
final class Fixtures {
  private Fixtures() {}

  /** One canned JSON file by name, e.g. {@code synthese.json}. */
  static byte[] canned(String name) {
    String resource = "canned/" + name;
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The routes of a consultation: authentication, look-up, the synthèse and one (last) page of
   * paiements.
   */
  static Map<String, byte[]> consultationRoutes() {
    return Map.of(
        "POST auth/token",
        canned("token.json"),
        "POST dossiers/recherche",
        canned("dossier-reference.json"),
        CannedServer.TAB_ROUTE + "synthese",
        canned("synthese.json"),
        CannedServer.TAB_ROUTE + "paiements",
        canned("paiements-page.json"));
  }

  /**
   * A paiements page of {@code lines} lines, newest first, ten a month back from August 2026: 1,200
   * lines are ten years of a large household's payments. Seeded, so always the same bytes.
   */
  static byte[] largePaiementsPage(int lines) {
    String[] prestations = {"AF", "CF", "ARS", "PAJE", "AEEH", "RSA", "PPA", "APL", "ALF", "ALS"};
    Random rnd = new Random(0xCDA9L);
    StringBuilder json = new StringBuilder(lines * 160);
    json.append("{\n  \"perimetre\": \"COMPLET\",\n  \"elements\": [\n");
    YearMonth month = YearMonth.of(2026, 8);
    for (int i = 0; i < lines; i++) {
      if (i > 0 && i % 10 == 0) {
        month = month.minusMonths(1);
      }
      String prestation = prestations[i % 10];
      boolean tiers = prestation.startsWith("AL") || prestation.equals("APL");
      LocalDate date = month.plusMonths(1).atDay(5);
      json.append("    {\"date\": \"")
          .append(date)
          .append("\", \"prestation\": \"")
          .append(prestation)
          .append("\", \"periode\": \"")
          .append(month)
          .append("\", \"montant\": \"")
          .append(amount(rnd, 20, 900))
          .append("\", \"beneficiaire\": \"")
          .append(tiers ? "TIERS" : "ALLOCATAIRE")
          .append('"');
      if (tiers) {
        json.append(", \"tiers\": \"OFFICE PUBLIC DE L'HABITAT EXEMPLE\"");
        if (rnd.nextInt(4) == 0) {
          json.append(", \"retenue\": \"").append(amount(rnd, 5, 60)).append('"');
        }
      }
      json.append(i == lines - 1 ? "}\n" : "},\n");
    }
    json.append("  ],\n  \"page\": { \"numero\": 0, \"taille\": ")
        .append(Math.max(1, lines))
        .append(" }\n}\n");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String amount(Random rnd, int min, int max) {
    int cents = min * 100 + rnd.nextInt((max - min) * 100);
    return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
  }
}
