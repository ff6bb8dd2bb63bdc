package net.cdapkit.model;

import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/** The partner organisation the session belongs to (a département, a CCAS, a landlord…). */
@Value.Immutable
@CdapStyle
public abstract class Partenaire {
  /** {@return the identifier} */
  public abstract String id();

  /** {@return the name} */
  public abstract String nom();

  /** {@return a new builder of {@link Partenaire}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Partenaire}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutablePartenaire.Builder {}
}
