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
  @Value.Redacted
  public abstract String ligne1();

  @Value.Redacted
  public abstract Optional<String> ligne2();

  /** Five digits. */
  @Value.Redacted
  public abstract String codePostal();

  @Value.Redacted
  public abstract String commune();

  @Value.Check
  void check() {
    String cp = codePostal();
    if (!Digits.only(cp, 5, 5)) {
      throw new IllegalStateException("Adresse.codePostal must be five digits");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableAdresse.Builder {}
}
