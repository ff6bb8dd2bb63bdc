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
  /** {@return the housing, when known} */
  public abstract Optional<Logement> logement();

  /** {@return a new builder of {@link InformationsLogement}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link InformationsLogement}; {@code build()} throws {@link IllegalStateException}
   * when a required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableInformationsLogement.Builder {}
}
