package net.cdapkit.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The household's RSA dossier as the rsa tab shows it: state, nature, amount, orientation and
 * referent, what an RSA referent follows up on; the amount prints masked.
 */
@Value.Immutable
@CdapStyle
public abstract class DossierRsa {
  public abstract EtatRsa etat();

  public abstract Optional<NatureRsa> nature();

  @Value.Redacted
  public abstract Optional<BigDecimal> montantMensuel();

  public abstract Optional<LocalDate> dateOuverture();

  public abstract Optional<OrientationRsa> orientation();

  public abstract Optional<Referent> referent();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableDossierRsa.Builder {}
}
