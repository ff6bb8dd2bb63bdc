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
  public abstract TypeLogement type();

  /** The monthly rent (or loan repayment for an accédant). */
  @Value.Redacted
  public abstract Optional<BigDecimal> loyer();

  /** The monthly charges. */
  @Value.Redacted
  public abstract Optional<BigDecimal> charges();

  public abstract Optional<Bailleur> bailleur();

  /** The housing aid paid (APL, ALF or ALS), if any. */
  public abstract Optional<Prestation> aide();

  /** Whether the housing aid is paid to the landlord ("tiers payant"). */
  public abstract boolean tiersPayant();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableLogement.Builder {}
}
