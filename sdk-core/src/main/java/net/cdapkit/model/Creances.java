package net.cdapkit.model;

import java.util.List;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The créances tab: the household's debts, or only housing ones when the périmètre says the profile
 * sees no more.
 */
@Value.Immutable
@CdapStyle
public abstract class Creances {
  public abstract Perimetre perimetre();

  public abstract List<Creance> creances();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableCreances.Builder {}
}
