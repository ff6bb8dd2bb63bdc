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
  @Value.Redacted
  public abstract BigDecimal mensualite();

  public abstract ModaliteRemboursement modalite();

  public abstract LocalDate debut();

  public abstract Optional<LocalDate> finPrevue();

  @Value.Check
  void check() {
    if (finPrevue().isPresent() && finPrevue().get().isBefore(debut())) {
      throw new IllegalStateException("PlanRemboursement.finPrevue must not be before debut");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutablePlanRemboursement.Builder {}
}
