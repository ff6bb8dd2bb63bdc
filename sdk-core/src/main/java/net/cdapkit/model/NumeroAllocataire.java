package net.cdapkit.model;

import java.util.Objects;
import net.cdapkit.error.InvalidInputException;

/**
 * A numéro allocataire: 1 to 7 digits, normalised to 7 with leading zeros. It identifies a dossier
 * only together with its CAF. Personal data: {@link #toString()} masks it, and it never appears in
 * an exception message or a URL.
 */
public final class NumeroAllocataire {
  private final String value;

  private NumeroAllocataire(String value) {
    this.value = value;
  }

  /**
   * {@return Parses and normalises a numéro allocataire ({@code "12345"} becomes {@code
   * "0012345"})}
   *
   * @param value the value to check and wrap
   * @throws InvalidInputException unless the value is 1 to 7 digits
   */
  public static NumeroAllocataire of(String value) {
    if (value == null) {
      throw new InvalidInputException("Numéro allocataire is required: 1 to 7 digits");
    }
    String v = value.strip();
    if (!Digits.only(v, 1, 7)) {
      throw new InvalidInputException("Numéro allocataire must be 1 to 7 digits (value not shown)");
    }
    return new NumeroAllocataire("0".repeat(7 - v.length()) + v);
  }

  /** {@return the seven digits} Personal data: do not log. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumeroAllocataire && ((NumeroAllocataire) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  /** Masked: {@code NumeroAllocataire[*******]}. */
  @Override
  public String toString() {
    return "NumeroAllocataire[*******]";
  }
}
