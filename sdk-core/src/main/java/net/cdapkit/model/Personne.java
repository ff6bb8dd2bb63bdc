package net.cdapkit.model;

import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The allocataire as the synthèse tab names them, so a partner can check it consulted the right
 * household; both names are personal and print masked.
 */
@Value.Immutable
@CdapStyle
public abstract class Personne {
  @Value.Redacted
  public abstract String nom();

  @Value.Redacted
  public abstract String prenom();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutablePersonne.Builder {}
}
