package net.cdapkit.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * One line of the paiements tab: what was paid, for which month, to whom and after which deduction,
 * the history an agent needs to explain a household's budget; amounts and the payee print masked.
 */
@Value.Immutable
@CdapStyle
public abstract class Paiement {
  /** {@return the day of the payment} */
  public abstract LocalDate date();

  /** {@return the prestation} */
  public abstract Prestation prestation();

  /** {@return the month the payment is for, often the one before {@link #date()}} */
  public abstract YearMonth periode();

  /** {@return the amount paid, after any {@link #retenue()}} */
  @Value.Redacted
  public abstract BigDecimal montant();

  /** {@return who receives the payment} */
  public abstract Beneficiaire beneficiaire();

  /**
   * {@return the name of the third-party payee (an organisation, e.g. the landlord), for tiers
   * payant}
   */
  @Value.Redacted
  public abstract Optional<String> tiers();

  /** {@return the deduction withheld to repay a créance} */
  @Value.Redacted
  public abstract Optional<BigDecimal> retenue();

  /** {@return a new builder of {@link Paiement}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Paiement}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutablePaiement.Builder {}
}
