package net.cdapkit.model;

import java.math.BigDecimal;
import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The household's housing as the CAF knows it: type, rent, charges, landlord and housing aid, what
 * a social landlord or an eviction-prevention worker checks; amounts print masked.
 */
@Value.Immutable
@CdapStyle
public abstract class Logement {
  /** {@return the type} */
  public abstract TypeLogement type();

  /** {@return the monthly rent (or loan repayment for an accédant)} */
  @Value.Redacted
  public abstract Optional<BigDecimal> loyer();

  /** {@return the monthly charges} */
  @Value.Redacted
  public abstract Optional<BigDecimal> charges();

  /** {@return the landlord, when known} */
  public abstract Optional<Bailleur> bailleur();

  /** {@return the housing aid paid (APL, ALF or ALS), if any} */
  public abstract Optional<Prestation> aide();

  /** {@return whether the housing aid is paid to the landlord ("tiers payant")} */
  public abstract boolean tiersPayant();

  /** {@return a new builder of {@link Logement}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Logement}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableLogement.Builder {}
}
