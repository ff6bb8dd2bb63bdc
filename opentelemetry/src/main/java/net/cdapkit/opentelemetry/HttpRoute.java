package net.cdapkit.opentelemetry;

import java.util.EnumMap;
import java.util.Map;
import net.cdapkit.event.CdapOperation;

/**
 * The HTTP method and path template of each operation in the contract ({@code openapi.yaml}). The
 * template names its variables ({@code {reference}}, {@code {type}}, {@code {caf}}) and never
 * carries their values: a dossier reference in a trace would link it to a dossier.
 */
record HttpRoute(String method, String template, String spanName) {
  private static final Map<CdapOperation, HttpRoute> ROUTES = new EnumMap<>(CdapOperation.class);

  static {
    for (CdapOperation operation : CdapOperation.values()) {
      ROUTES.put(operation, route(operation));
    }
  }

  HttpRoute(String method, String template) {
    // The span name the HTTP conventions give a client span: {method} {template}; made once.
    this(method, template, method + " " + template);
  }

  /**
   * The operation's route, made once per operation: this runs on every attempt. Null for {@link
   * CdapOperation#CAF_SELECTION}, which sends no request.
   */
  static HttpRoute of(CdapOperation operation) {
    return ROUTES.get(operation);
  }

  private static HttpRoute route(CdapOperation operation) {
    return switch (operation) {
      case AUTHENTICATE -> new HttpRoute("POST", "/auth/token");
      case LOGOUT -> new HttpRoute("DELETE", "/sessions/courante");
      case CAF_SELECTION -> null; // checked against the session, never sent: no attempt
      case DOSSIER_LOOKUP -> new HttpRoute("POST", "/dossiers/recherche");
      case TAB_SYNTHESE -> tab("synthese");
      case TAB_RESUME -> tab("resume");
      case TAB_PAIEMENTS -> tab("paiements");
      case TAB_DROITS -> tab("droits");
      case TAB_FAMILLE -> tab("famille");
      case TAB_RESSOURCES -> tab("ressources");
      case TAB_RSA -> tab("rsa");
      case TAB_COURRIERS -> tab("courriers");
      case TAB_LOGEMENT -> tab("logement");
      case TAB_CREANCES -> tab("creances");
      case ATTESTATION_PDF -> new HttpRoute("GET", "/dossiers/{reference}/attestations/{type}");
      case ATTESTATION_POSTALE ->
          new HttpRoute("POST", "/dossiers/{reference}/attestations/{type}/envois-postaux");
      case DIALOGUE -> new HttpRoute("POST", "/cafs/{caf}/dialogues");
      case HELP -> new HttpRoute("GET", "/aide/fiches");
    };
  }

  private static HttpRoute tab(String path) {
    return new HttpRoute("GET", "/dossiers/{reference}/" + path);
  }
}
