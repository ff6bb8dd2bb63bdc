package net.cdapkit.model;

import java.util.List;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/** The "Aide en ligne" listing: the fiches pratiques the CAF publishes for partners' agents. */
@Value.Immutable
@CdapStyle
public abstract class AideEnLigne {
  /** {@return the help sheets} */
  public abstract List<FichePratique> fiches();

  /** {@return a new builder of {@link AideEnLigne}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link AideEnLigne}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableAideEnLigne.Builder {}
}
