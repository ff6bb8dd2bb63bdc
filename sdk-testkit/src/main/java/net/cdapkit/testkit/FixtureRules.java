package net.cdapkit.testkit;

import java.math.BigDecimal;
import java.util.Objects;
import net.cdapkit.testkit.internal.fixtures.Money;

/** The CAF's rules a fixture's derived fields follow, apart from the description. */
final class FixtureRules {
  private FixtureRules() {}

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
