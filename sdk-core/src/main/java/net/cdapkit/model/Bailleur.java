package net.cdapkit.model;

import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The landlord in the informations logement tab; a private landlord's name is personal, so the name
 * prints masked.
 */
@Value.Immutable
@CdapStyle
public abstract class Bailleur {
  @Value.Redacted
  public abstract String nom();

  public abstract Optional<TypeBailleur> type();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableBailleur.Builder {}
}
