package net.cdapkit.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * One line of the droits tab: a prestation's right, its dates, its monthly amount and why it ended,
 * which tells an agent what the household may still count on; the amount and the reason print
 * masked.
 */
@Value.Immutable
@CdapStyle
public abstract class Droit {
  /** {@return the prestation} */
  public abstract Prestation prestation();

  /** {@return the state} */
  public abstract EtatDroit etat();

  /** {@return the first day it applies} */
  public abstract LocalDate debut();

  /** {@return the end of the right, when it has one} */
  public abstract Optional<LocalDate> fin();

  /** {@return the monthly amount, in euros} */
  @Value.Redacted
  public abstract BigDecimal montantMensuel();

  /** {@return Why the right ended, in the CAF's words: free text, may describe the household} */
  @Value.Redacted
  public abstract Optional<String> motifFin();

  @Value.Check
  void check() {
    if (fin().isPresent() && fin().get().isBefore(debut())) {
      throw new IllegalStateException("Droit.fin must not be before debut");
    }
  }

  /** {@return a new builder of {@link Droit}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Droit}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableDroit.Builder {}
}
