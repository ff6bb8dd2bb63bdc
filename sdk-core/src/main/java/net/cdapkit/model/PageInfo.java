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
  /** {@return the number of this page, from 0} */
  public abstract int numero();

  /** {@return the page size asked for; the last page may hold fewer elements} */
  public abstract int taille();

  /** {@return the number of the next page; empty on the last page} */
  public abstract Optional<Integer> suivante();

  /** {@return whether a next page exists} */
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

  /** {@return a new builder of {@link PageInfo}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link PageInfo}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutablePageInfo.Builder {}
}
