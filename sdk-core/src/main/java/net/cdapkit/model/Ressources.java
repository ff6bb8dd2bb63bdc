package net.cdapkit.model;

import java.util.List;
import java.util.Optional;
import net.cdapkit.internal.AbsentAsEmpty;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The ressources tab: quotient familial, N-2 income and quarterly declarations; a childcare profile
 * sees only the first two, which the périmètre says, so missing declarations are never read as
 * "none declared".
 */
@Value.Immutable
@CdapStyle
public abstract class Ressources {
  /** {@return which prestations the tab shows, narrowed by the profile} */
  public abstract Perimetre perimetre();

  /** {@return the quotient familial of the current month, when the CAF computed one} */
  public abstract Optional<QuotientFamilial> quotientFamilial();

  /** {@return the income of year N-2 the CAF knows, when the profile may see it} */
  public abstract Optional<RevenusN2> revenusN2();

  /** {@return Empty when the household makes none or when the périmètre withholds them} */
  @AbsentAsEmpty
  public abstract List<DeclarationTrimestrielle> declarationsTrimestrielles();

  /** {@return a new builder of {@link Ressources}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Ressources}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableRessources.Builder {}
}
