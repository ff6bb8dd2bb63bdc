package net.cdapkit.model;

import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The rsa tab, empty when the allocataire never had an RSA dossier: that absence is an answer, not
 * an error.
 */
@Value.Immutable
@CdapStyle
public abstract class Rsa {
  /** {@return the RSA dossier, when the allocataire has one} */
  public abstract Optional<DossierRsa> dossierRsa();

  /** {@return a new builder of {@link Rsa}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Rsa}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableRsa.Builder {}
}
