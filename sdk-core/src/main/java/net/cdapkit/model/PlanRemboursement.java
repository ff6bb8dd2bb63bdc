package net.cdapkit.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The repayment plan of a créance, what a social worker needs to build a household's budget; the
 * monthly amount prints masked.
 */
@Value.Immutable
@CdapStyle
public abstract class PlanRemboursement {
  /** {@return the monthly repayment, in euros} */
  @Value.Redacted
  public abstract BigDecimal mensualite();

  /** {@return how the debt is repaid} */
  public abstract ModaliteRemboursement modalite();

  /** {@return the first day it applies} */
  public abstract LocalDate debut();

  /** {@return the planned end date, when known} */
  public abstract Optional<LocalDate> finPrevue();

  @Value.Check
  void check() {
    if (finPrevue().isPresent() && finPrevue().get().isBefore(debut())) {
      throw new IllegalStateException("PlanRemboursement.finPrevue must not be before debut");
    }
  }

  /** {@return a new builder of {@link PlanRemboursement}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link PlanRemboursement}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutablePlanRemboursement.Builder {}
}
