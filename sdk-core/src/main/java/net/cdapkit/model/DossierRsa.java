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
  /** {@return the state} */
  public abstract EtatRsa etat();

  /** {@return the nature of the RSA, when open} */
  public abstract Optional<NatureRsa> nature();

  /** {@return the monthly amount, in euros} */
  @Value.Redacted
  public abstract Optional<BigDecimal> montantMensuel();

  /** {@return the date the RSA was opened, when it was} */
  public abstract Optional<LocalDate> dateOuverture();

  /** {@return the orientation of the RSA beneficiary, when decided} */
  public abstract Optional<OrientationRsa> orientation();

  /** {@return the referent who follows the allocataire, when there is one} */
  public abstract Optional<Referent> referent();

  /** {@return a new builder of {@link DossierRsa}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link DossierRsa}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableDossierRsa.Builder {}
}
