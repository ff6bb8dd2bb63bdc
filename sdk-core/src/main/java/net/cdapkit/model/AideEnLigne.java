package net.cdapkit.model;

import java.util.List;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/** The "Aide en ligne" listing: the fiches pratiques the CAF publishes for partners' agents. */
@Value.Immutable
@CdapStyle
public abstract class AideEnLigne {
  public abstract List<FichePratique> fiches();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableAideEnLigne.Builder {}
}
