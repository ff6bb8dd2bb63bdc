package net.cdapkit.model;

import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The allocataire's postal address shown in the résumé du dossier; every line is personal and
 * prints masked.
 */
@Value.Immutable
@CdapStyle
public abstract class Adresse {
  /** {@return the first address line} */
  @Value.Redacted
  public abstract String ligne1();

  /** {@return the second address line, when there is one} */
  @Value.Redacted
  public abstract Optional<String> ligne2();

  /** {@return Five digits} */
  @Value.Redacted
  public abstract String codePostal();

  /** {@return the town} */
  @Value.Redacted
  public abstract String commune();

  @Value.Check
  void check() {
    String cp = codePostal();
    if (!Digits.only(cp, 5, 5)) {
      throw new IllegalStateException("Adresse.codePostal must be five digits");
    }
  }

  /** {@return a new builder of {@link Adresse}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Adresse}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableAdresse.Builder {}
}
