package net.cdapkit.model;

import java.time.LocalDate;
import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/** A fiche pratique of the "Aide en ligne", the CAF's help for agents using CDAP. */
@Value.Immutable
@CdapStyle
public abstract class FichePratique {
  /** {@return the identifier} */
  public abstract String id();

  /** {@return the title} */
  public abstract String titre();

  /** {@return the category} */
  public abstract String categorie();

  /** {@return the summary, when there is one} */
  public abstract Optional<String> resume();

  /** {@return when the fiche was last updated} */
  public abstract Optional<LocalDate> miseAJour();

  /** {@return a new builder of {@link FichePratique}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link FichePratique}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableFichePratique.Builder {}
}
