package net.cdapkit;

import java.util.Objects;
import net.cdapkit.capability.Tab;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.model.CompositionFamille;
import net.cdapkit.model.Courrier;
import net.cdapkit.model.Creances;
import net.cdapkit.model.Droits;
import net.cdapkit.model.InformationsLogement;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.Ressources;
import net.cdapkit.model.ResumeDossier;
import net.cdapkit.model.Rsa;
import net.cdapkit.model.Synthese;

/**
 * A typed read of one tab, for code that walks tabs generically: {@code dossier.read(TabRead.RSA)}
 * returns an {@link Rsa}, {@code dossier.read(TabRead.paiements(periode))} a {@link History} of
 * {@link Paiement}. It is the one mapping between the names a tab has:
 *
 * <table>
 *   <caption>One tab, its names</caption>
 *   <tr><th>{@link Tab}</th><th>{@link TabRead}</th><th>{@link Dossier} method</th>
 *       <th>{@link CdapOperation}</th><th>value</th></tr>
 *   <tr><td>SYNTHESE</td><td>SYNTHESE</td><td>synthese()</td><td>TAB_SYNTHESE</td>
 *       <td>Synthese</td></tr>
 *   <tr><td>RESUME</td><td>RESUME</td><td>resume()</td><td>TAB_RESUME</td>
 *       <td>ResumeDossier</td></tr>
 *   <tr><td>PAIEMENTS</td><td>paiements(Periode)</td><td>paiements(Periode)</td>
 *       <td>TAB_PAIEMENTS</td><td>History&lt;Paiement&gt;</td></tr>
 *   <tr><td>DROITS</td><td>DROITS</td><td>droits()</td><td>TAB_DROITS</td><td>Droits</td></tr>
 *   <tr><td>FAMILLE</td><td>FAMILLE</td><td>compositionFamille()</td><td>TAB_FAMILLE</td>
 *       <td>CompositionFamille</td></tr>
 *   <tr><td>RESSOURCES</td><td>RESSOURCES</td><td>ressources()</td><td>TAB_RESSOURCES</td>
 *       <td>Ressources</td></tr>
 *   <tr><td>RSA</td><td>RSA</td><td>rsa()</td><td>TAB_RSA</td><td>Rsa</td></tr>
 *   <tr><td>COURRIERS</td><td>courriers(Periode)</td><td>courriers(Periode)</td>
 *       <td>TAB_COURRIERS</td><td>History&lt;Courrier&gt;</td></tr>
 *   <tr><td>LOGEMENT</td><td>LOGEMENT</td><td>logement()</td><td>TAB_LOGEMENT</td>
 *       <td>InformationsLogement</td></tr>
 *   <tr><td>CREANCES</td><td>CREANCES</td><td>creances()</td><td>TAB_CREANCES</td>
 *       <td>Creances</td></tr>
 * </table>
 *
 * <p>The wire name ({@link Tab#wireName()}) is the tab's name in the contract's paths; {@link
 * CdapOperation#tagName()} is {@code "tab." + wireName}.
 *
 * @param <T> the value the read returns
 */
public final class TabRead<T> {
  /** Reads the synthèse tab as a {@link Synthese}. */
  public static final TabRead<Synthese> SYNTHESE = new TabRead<>(Tab.SYNTHESE, Synthese.class);

  /** Reads the résumé du dossier tab as a {@link ResumeDossier}. */
  public static final TabRead<ResumeDossier> RESUME =
      new TabRead<>(Tab.RESUME, ResumeDossier.class);

  /** Reads the droits tab as {@link Droits}. */
  public static final TabRead<Droits> DROITS = new TabRead<>(Tab.DROITS, Droits.class);

  /** Reads the composition de la famille tab as a {@link CompositionFamille}. */
  public static final TabRead<CompositionFamille> FAMILLE =
      new TabRead<>(Tab.FAMILLE, CompositionFamille.class);

  /** Reads the ressources tab as {@link Ressources}. */
  public static final TabRead<Ressources> RESSOURCES =
      new TabRead<>(Tab.RESSOURCES, Ressources.class);

  /** Reads the RSA tab as an {@link Rsa}. */
  public static final TabRead<Rsa> RSA = new TabRead<>(Tab.RSA, Rsa.class);

  /** Reads the informations logement tab as {@link InformationsLogement}. */
  public static final TabRead<InformationsLogement> LOGEMENT =
      new TabRead<>(Tab.LOGEMENT, InformationsLogement.class);

  /** Reads the créances tab as {@link Creances}. */
  public static final TabRead<Creances> CREANCES = new TabRead<>(Tab.CREANCES, Creances.class);

  private final Tab tab;
  private final Class<?> type;
  private final Periode periode;

  private TabRead(Tab tab, Class<?> type) {
    this(tab, type, null);
  }

  private TabRead(Tab tab, Class<?> type, Periode periode) {
    this.tab = tab;
    this.type = type;
    this.periode = periode;
  }

  /**
   * The payments of a period, newest first.
   *
   * @param periode the months to read
   * @return the read of the paiements tab
   */
  public static TabRead<History<Paiement>> paiements(Periode periode) {
    return new TabRead<>(
        Tab.PAIEMENTS, History.class, Objects.requireNonNullElse(periode, Periode.all()));
  }

  /**
   * The letters of a period, newest first.
   *
   * @param periode the months to read
   * @return the read of the courriers tab
   */
  public static TabRead<History<Courrier>> courriers(Periode periode) {
    return new TabRead<>(
        Tab.COURRIERS, History.class, Objects.requireNonNullElse(periode, Periode.all()));
  }

  /**
   * The read of {@code tab}, its value typed only as {@code Object}: for code that holds a {@link
   * Tab} at run time. {@code periode} applies to paiements and courriers.
   *
   * @param tab the tab to read
   * @param periode the months to read; ignored for tabs that are not histories
   * @return the read of that tab
   */
  public static TabRead<?> of(Tab tab, Periode periode) {
    return switch (Objects.requireNonNull(tab, "tab")) {
      case SYNTHESE -> SYNTHESE;
      case RESUME -> RESUME;
      case PAIEMENTS -> paiements(periode);
      case DROITS -> DROITS;
      case FAMILLE -> FAMILLE;
      case RESSOURCES -> RESSOURCES;
      case RSA -> RSA;
      case COURRIERS -> courriers(periode);
      case LOGEMENT -> LOGEMENT;
      case CREANCES -> CREANCES;
    };
  }

  /**
   * The tab read.
   *
   * @return the tab
   */
  public Tab tab() {
    return tab;
  }

  /**
   * The operation that reports this read to listeners.
   *
   * @return the operation named in events
   */
  public CdapOperation operation() {
    return CdapOperation.forTab(tab);
  }

  /**
   * Whether the tab is a paged history (paiements, courriers).
   *
   * @return true for paiements and courriers
   */
  public boolean paged() {
    return periode != null;
  }

  Periode periode() {
    return periode;
  }

  Class<?> type() {
    return type;
  }

  @Override
  public String toString() {
    return "TabRead{" + tab.wireName() + "}";
  }
}
