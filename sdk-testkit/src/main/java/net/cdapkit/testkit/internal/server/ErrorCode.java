package net.cdapkit.testkit.internal.server;

/** The contract's error codes, with their HTTP status and title. */
public enum ErrorCode {
  BAD_REQUEST(400, "00400", "Requête invalide"),
  UNKNOWN_ROUTE(404, "00404", "Ressource inconnue"),
  BAD_CREDENTIALS(401, "10001", "Identifiants incorrects"),
  HABILITATION_SUSPENDED(403, "10002", "Habilitation suspendue"),
  PASSWORD_RENEWAL(403, "10003", "Mot de passe à renouveler"),
  TOKEN_EXPIRED(401, "10004", "Jeton expiré"),
  TOKEN_INVALID(401, "10005", "Jeton invalide"),
  OUTSIDE_PROFILE(403, "20001", "Hors du profil"),
  CAF_NOT_HABILITATED(403, "20002", "CAF hors habilitation"),
  FINALITE_NOT_ALLOWED(403, "20003", "Finalité non autorisée"),
  DOSSIER_NOT_FOUND(404, "37003", "Entité non trouvée"),
  REFERENCE_UNKNOWN(404, "37004", "Référence de dossier inconnue"),
  IDEMPOTENCY_CONFLICT(409, "40901", "Clé d'idempotence déjà utilisée"),
  RATE_LIMITED(429, "00429", "Trop de requêtes"),
  INTERNAL(500, "50000", "Erreur interne"),
  PROVIDER_ERROR(502, "37999", "Erreur du fournisseur de données"),
  UNAVAILABLE(503, "50003", "Service indisponible"),
  GATEWAY_TIMEOUT(504, "37002", "Intermédiaire hors-délai");

  public final int status;
  public final String code;
  public final String title;

  ErrorCode(int status, String code, String title) {
    this.status = status;
    this.code = code;
    this.title = title;
  }
}
