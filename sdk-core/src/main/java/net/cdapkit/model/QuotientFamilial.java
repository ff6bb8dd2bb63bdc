package net.cdapkit.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The quotient familial of a month, the figure crèches and mairies set their fees from; the amount
 * is personal and prints masked.
 */
@Value.Immutable
@CdapStyle
public abstract class QuotientFamilial {
  /** The month it applies to. */
  public abstract YearMonth mois();

  @Value.Redacted
  public abstract BigDecimal montant();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableQuotientFamilial.Builder {}
}
