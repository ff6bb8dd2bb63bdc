package net.cdapkit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.CdapException;
import net.cdapkit.model.NumeroAllocataire;

/**
 * The outcome of one dossier of a {@link BatchConsultation}: the tabs read, or the typed failure
 * that stopped this dossier (and only this one). Personal data: {@link #toString()} shows neither
 * the numéro nor the content.
 */
public final class BatchItem {
  private final long index;
  private final NumeroAllocataire numero;
  private final Map<Tab, Object> tabs;
  private final CdapException failure;

  BatchItem(long index, NumeroAllocataire numero, Map<Tab, Object> tabs, CdapException failure) {
    this.index = index;
    this.numero = numero;
    this.tabs = tabs == null ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(tabs));
    this.failure = failure;
  }

  /**
   * The position of this numéro in the input, from 0. Items arrive in completion order.
   *
   * @return the zero-based input position, to match results to inputs
   */
  public long index() {
    return index;
  }

  /**
   * The numéro consulted. Personal data: do not log.
   *
   * @return the numéro allocataire of this item
   */
  public NumeroAllocataire numero() {
    return numero;
  }

  /**
   * Whether every tab of this dossier was read.
   *
   * @return true when the dossier was read, false when {@link #failure()} says why not
   */
  public boolean succeeded() {
    return failure == null;
  }

  /**
   * Why this dossier failed: not found, denied, server, transport…
   *
   * @return the failure, as a {@link CdapException} subtype such as {@code NotFoundException} or
   *     {@code CapabilityDeniedException}; empty when the dossier succeeded
   */
  public Optional<CdapException> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * The value read for a tab: the tab's type ({@code Synthese}, {@code InformationsLogement}…), or
   * a {@code List} of lines for paiements and courriers.
   *
   * @param tab the tab asked for
   * @return the tab's value; empty when the dossier failed or the tab was not part of the batch
   */
  public Optional<Object> tab(Tab tab) {
    return Optional.ofNullable(tabs.get(tab));
  }

  /**
   * The value read for a tab, as its type.
   *
   * @param <T> the tab's value type
   * @param tab the tab asked for
   * @param type the class of the tab's value, e.g. {@code Synthese.class} or {@code List.class}
   * @return the tab's value; empty when the dossier failed or the tab was not part of the batch
   */
  public <T> Optional<T> tab(Tab tab, Class<T> type) {
    return tab(tab).filter(type::isInstance).map(type::cast);
  }

  /**
   * Every tab read, in tab order.
   *
   * @return an unmodifiable map from tab to value; empty when the dossier failed
   */
  public Map<Tab, Object> tabs() {
    return tabs;
  }

  @Override
  public String toString() {
    return "BatchItem{index="
        + index
        + ", tabs="
        + tabs.keySet()
        + (failure == null ? "" : ", failure=" + failure.getClass().getSimpleName())
        + "}";
  }
}
