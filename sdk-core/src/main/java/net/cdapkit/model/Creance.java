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
  /** The CAF's identifier of the créance. */
  public abstract String id();

  /** The prestation that was overpaid. */
  public abstract Prestation prestationOrigine();

  public abstract LocalDate dateNotification();

  @Value.Redacted
  public abstract BigDecimal montantInitial();

  @Value.Redacted
  public abstract BigDecimal soldeRestant();

  public abstract EtatCreance etat();

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

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableCreance.Builder {}
}
