package net.cdapkit.model;

import java.time.LocalDate;
import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * One member of the household in the composition de la famille, whose "à charge" flag decides the
 * family prestations; names, birth date and NIR print masked.
 */
@Value.Immutable
@CdapStyle
public abstract class Membre {
  /** {@return the member's role in the household} */
  public abstract RoleFamille role();

  /** {@return the name} */
  @Value.Redacted
  public abstract String nom();

  /** {@return the first name} */
  @Value.Redacted
  public abstract String prenom();

  /** {@return the date of birth} */
  @Value.Redacted
  public abstract LocalDate dateNaissance();

  /**
   * {@return the NIR, absent for a profile that sees the family without NIR (or when the CAF has
   * none)}
   */
  @Value.Redacted
  public abstract Optional<Nir> nir();

  /** {@return whether the member is a dependant (à charge) of the allocataire} */
  public abstract boolean aCharge();

  /** {@return a new builder of {@link Membre}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Membre}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableMembre.Builder {}
}
