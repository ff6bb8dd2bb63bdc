package net.cdapkit.model;

import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The RSA referent of the rsa tab, so a partner knows whom to coordinate with; the referent's name
 * prints masked, the organisation does not.
 */
@Value.Immutable
@CdapStyle
public abstract class Referent {
  /** {@return the organisation, e.g. a conseil départemental or France Travail} */
  public abstract String organisme();

  /** {@return the name} */
  @Value.Redacted
  public abstract Optional<String> nom();

  /** {@return a new builder of {@link Referent}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Referent}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableReferent.Builder {}
}
