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
  /** {@return which prestations the tab shows, narrowed by the profile} */
  public abstract Perimetre perimetre();

  /** {@return the debts} */
  public abstract List<Creance> creances();

  /** {@return a new builder of {@link Creances}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Creances}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableCreances.Builder {}
}
