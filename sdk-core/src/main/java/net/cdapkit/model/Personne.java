package net.cdapkit.model;

import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The allocataire as the synthèse tab names them, so a partner can check it consulted the right
 * household; both names are personal and print masked.
 */
@Value.Immutable
@CdapStyle
public abstract class Personne {
  /** {@return the name} */
  @Value.Redacted
  public abstract String nom();

  /** {@return the first name} */
  @Value.Redacted
  public abstract String prenom();

  /** {@return a new builder of {@link Personne}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Personne}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutablePersonne.Builder {}
}
