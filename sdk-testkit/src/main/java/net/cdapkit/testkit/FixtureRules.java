package net.cdapkit.testkit;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import net.cdapkit.testkit.SyntheticDossier.Adresse;
import net.cdapkit.testkit.internal.fixtures.Money;

/** The CAF's rules a fixture's derived fields follow, apart from the description. */
final class FixtureRules {
  private FixtureRules() {}

  /** A plausible address in the CAF's département, when the fixture gives none. */
  static Adresse defaultAdresse(String dept) {
    String commune =
        switch (dept) {
          case "75" -> "Paris";
          case "13" -> "Marseille";
          case "69" -> "Lyon";
          case "33" -> "Bordeaux";
          default -> "Commune Exemple";
        };
    return new Adresse("1 rue de l'Exemple", Optional.empty(), dept + "001", commune);
  }

  /** The surname, if it is one of the fictional ones. */
  static String surname(String nom) {
    Objects.requireNonNull(nom, "nom");
    if (!Catalogue.SURNAMES.contains(nom)) {
      throw new IllegalArgumentException(
          "A fixture's surname must be one of the fictional surnames " + Catalogue.SURNAMES);
    }
    return nom;
  }

  /** The amount in euros, refused without quoting it if it is not {@code 312.45}-shaped. */
  static BigDecimal euros(String amount, String field) {
    Objects.requireNonNull(amount, field);
    try {
      return Money.check(new BigDecimal(amount), field);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be euros with two decimals, e.g. 312.45");
    }
  }
}
