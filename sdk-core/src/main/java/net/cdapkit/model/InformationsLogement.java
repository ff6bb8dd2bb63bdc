package net.cdapkit.model;

import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The informations logement tab, empty when the CAF holds no housing information: that absence is
 * an answer, not an error.
 */
@Value.Immutable
@CdapStyle
public abstract class InformationsLogement {
  public abstract Optional<Logement> logement();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableInformationsLogement.Builder {}
}
