package net.cdapkit.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * One quarterly resources declaration of the ressources tab, the base of RSA and prime d'activité;
 * amounts print masked.
 */
@Value.Immutable
@CdapStyle
public abstract class DeclarationTrimestrielle {
  /** {@return the first of the three months declared} */
  public abstract YearMonth debut();

  /** {@return Income from work over the quarter} */
  @Value.Redacted
  public abstract BigDecimal activite();

  /** {@return Other resources over the quarter} */
  @Value.Redacted
  public abstract BigDecimal autres();

  /** {@return a new builder of {@link DeclarationTrimestrielle}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link DeclarationTrimestrielle}; {@code build()} throws {@link IllegalStateException}
   * when a required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableDeclarationTrimestrielle.Builder {}
}
