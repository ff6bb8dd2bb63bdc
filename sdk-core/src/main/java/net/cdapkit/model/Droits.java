package net.cdapkit.model;

import java.util.List;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The droits tab: every right of the dossier, or only housing aids when the périmètre says the
 * profile sees no more.
 */
@Value.Immutable
@CdapStyle
public abstract class Droits {
  /** {@return which prestations the tab shows, narrowed by the profile} */
  public abstract Perimetre perimetre();

  /** {@return the rights, open or closed} */
  public abstract List<Droit> droits();

  /** {@return a new builder of {@link Droits}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Droits}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableDroits.Builder {}
}
