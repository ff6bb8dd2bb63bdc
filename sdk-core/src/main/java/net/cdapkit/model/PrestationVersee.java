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
  public abstract Prestation prestation();

  /** The month of the last amount. */
  public abstract YearMonth mois();

  @Value.Redacted
  public abstract BigDecimal montant();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutablePrestationVersee.Builder {}
}
