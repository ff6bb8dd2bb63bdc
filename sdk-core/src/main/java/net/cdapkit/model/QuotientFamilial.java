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
  /** {@return the month it applies to} */
  public abstract YearMonth mois();

  /** {@return the amount, in euros} */
  @Value.Redacted
  public abstract BigDecimal montant();

  /** {@return a new builder of {@link QuotientFamilial}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link QuotientFamilial}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableQuotientFamilial.Builder {}
}
