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
  /** The first of the three months declared. */
  public abstract YearMonth debut();

  /** Income from work over the quarter. */
  @Value.Redacted
  public abstract BigDecimal activite();

  /** Other resources over the quarter. */
  @Value.Redacted
  public abstract BigDecimal autres();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableDeclarationTrimestrielle.Builder {}
}
