package net.cdapkit.testkit;

import java.util.Locale;
import java.util.Optional;
import net.cdapkit.capability.Tab;
import net.cdapkit.testkit.internal.server.SimulatorHandler;

/**
 * The operations of the contract ({@code openapi.yaml}), one per {@code operationId}: what faults
 * target and what verification counts.
 */
public enum Operation {

  /** Opens a session: {@code POST /auth/token}. */
  AUTHENTICATE("authenticate", "POST", null),

  /** Closes the current session: {@code DELETE /sessions/courante}. */
  LOGOUT("logout", "DELETE", null),

  /** Finds a dossier by CAF and numéro allocataire: {@code POST /dossiers/recherche}. */
  LOOKUP_DOSSIER("lookupDossier", "POST", null),

  /** Reads the {@link Tab#SYNTHESE} tab of a dossier. */
  TAB_SYNTHESE("synthese", "GET", Tab.SYNTHESE),

  /** Reads the {@link Tab#RESUME} tab of a dossier. */
  TAB_RESUME("resume", "GET", Tab.RESUME),

  /** Reads the {@link Tab#PAIEMENTS} tab of a dossier. */
  TAB_PAIEMENTS("paiements", "GET", Tab.PAIEMENTS),

  /** Reads the {@link Tab#DROITS} tab of a dossier. */
  TAB_DROITS("droits", "GET", Tab.DROITS),

  /** Reads the {@link Tab#FAMILLE} tab of a dossier (operation {@code compositionFamille}). */
  TAB_FAMILLE("compositionFamille", "GET", Tab.FAMILLE),

  /** Reads the {@link Tab#RESSOURCES} tab of a dossier. */
  TAB_RESSOURCES("ressources", "GET", Tab.RESSOURCES),

  /** Reads the {@link Tab#RSA} tab of a dossier. */
  TAB_RSA("rsa", "GET", Tab.RSA),

  /** Reads the {@link Tab#COURRIERS} tab of a dossier. */
  TAB_COURRIERS("courriers", "GET", Tab.COURRIERS),

  /** Reads the {@link Tab#LOGEMENT} tab of a dossier. */
  TAB_LOGEMENT("logement", "GET", Tab.LOGEMENT),

  /** Reads the {@link Tab#CREANCES} tab of a dossier. */
  TAB_CREANCES("creances", "GET", Tab.CREANCES),

  /** Downloads an attestation of a dossier as a PDF. */
  ATTESTATION_PDF("attestationPdf", "GET", null),

  /**
   * Asks the CAF to post an attestation to the allocataire; an effect, sent with an {@code
   * Idempotency-Key}.
   */
  ATTESTATION_POSTALE("attestationPostale", "POST", null),

  /** Sends a message to a CAF; an effect, sent with an {@code Idempotency-Key}. */
  SEND_DIALOGUE("sendDialogue", "POST", null),

  /** Reads the help pages: {@code GET /aide/fiches}. */
  HELP("help", "GET", null);

  private final String operationId;
  private final String method;
  private final Tab tab;

  Operation(String operationId, String method, Tab tab) {
    this.operationId = operationId;
    this.method = method;
    this.tab = tab;
  }

  /**
   * The contract's {@code operationId}, e.g. {@code lookupDossier}.
   *
   * @return the {@code operationId} as written in {@code openapi.yaml}
   */
  public String operationId() {
    return operationId;
  }

  /**
   * The HTTP method, e.g. {@code GET}.
   *
   * @return the method in upper case
   */
  public String method() {
    return method;
  }

  /**
   * The tab this operation reads, for the ten tab operations.
   *
   * @return the tab, or empty for an operation that reads no tab
   */
  public Optional<Tab> tab() {
    return Optional.ofNullable(tab);
  }

  /**
   * The operation that reads this tab.
   *
   * @param tab a tab of the dossier
   * @return the {@code TAB_*} operation that reads it
   * @throws IllegalArgumentException if no operation reads that tab
   */
  public static Operation of(Tab tab) {
    for (Operation op : values()) {
      if (op.tab == tab) {
        return op;
      }
    }
    throw new IllegalArgumentException("No operation for tab " + tab);
  }

  /**
   * Whether the contract requires a finalité on this operation: every consultation of a dossier
   * (lookup, tabs, attestations).
   *
   * @return {@code true} if the request must carry an {@code X-Cdap-Finalite} header
   */
  public boolean isConsultation() {
    return this == LOOKUP_DOSSIER
        || tab != null
        || this == ATTESTATION_PDF
        || this == ATTESTATION_POSTALE;
  }

  /**
   * Whether the operation has an effect at the CAF and so carries an {@code Idempotency-Key}.
   *
   * @return {@code true} for {@link #ATTESTATION_POSTALE} and {@link #SEND_DIALOGUE}
   */
  public boolean hasEffect() {
    return this == ATTESTATION_POSTALE || this == SEND_DIALOGUE;
  }

  /**
   * The operation a request is for, from its method and its path below {@code /api/v1/}; empty for
   * a request the contract does not define.
   *
   * @param method the HTTP method, in any case
   * @param path the request's path, starting with {@code /api/v1/}, not decoded
   * @return the operation, or empty if no operation of the contract has that method and path
   */
  public static Optional<Operation> match(String method, String path) {
    if (!path.startsWith(SimulatorHandler.PREFIX)) {
      return Optional.empty();
    }
    String[] s = path.substring(SimulatorHandler.PREFIX.length()).split("/", -1);
    String m = method.toUpperCase(Locale.ROOT);
    Operation op = null;
    if (s.length == 2 && s[0].equals("auth") && s[1].equals("token")) {
      op = AUTHENTICATE;
    } else if (s.length == 2 && s[0].equals("sessions") && s[1].equals("courante")) {
      op = LOGOUT;
    } else if (s.length == 2 && s[0].equals("dossiers") && s[1].equals("recherche")) {
      op = LOOKUP_DOSSIER;
    } else if (s.length == 3 && s[0].equals("dossiers")) {
      for (Operation candidate : values()) {
        if (candidate.tab != null && candidate.tab.wireName().equals(s[2])) {
          op = candidate;
        }
      }
    } else if (s.length == 4 && s[0].equals("dossiers") && s[2].equals("attestations")) {
      op = ATTESTATION_PDF;
    } else if (s.length == 5
        && s[0].equals("dossiers")
        && s[2].equals("attestations")
        && s[4].equals("envois-postaux")) {
      op = ATTESTATION_POSTALE;
    } else if (s.length == 3 && s[0].equals("cafs") && s[2].equals("dialogues")) {
      op = SEND_DIALOGUE;
    } else if (s.length == 2 && s[0].equals("aide") && s[1].equals("fiches")) {
      op = HELP;
    }
    return op != null && op.method.equals(m) ? Optional.of(op) : Optional.empty();
  }
}
