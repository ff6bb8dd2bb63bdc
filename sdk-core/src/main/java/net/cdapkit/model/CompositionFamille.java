package net.cdapkit.model;

import java.util.List;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The composition de la famille tab: the allocataire, the conjoint, the children and others, with
 * the périmètre telling whether NIRs were withheld for this profile.
 */
@Value.Immutable
@CdapStyle
public abstract class CompositionFamille {
  /** {@return which prestations the tab shows, narrowed by the profile} */
  public abstract Perimetre perimetre();

  /** {@return the members of the household} */
  public abstract List<Membre> membres();

  /** {@return a new builder of {@link CompositionFamille}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link CompositionFamille}; {@code build()} throws {@link IllegalStateException} when
   * a required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableCompositionFamille.Builder {}
}
