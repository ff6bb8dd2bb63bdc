package net.cdapkit.model;

import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/** The partner organisation the session belongs to (a département, a CCAS, a landlord…). */
@Value.Immutable
@CdapStyle
public abstract class Partenaire {
  public abstract String id();

  public abstract String nom();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutablePartenaire.Builder {}
}
