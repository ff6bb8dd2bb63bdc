package net.cdapkit.model;

import java.util.Objects;
import net.cdapkit.error.InvalidInputException;

/**
 * A CAF's 3-digit code: département and rank, e.g. {@code 751} for Paris, {@code 131} for
 * Marseille. Not personal data.
 */
public final class CafCode implements Comparable<CafCode> {
  private final String value;

  private CafCode(String value) {
    this.value = value;
  }

  /**
   * {@return Parses a CAF code}
   *
   * @param value the value to check and wrap
   * @throws InvalidInputException unless the value is exactly three digits
   */
  public static CafCode of(String value) {
    if (value == null) {
      throw new InvalidInputException("CAF code is required: three digits, e.g. 751");
    }
    String v = value.strip();
    if (!Digits.only(v, 3, 3)) {
      throw new InvalidInputException(
          "CAF code must be exactly three digits (département + rank), e.g. 751; got '"
              + (v.length() <= 8 ? v : v.substring(0, 8) + "…")
              + "'");
    }
    return new CafCode(v);
  }

  /** {@return the three digits} */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CafCode && ((CafCode) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public int compareTo(CafCode other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
