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
  public abstract Perimetre perimetre();

  public abstract List<Droit> droits();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableDroits.Builder {}
}
