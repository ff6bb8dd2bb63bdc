package net.cdapkit.model;

import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * Where a page of a long history (paiements, courriers) sits, so a caller can fetch years of
 * history one bounded page at a time.
 */
@Value.Immutable
@CdapStyle
public abstract class PageInfo {
  /** The number of this page, from 0. */
  public abstract int numero();

  /** The page size asked for; the last page may hold fewer elements. */
  public abstract int taille();

  /** The number of the next page; empty on the last page. */
  public abstract Optional<Integer> suivante();

  /** Whether a next page exists. */
  public boolean hasSuivante() {
    return suivante().isPresent();
  }

  @Value.Check
  void check() {
    if (numero() < 0) {
      throw new IllegalStateException("PageInfo.numero must not be negative");
    }
    if (taille() < 1) {
      throw new IllegalStateException("PageInfo.taille must be at least 1");
    }
    if (suivante().isPresent() && suivante().get() <= numero()) {
      throw new IllegalStateException("PageInfo.suivante must be greater than numero");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutablePageInfo.Builder {}
}
