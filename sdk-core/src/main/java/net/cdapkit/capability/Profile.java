package net.cdapkit.capability;

import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * A CDAP profile as this project models it: a code ({@code T1}…), who holds it, and the
 * habilitations it usually comes with. Illustrative: the CNAF's real catalogue is larger and the
 * server's answer at authentication is what counts.
 */
@Value.Immutable
@CdapStyle
public abstract class Profile {
  /** {@return the profile code, e.g. {@code T1}} */
  public abstract String code();

  /** {@return who holds it, e.g. {@code Travailleur social (CD, CCAS)}} */
  public abstract String label();

  /** {@return the habilitations this profile usually has, for the CAFs of the partner} */
  public abstract Habilitations habilitations();

  /** {@return a new builder of {@link Profile}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Profile}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableProfile.Builder {}
}
