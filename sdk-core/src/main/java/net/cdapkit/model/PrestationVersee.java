package net.cdapkit.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * One open prestation of the synthèse tab with its last monthly amount, so an agent sees at a
 * glance what the household receives; the amount prints masked.
 */
@Value.Immutable
@CdapStyle
public abstract class PrestationVersee {
  /** {@return the prestation} */
  public abstract Prestation prestation();

  /** {@return the month of the last amount} */
  public abstract YearMonth mois();

  /** {@return the amount, in euros} */
  @Value.Redacted
  public abstract BigDecimal montant();

  /** {@return a new builder of {@link PrestationVersee}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link PrestationVersee}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutablePrestationVersee.Builder {}
}
