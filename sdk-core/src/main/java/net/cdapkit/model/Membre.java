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
  public abstract RoleFamille role();

  @Value.Redacted
  public abstract String nom();

  @Value.Redacted
  public abstract String prenom();

  @Value.Redacted
  public abstract LocalDate dateNaissance();

  /** The NIR, absent for a profile that sees the family without NIR (or when the CAF has none). */
  @Value.Redacted
  public abstract Optional<Nir> nir();

  /** Whether the member is a dependant (à charge) of the allocataire. */
  public abstract boolean aCharge();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableMembre.Builder {}
}
