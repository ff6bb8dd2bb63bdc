package net.cdapkit.model;

import com.squareup.moshi.Json;

/**
 * The state of an RSA dossier, the CNAF {@code etatdosrsa} code: an RSA referent reads it first to
 * know whether the household is actually paid.
 */
public enum EtatRsa {
  /** 0: application awaiting decision. */
  @Json(name = "0")
  EN_ATTENTE_DE_DECISION("0"),
  /** 1: application refused. */
  @Json(name = "1")
  REFUSE("1"),
  /** 2: right open and payable. */
  @Json(name = "2")
  OUVERT_VERSABLE("2"),
  /** 3: right open and suspended. */
  @Json(name = "3")
  OUVERT_SUSPENDU("3"),
  /** 4: right open, payment suspended. */
  @Json(name = "4")
  OUVERT_VERSEMENT_SUSPENDU("4"),
  /** 5: right closed. */
  @Json(name = "5")
  CLOS("5"),
  /** 6: right closed, remaining debts transferred. */
  @Json(name = "6")
  CLOS_CREANCES_TRANSFEREES("6"),
  /** A code unknown to this version of the SDK; its {@link #code()} is empty. */
  UNKNOWN("");

  private final String code;

  EtatRsa(String code) {
    this.code = code;
  }

  /**
   * {@return the CNAF {@code etatdosrsa} code, {@code "0"} to {@code "6"}; empty for {@link
   * #UNKNOWN}}
   */
  public String code() {
    return code;
  }
}
