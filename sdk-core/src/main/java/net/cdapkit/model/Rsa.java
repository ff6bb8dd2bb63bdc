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
  public abstract Optional<DossierRsa> dossierRsa();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableRsa.Builder {}
}
