package net.cdapkit.model;

import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The landlord in the informations logement tab; a private landlord's name is personal, so the name
 * prints masked.
 */
@Value.Immutable
@CdapStyle
public abstract class Bailleur {
  /** {@return the name} */
  @Value.Redacted
  public abstract String nom();

  /** {@return the type} */
  public abstract Optional<TypeBailleur> type();

  /** {@return a new builder of {@link Bailleur}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Bailleur}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableBailleur.Builder {}
}
