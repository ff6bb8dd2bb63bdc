package net.cdapkit.model;

import java.util.Objects;
import net.cdapkit.error.InvalidInputException;

/**
 * A NIR (numéro d'inscription au répertoire, "numéro de sécurité sociale"): 13 digits and a 2-digit
 * control key equal to {@code 97 - (number mod 97)}. The most sensitive identifier of all: {@link
 * #toString()} masks it entirely and no message ever quotes it.
 */
public final class Nir {
  private final String value;

  private Nir(String value) {
    this.value = value;
  }

  /**
   * {@return Parses a NIR, spaces allowed ({@code "2 99 01 99 999 123 45"})}
   *
   * @param value the value to check and wrap
   * @throws InvalidInputException unless it is 15 digits whose last two are the valid key
   */
  public static Nir of(String value) {
    if (value == null) {
      throw new InvalidInputException("NIR is required: 13 digits and a 2-digit key");
    }
    String v = value.replace(" ", "");
    if (!Digits.only(v, 15, 15)) {
      throw new InvalidInputException("NIR must be 13 digits and a 2-digit key (value not shown)");
    }
    if (Integer.parseInt(v.substring(13)) != key(v.substring(0, 13))) {
      throw new InvalidInputException(
          "NIR control key does not match its 13 digits (value not shown)");
    }
    return new Nir(v);
  }

  /**
   * {@return the control key of 13 digits: {@code 97 - (number mod 97)}, from 1 to 97}
   *
   * @param thirteenDigits the NIR's thirteen digits, without the key
   */
  public static int key(String thirteenDigits) {
    return (int) (97 - Long.parseLong(thirteenDigits) % 97);
  }

  /** {@return the 15 digits} Personal data: do not log. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Nir && ((Nir) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  /** Masked: {@code Nir[***************]}. */
  @Override
  public String toString() {
    return "Nir[***************]";
  }
}
