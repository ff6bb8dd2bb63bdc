package net.cdapkit.model;

import java.util.List;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * One page of the paiements tab, newest first; the périmètre says whether the profile saw every
 * prestation or only housing aids, so a short list is never mistaken for a complete one.
 */
@Value.Immutable
@CdapStyle
public abstract class PaiementsPage {
  /** {@return which prestations the tab shows, narrowed by the profile} */
  public abstract Perimetre perimetre();

  /** {@return the items of this page} */
  public abstract List<Paiement> elements();

  /** {@return where this page sits in the whole list} */
  public abstract PageInfo page();

  /** {@return a new builder of {@link PaiementsPage}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link PaiementsPage}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutablePaiementsPage.Builder {}
}
