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
  public abstract Perimetre perimetre();

  public abstract List<Paiement> elements();

  public abstract PageInfo page();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutablePaiementsPage.Builder {}
}
