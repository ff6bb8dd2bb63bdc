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
  public abstract Perimetre perimetre();

  public abstract List<Membre> membres();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableCompositionFamille.Builder {}
}
