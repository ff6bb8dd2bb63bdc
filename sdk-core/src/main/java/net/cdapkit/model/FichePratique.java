package net.cdapkit.model;

import java.time.LocalDate;
import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/** A fiche pratique of the "Aide en ligne", the CAF's help for agents using CDAP. */
@Value.Immutable
@CdapStyle
public abstract class FichePratique {
  public abstract String id();

  public abstract String titre();

  public abstract String categorie();

  public abstract Optional<String> resume();

  /** When the fiche was last updated. */
  public abstract Optional<LocalDate> miseAJour();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableFichePratique.Builder {}
}
