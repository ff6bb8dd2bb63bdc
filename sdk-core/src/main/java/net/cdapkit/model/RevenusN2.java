package net.cdapkit.model;

import java.math.BigDecimal;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The household's annual resources of year N-2 in the ressources tab, the base of the quotient
 * familial and of most prestations; the amount prints masked.
 */
@Value.Immutable
@CdapStyle
public abstract class RevenusN2 {
  /** {@return the income year, e.g. 2023 for rights computed in 2025} */
  public abstract int annee();

  /** {@return the amount, in euros} */
  @Value.Redacted
  public abstract BigDecimal montant();

  @Value.Check
  void check() {
    if (annee() < 1990 || annee() > 2100) {
      throw new IllegalStateException("RevenusN2.annee must be between 1990 and 2100");
    }
  }

  /** {@return a new builder of {@link RevenusN2}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link RevenusN2}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableRevenusN2.Builder {}
}
