package net.cdapkit.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Euro amounts: {@link BigDecimal} with exactly two decimals, as the contract writes them. */
final class Money {
  private static final BigDecimal MAX = new BigDecimal("999999999.99");

  private Money() {}

  static BigDecimal check(BigDecimal amount, String field) {
    if (amount == null) {
      throw new NullPointerException(field);
    }
    if (amount.scale() != 2) {
      throw new IllegalArgumentException(field + " must have exactly two decimals");
    }
    if (amount.abs().compareTo(MAX) > 0) {
      throw new IllegalArgumentException(field + " must have at most nine integer digits");
    }
    return amount;
  }

  /** Parses {@code "148.52"}. */
  static BigDecimal of(String amount) {
    return check(new BigDecimal(amount), "amount");
  }

  /** Rounds to cents, half-even (the CAF's rounding is not modelled beyond this). */
  static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  /** The wire form, e.g. {@code "148.52"}. */
  static String wire(BigDecimal amount) {
    return check(amount, "amount").toPlainString();
  }
}
