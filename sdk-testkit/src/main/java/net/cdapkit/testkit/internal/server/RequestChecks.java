package net.cdapkit.testkit.internal.server;

import java.util.regex.Pattern;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.testkit.internal.server.SimulatorState.Session;

/** The checks several operations share: the request's headers, then the session's rights. */
final class RequestChecks {
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
  private static final Pattern FINALITE = Pattern.compile("[A-Z][A-Z0-9_]{2,63}");

  private RequestChecks() {}

  static FinaliteCode finalite(SimRequest req) {
    String value =
        req.header("X-Cdap-Finalite")
            .orElseThrow(
                () ->
                    ApiError.badRequest(
                        "L'en-tête X-Cdap-Finalite (finalité de la consultation) est"
                            + " obligatoire."));
    if (!FINALITE.matcher(value).matches()) {
      throw ApiError.badRequest(
          "L'en-tête X-Cdap-Finalite doit être un code de finalité, par exemple"
              + " ACCOMPAGNEMENT_SOCIAL.");
    }
    return FinaliteCode.of(value);
  }

  static void allowFinalite(Session s, FinaliteCode finalite) {
    if (!s.habilitations().allowsFinalite(finalite)) {
      throw new ApiError(
          ErrorCode.FINALITE_NOT_ALLOWED,
          "La finalité "
              + finalite.code()
              + " n'est pas ouverte au profil "
              + s.profil()
              + " ; finalités autorisées : "
              + s.habilitations().finalites()
              + ".");
    }
  }

  static void allowCaf(Session s, CafCode caf) {
    if (!s.habilitations().allowsCaf(caf)) {
      throw new ApiError(
          ErrorCode.CAF_NOT_HABILITATED,
          "La CAF " + caf.value() + " n'est pas dans les habilitations de la session.");
    }
  }

  static ApiError outsideProfile(Session s, String what) {
    return new ApiError(
        ErrorCode.OUTSIDE_PROFILE, "Le profil " + s.profil() + " ne permet pas " + what + ".");
  }

  static String idempotencyKey(SimRequest req) {
    String key =
        req.header("Idempotency-Key")
            .orElseThrow(() -> ApiError.badRequest("L'en-tête Idempotency-Key est obligatoire."));
    if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw ApiError.badRequest(
          "L'en-tête Idempotency-Key doit compter 8 à 64 caractères parmi A-Z, a-z, 0-9, '.',"
              + " '_', ':' et '-'.");
    }
    return key;
  }

  static AttestationType attestationType(String value) {
    for (AttestationType t : AttestationType.values()) {
      if (t.name().equals(value)) {
        return t;
      }
    }
    throw ApiError.badRequest(
        "Type d'attestation inconnu : PAIEMENT, QUOTIENT_FAMILIAL ou DROITS attendu.");
  }
}
