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
  AUTHENTICATE("authenticate", "POST", null),
  LOGOUT("logout", "DELETE", null),
  LOOKUP_DOSSIER("lookupDossier", "POST", null),
  TAB_SYNTHESE("synthese", "GET", Tab.SYNTHESE),
  TAB_RESUME("resume", "GET", Tab.RESUME),
  TAB_PAIEMENTS("paiements", "GET", Tab.PAIEMENTS),
  TAB_DROITS("droits", "GET", Tab.DROITS),
  TAB_FAMILLE("compositionFamille", "GET", Tab.FAMILLE),
  TAB_RESSOURCES("ressources", "GET", Tab.RESSOURCES),
  TAB_RSA("rsa", "GET", Tab.RSA),
  TAB_COURRIERS("courriers", "GET", Tab.COURRIERS),
  TAB_LOGEMENT("logement", "GET", Tab.LOGEMENT),
  TAB_CREANCES("creances", "GET", Tab.CREANCES),
  ATTESTATION_PDF("attestationPdf", "GET", null),
  ATTESTATION_POSTALE("attestationPostale", "POST", null),
  SEND_DIALOGUE("sendDialogue", "POST", null),
  HELP("help", "GET", null);

  private final String operationId;
  private final String method;
  private final Tab tab;

  Operation(String operationId, String method, Tab tab) {
    this.operationId = operationId;
    this.method = method;
    this.tab = tab;
  }

  /** The contract's {@code operationId}, e.g. {@code lookupDossier}. */
  public String operationId() {
    return operationId;
  }

  /** The HTTP method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** The tab this operation reads, for the ten tab operations. */
  public Optional<Tab> tab() {
    return Optional.ofNullable(tab);
  }

  /** The operation that reads this tab. */
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
   */
  public boolean isConsultation() {
    return this == LOOKUP_DOSSIER
        || tab != null
        || this == ATTESTATION_PDF
        || this == ATTESTATION_POSTALE;
  }

  /** Whether the operation has an effect at the CAF and so carries an {@code Idempotency-Key}. */
  public boolean hasEffect() {
    return this == ATTESTATION_POSTALE || this == SEND_DIALOGUE;
  }

  /**
   * The operation a request is for, from its method and its path below {@code /api/v1/}; empty for
   * a request the contract does not define.
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
