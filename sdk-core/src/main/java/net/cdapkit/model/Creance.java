package net.cdapkit.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * One line of the créances tab: a debt (indu) the household owes the CAF, its balance and its
 * repayment plan, which explain deductions on the payments; amounts print masked.
 */
@Value.Immutable
@CdapStyle
public abstract class Creance {
  /** {@return the CAF's identifier of the créance} */
  public abstract String id();

  /** {@return the prestation that was overpaid} */
  public abstract Prestation prestationOrigine();

  /** {@return the date the debt was notified} */
  public abstract LocalDate dateNotification();

  /** {@return the amount first owed, in euros} */
  @Value.Redacted
  public abstract BigDecimal montantInitial();

  /** {@return the amount still owed, in euros} */
  @Value.Redacted
  public abstract BigDecimal soldeRestant();

  /** {@return the state} */
  public abstract EtatCreance etat();

  /** {@return the repayment plan, when one was agreed} */
  public abstract Optional<PlanRemboursement> planRemboursement();

  @Value.Check
  void check() {
    if (soldeRestant().signum() < 0) {
      throw new IllegalStateException("Creance.soldeRestant must not be negative");
    }
    if (soldeRestant().compareTo(montantInitial()) > 0) {
      throw new IllegalStateException("Creance.soldeRestant must not exceed montantInitial");
    }
  }

  /** {@return a new builder of {@link Creance}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Creance}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableCreance.Builder {}
}
