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

  /** The position of this numéro in the input, from 0. Items arrive in completion order. */
  public long index() {
    return index;
  }

  /** The numéro consulted. Personal data: do not log. */
  public NumeroAllocataire numero() {
    return numero;
  }

  public boolean succeeded() {
    return failure == null;
  }

  /** Why this dossier failed: not found, denied, server, transport… */
  public Optional<CdapException> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * The value read for a tab: the tab's type ({@code Synthese}, {@code InformationsLogement}…), or
   * a {@code List} of lines for paiements and courriers.
   */
  public Optional<Object> tab(Tab tab) {
    return Optional.ofNullable(tabs.get(tab));
  }

  /** The value read for a tab, as its type. */
  public <T> Optional<T> tab(Tab tab, Class<T> type) {
    return tab(tab).filter(type::isInstance).map(type::cast);
  }

  /** Every tab read, in tab order. */
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
