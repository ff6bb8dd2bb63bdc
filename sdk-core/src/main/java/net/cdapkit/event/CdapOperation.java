package net.cdapkit.event;

import java.util.Locale;
import net.cdapkit.capability.Tab;

/**
 * The operations of the CDAP contract, one per kind of logical call. Their {@link #tagName()} is a
 * stable, bounded name for metrics, traces and logs: it never carries a path, a reference or any
 * other value of the call.
 */
public enum CdapOperation {
  /** Step 1 of the guide: logging in, and each renewal of the session's token. */
  AUTHENTICATE("authenticate", false),
  /** Closing the session. */
  LOGOUT("logout", false),
  /**
   * Step 3: selecting the allocataire's CAF. Sends no request: reported only when the CAF is not
   * among the session's, as a call with a {@link DenialKind#CAF} denial and no attempt.
   */
  CAF_SELECTION("caf.selection", false),
  /** Step 3: finding a dossier by CAF and numéro allocataire ("consulter"). */
  DOSSIER_LOOKUP("dossier.lookup", false),
  /** Reading the synthèse tab. */
  TAB_SYNTHESE("tab.synthese", false),
  /** Reading the résumé du dossier tab. */
  TAB_RESUME("tab.resume", false),
  /** Reading one page of the paiements tab. */
  TAB_PAIEMENTS("tab.paiements", false),
  /** Reading the droits tab. */
  TAB_DROITS("tab.droits", false),
  /** Reading the composition de la famille tab. */
  TAB_FAMILLE("tab.famille", false),
  /** Reading the ressources tab. */
  TAB_RESSOURCES("tab.ressources", false),
  /** Reading the RSA tab. */
  TAB_RSA("tab.rsa", false),
  /** Reading one page of the courriers tab. */
  TAB_COURRIERS("tab.courriers", false),
  /** Reading the informations logement tab. */
  TAB_LOGEMENT("tab.logement", false),
  /** Reading the créances tab. */
  TAB_CREANCES("tab.creances", false),
  /** Step 6: getting an attestation as a PDF. */
  ATTESTATION_PDF("attestation.pdf", false),
  /** Step 6: having the CAF post an attestation to the allocataire; has an effect. */
  ATTESTATION_POSTALE("attestation.postale", true),
  /** Step 6: sending a Dialogue message to the CAF; has an effect. */
  DIALOGUE("dialogue", true),
  /** Step 7: the online help listing. */
  HELP("help", false);

  private final String tagName;
  private final boolean effect;

  CdapOperation(String tagName, boolean effect) {
    this.tagName = tagName;
    this.effect = effect;
  }

  /**
   * {@return the stable lower-case name, e.g. {@code tab.paiements}; safe as a metric tag or span
   * name}
   */
  public String tagName() {
    return tagName;
  }

  /**
   * {@return whether the operation acts on the server (a letter posted, a message sent), so that
   * sending it twice would act twice; such calls are retried only with an idempotency key}
   */
  public boolean hasEffect() {
    return effect;
  }

  /**
   * {@return the operation that reads {@code tab}}
   *
   * @param tab the tab
   */
  public static CdapOperation forTab(Tab tab) {
    return valueOf("TAB_" + tab.name());
  }

  @Override
  public String toString() {
    return tagName.toLowerCase(Locale.ROOT);
  }
}
