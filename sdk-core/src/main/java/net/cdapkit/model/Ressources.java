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
  public abstract Perimetre perimetre();

  public abstract Optional<QuotientFamilial> quotientFamilial();

  public abstract Optional<RevenusN2> revenusN2();

  /** Empty when the household makes none or when the périmètre withholds them. */
  @AbsentAsEmpty
  public abstract List<DeclarationTrimestrielle> declarationsTrimestrielles();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableRessources.Builder {}
}
