package net.cdapkit.testkit.internal.server;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Habilitations;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.testkit.Catalogue;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.Operation;
import net.cdapkit.testkit.RecordedConsultation;
import net.cdapkit.testkit.RecordedDialogue;
import net.cdapkit.testkit.RecordedEnvoiPostal;
import net.cdapkit.testkit.SyntheticDossier;
import net.cdapkit.testkit.internal.privacy.PersonalData;
import net.cdapkit.testkit.internal.server.SimulatorState.Binding;
import net.cdapkit.testkit.internal.server.SimulatorState.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract's operations, as plain Java: routes a {@link SimRequest} by method and path and
 * answers a {@link SimResponse}. Checks run in the order 401, 400, 403, 404: authentication, then
 * the request's own well-formedness, then the session's rights, then the dossier.
 */
public final class SimulatorHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CdapSimulator.class);

  public static final String PREFIX = "/api/v1/";
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern REFERENCE = Pattern.compile("dos_[A-Za-z0-9]{8,64}");
  private static final Pattern CAF = Pattern.compile("[0-9]{3}");
  private static final Pattern NUMERO = Pattern.compile("[0-9]{7}");
  public static final int DEFAULT_DEBIT_MAX_PAR_SECONDE = 20;

  private final SimulatorState state;
  private final Catalogue catalogue;
  private final Clock clock;
  private final Duration tokenLifetime;
  private final int declaredRate;
  private final boolean enforceRate;
  private final ConcurrentHashMap<String, RateBucket> buckets = new ConcurrentHashMap<>();

  /** A handler that declares the default rate and enforces none. */
  public SimulatorHandler(
      SimulatorState state, Catalogue catalogue, Clock clock, Duration tokenLifetime) {
    this(state, catalogue, clock, tokenLifetime, DEFAULT_DEBIT_MAX_PAR_SECONDE, false);
  }

  public SimulatorHandler(
      SimulatorState state,
      Catalogue catalogue,
      Clock clock,
      Duration tokenLifetime,
      int declaredRate,
      boolean enforceRate) {
    this.state = state;
    this.catalogue = catalogue;
    this.clock = clock;
    this.tokenLifetime = tokenLifetime;
    this.declaredRate = declaredRate;
    this.enforceRate = enforceRate;
  }

  /** Answers any request; never throws. Every answer carries an {@code X-Request-Id}. */
  public SimResponse handle(SimRequest req) {
    String requestId = req.header("X-Request-Id").orElse(null);
    boolean validId = requestId != null && REQUEST_ID.matcher(requestId).matches();
    SimResponse response;
    try {
      if (requestId != null && !validId) {
        throw ApiError.badRequest(
            "L'en-tête X-Request-Id doit compter 1 à 64 caractères parmi A-Z, a-z, 0-9, '.', '_'"
                + " et '-'.");
      }
      response = route(req);
    } catch (RateLimited e) {
      response = error(e).withHeader("Retry-After", Long.toString(e.retryAfterSeconds));
    } catch (ApiError e) {
      response = error(e);
    } catch (RuntimeException e) {
      // Our own failure: the exception carries no request data, only the route is named.
      LOG.warn("Simulator failure on {} {}", req.method(), req.path(), e);
      response = error(new ApiError(ErrorCode.INTERNAL, "Erreur inattendue du simulateur."));
    }
    return response.withHeader("X-Request-Id", validId ? requestId : state.newRequestId());
  }

  /** The request id an answer to this request carries: the client's when valid, else a new one. */
  public String responseRequestId(SimRequest req) {
    String requestId = req.header("X-Request-Id").orElse(null);
    return requestId != null && REQUEST_ID.matcher(requestId).matches()
        ? requestId
        : state.newRequestId();
  }

  public static SimResponse error(ApiError e) {
    Json.Obj error =
        Json.obj().put("code", e.code.code).put("title", e.code.title).put("detail", e.detail);
    SimResponse response =
        SimResponse.json(e.code.status, Json.obj().put("errors", List.of(error)));
    if (e.code == ErrorCode.TOKEN_EXPIRED || e.code == ErrorCode.TOKEN_INVALID) {
      response = response.withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
    return response;
  }

  private SimResponse route(SimRequest req) {
    Operation op =
        Operation.match(req.method(), req.path()).orElseThrow(SimulatorHandler::unknownRoute);
    String[] s = req.path().substring(PREFIX.length()).split("/", -1);
    return switch (op) {
      case AUTHENTICATE -> authenticate(req);
      case LOGOUT -> logout(req);
      case LOOKUP_DOSSIER -> lookup(req);
      case ATTESTATION_PDF -> attestationPdf(req, s[1], s[3]);
      case ATTESTATION_POSTALE -> envoiPostal(req, s[1], s[3]);
      case SEND_DIALOGUE -> dialogue(req, s[1]);
      case HELP -> {
        session(req);
        yield SimResponse.json(200, FichesPratiques.json());
      }
      default -> tab(req, s[1], op.tab().orElseThrow());
    };
  }

  private static ApiError unknownRoute() {
    return new ApiError(
        ErrorCode.UNKNOWN_ROUTE,
        "Aucune opération du contrat ne correspond à cette méthode et à ce chemin.");
  }

  // ---------------------------------------------------------------- authentication

  private SimResponse authenticate(SimRequest req) {
    Map<String, Object> body = Json.parseObject(req.body());
    String login = Json.requiredString(body, "login", 128);
    String password = Json.requiredString(body, "password", 256);
    state.noteSecret(password);
    DemoAgents.Agent agent =
        DemoAgents.authenticate(login, password)
            .orElseThrow(
                () ->
                    new ApiError(
                        ErrorCode.BAD_CREDENTIALS, "Identifiant ou mot de passe incorrect."));
    switch (agent.status()) {
      case SUSPENDED ->
          throw new ApiError(
              ErrorCode.HABILITATION_SUSPENDED,
              "L'habilitation de cet agent est suspendue : contactez le gestionnaire des"
                  + " habilitations de votre structure.");
      case PASSWORD_RENEWAL ->
          throw new ApiError(
              ErrorCode.PASSWORD_RENEWAL,
              "Le mot de passe doit être renouvelé sur Mon Compte Partenaire avant toute connexion.");
      case ACTIVE -> {}
    }
    Session session = state.openSession(agent, clock.instant().plus(tokenLifetime));
    Habilitations h = session.habilitations();
    Json.Obj habilitations =
        Json.obj()
            .put("cafs", h.cafs().stream().sorted().<Object>map(CafCode::value).toList())
            .put("onglets", h.tabs().stream().sorted().<Object>map(Tab::wireName).toList())
            .put("actions", h.actions().stream().sorted().<Object>map(Enum::name).toList())
            .put(
                "typesAttestation",
                h.attestationTypes().stream().sorted().<Object>map(Enum::name).toList())
            .put("finalites", h.finalites().stream().<Object>map(FinaliteCode::code).toList())
            .put(
                "restrictions",
                h.restrictions().stream().sorted().<Object>map(Enum::name).toList());
    Json.Obj json =
        Json.obj()
            .put("accessToken", session.token())
            .put("tokenType", "Bearer")
            .put("expiresIn", Math.max(1L, tokenLifetime.toSeconds()))
            .put(
                "session",
                Json.obj()
                    .put(
                        "partenaire",
                        Json.obj()
                            .put("id", DemoAgents.PARTENAIRE_ID)
                            .put("nom", DemoAgents.PARTENAIRE_NOM))
                    .put("agent", Json.obj().put("id", agent.login()).put("nom", agent.nom()))
                    .put("profil", session.profil())
                    .put("habilitations", habilitations)
                    .put("debitMaxParSeconde", declaredRate));
    return SimResponse.json(200, json).withHeader("Cache-Control", "no-store");
  }

  private Session session(SimRequest req) {
    String header = req.header("Authorization").orElse(null);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiError(
          ErrorCode.TOKEN_INVALID,
          "Jeton d'accès absent : en-tête 'Authorization: Bearer <jeton>' attendu.");
    }
    Session session =
        state
            .session(header.substring(7).strip())
            .orElseThrow(
                () -> new ApiError(ErrorCode.TOKEN_INVALID, "Jeton d'accès inconnu ou révoqué."));
    if (!clock.instant().isBefore(session.expiresAt())) {
      throw new ApiError(
          ErrorCode.TOKEN_EXPIRED, "Jeton d'accès expiré : authentifiez-vous de nouveau.");
    }
    if (enforceRate) {
      // The declared rate is the partner account's, whatever the number of its sessions and
      // processes: several clients that each keep to it together overshoot, and are caught.
      long waitNanos =
          buckets
              .computeIfAbsent(DemoAgents.PARTENAIRE_ID, t -> new RateBucket(declaredRate, clock))
              .take();
      if (waitNanos > 0) {
        throw new RateLimited(waitNanos);
      }
    }
    return session;
  }

  /** Gives every partner account a full allowance again, as a fresh simulator would. */
  public void resetRateLimit() {
    buckets.clear();
  }

  /**
   * 429 for a partner account over its declared rate, with the seconds until a request would pass.
   */
  public static final class RateLimited extends ApiError {
    public final long retryAfterSeconds;

    public RateLimited(long waitNanos) {
      super(
          ErrorCode.RATE_LIMITED,
          "Trop de requêtes pour ce compte partenaire : réessayez après le délai indiqué.");
      this.retryAfterSeconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }
  }

  private SimResponse logout(SimRequest req) {
    Session session = session(req);
    state.closeSession(session);
    return SimResponse.noContent();
  }

  private Binding binding(Session s, String reference) {
    if (!REFERENCE.matcher(reference).matches()) {
      throw unknownReference();
    }
    return state.binding(s, reference).orElseThrow(SimulatorHandler::unknownReference);
  }

  private static ApiError unknownReference() {
    return new ApiError(
        ErrorCode.REFERENCE_UNKNOWN,
        "Référence de dossier inconnue, expirée ou obtenue par une autre session : refaites la"
            + " recherche du dossier.");
  }

  private SyntheticDossier dossier(Binding b) {
    return find(b.caf(), b.numeroAllocataire())
        .orElseThrow(() -> new IllegalStateException("A bound dossier left the catalogue"));
  }

  /** A dossier added to the simulator for the current test, else one of the catalogue. */
  public Optional<SyntheticDossier> find(CafCode caf, NumeroAllocataire numero) {
    Optional<SyntheticDossier> added = state.added(caf, numero);
    return added.isPresent() ? added : catalogue.find(caf, numero);
  }

  /** The personal data of the dossiers consulted or added since the reset, and the secrets seen. */
  public PersonalData personalData() {
    List<SyntheticDossier> dossiers = new ArrayList<>(state.added());
    List<NumeroAllocataire> asked = new ArrayList<>();
    for (RecordedConsultation c : state.consultations()) {
      asked.add(c.numeroAllocataire());
      find(c.caf(), c.numeroAllocataire()).ifPresent(dossiers::add);
    }
    return new PersonalData(dossiers, state.secrets()).withNumeros(asked);
  }

  // ---------------------------------------------------------------- dossiers

  private SimResponse lookup(SimRequest req) {
    Session s = session(req);
    FinaliteCode finalite = RequestChecks.finalite(req);
    Map<String, Object> body = Json.parseObject(req.body());
    String caf = Json.requiredString(body, "caf", 3);
    if (!CAF.matcher(caf).matches()) {
      throw ApiError.badRequest("Le champ 'caf' doit compter exactement trois chiffres.");
    }
    String numero = Json.requiredString(body, "numeroAllocataire", 7);
    if (!NUMERO.matcher(numero).matches()) {
      throw ApiError.badRequest(
          "Le champ 'numeroAllocataire' doit compter exactement sept chiffres (zéros à gauche"
              + " compris).");
    }
    RequestChecks.allowFinalite(s, finalite);
    CafCode cafCode = CafCode.of(caf);
    RequestChecks.allowCaf(s, cafCode);
    NumeroAllocataire numeroAllocataire = NumeroAllocataire.of(numero);
    state.record(
        new RecordedConsultation(
            cafCode, numeroAllocataire, finalite, s.agent().login(), clock.instant()));
    if (find(cafCode, numeroAllocataire).isEmpty()) {
      throw new ApiError(
          ErrorCode.DOSSIER_NOT_FOUND,
          "Dossier allocataire inexistant dans la CAF " + caf + " pour le numéro fourni.");
    }
    Binding b = state.bind(s, cafCode, numeroAllocataire, finalite);
    return SimResponse.json(200, Json.obj().put("reference", b.reference()).put("caf", caf));
  }

  private SimResponse tab(SimRequest req, String reference, Tab tab) {
    Session s = session(req);
    FinaliteCode finalite = RequestChecks.finalite(req);
    Paging paging =
        tab == Tab.PAIEMENTS || tab == Tab.COURRIERS ? Paging.parse(req.rawQuery()) : null;
    RequestChecks.allowFinalite(s, finalite);
    if (!s.habilitations().allowsTab(tab)) {
      throw RequestChecks.outsideProfile(s, "de consulter l'onglet " + tab.wireName());
    }
    SyntheticDossier d = dossier(binding(s, reference));
    return SimResponse.json(
        200, TabRenderer.render(tab, d, s.habilitations().restrictions(), paging));
  }

  private SimResponse attestationPdf(SimRequest req, String reference, String typeName) {
    Session s = session(req);
    FinaliteCode finalite = RequestChecks.finalite(req);
    AttestationType type = RequestChecks.attestationType(typeName);
    RequestChecks.allowFinalite(s, finalite);
    if (!s.habilitations().allowsAction(Action.ATTESTATION_PDF)) {
      throw RequestChecks.outsideProfile(s, "de consulter une attestation");
    }
    if (!s.habilitations().allowsAttestation(type)) {
      throw RequestChecks.outsideProfile(s, "l'attestation " + type.name());
    }
    SyntheticDossier d = dossier(binding(s, reference));
    byte[] pdf =
        AttestationPdf.render(type, d, s.habilitations().restrictions(), ZonedDateTime.now(clock));
    return new SimResponse(
        200,
        Map.of(
            "Content-Type",
            "application/pdf",
            "Content-Disposition",
            "inline; filename=\"attestation-" + type.name().toLowerCase(Locale.ROOT) + ".pdf\""),
        pdf);
  }

  /** Same request = same agent (the key's scope), same dossier and type, whatever reference. */
  private record EnvoiFingerprint(CafCode caf, NumeroAllocataire numero, AttestationType type) {}

  private SimResponse envoiPostal(SimRequest req, String reference, String typeName) {
    Session s = session(req);
    FinaliteCode finalite = RequestChecks.finalite(req);
    String key = RequestChecks.idempotencyKey(req);
    AttestationType type = RequestChecks.attestationType(typeName);
    RequestChecks.allowFinalite(s, finalite);
    if (!s.habilitations().allowsAction(Action.ATTESTATION_POSTALE)) {
      throw RequestChecks.outsideProfile(s, "de faire envoyer une attestation par courrier");
    }
    if (!s.habilitations().allowsAttestation(type)) {
      throw RequestChecks.outsideProfile(s, "l'attestation " + type.name());
    }
    Binding b = binding(s, reference);
    SimulatorState.Outcome outcome =
        state.once(
            s.agent().login(),
            key,
            new EnvoiFingerprint(b.caf(), b.numeroAllocataire(), type),
            SimulatorState.Kind.ENVOI_POSTAL,
            sequence -> {
              String receipt = String.format("ENV-%s-%06d", b.caf().value(), sequence);
              LocalDate date = LocalDate.now(clock).plusDays(2);
              state.record(
                  new RecordedEnvoiPostal(
                      receipt,
                      b.caf(),
                      b.numeroAllocataire(),
                      type,
                      date,
                      s.agent().login(),
                      finalite,
                      key));
              return Json.obj()
                  .put("reference", receipt)
                  .put("type", type.name())
                  .put("dateEnvoiPrevue", date.toString());
            });
    return SimResponse.json(outcome.created() ? 201 : 200, outcome.receipt());
  }

  /** Same request = same CAF, subject, message and dossier (not reference) for the same agent. */
  private record DialogueFingerprint(
      CafCode caf, String objet, String message, Optional<NumeroAllocataire> dossier) {}

  private SimResponse dialogue(SimRequest req, String cafValue) {
    Session s = session(req);
    if (!CAF.matcher(cafValue).matches()) {
      throw ApiError.badRequest("Le code CAF du chemin doit compter exactement trois chiffres.");
    }
    CafCode caf = CafCode.of(cafValue);
    String key = RequestChecks.idempotencyKey(req);
    Map<String, Object> body = Json.parseObject(req.body());
    String objet = Json.requiredString(body, "objet", 120);
    String message = Json.requiredString(body, "message", 4000);
    String reference = Json.optionalString(body, "dossierReference");
    if (reference != null && !REFERENCE.matcher(reference).matches()) {
      throw ApiError.badRequest(
          "Le champ 'dossierReference' doit être une référence de dossier (dos_…).");
    }
    if (!s.habilitations().allowsAction(Action.DIALOGUE)) {
      throw RequestChecks.outsideProfile(s, "d'utiliser le Dialogue");
    }
    RequestChecks.allowCaf(s, caf);
    Optional<Binding> b = Optional.empty();
    if (reference != null) {
      b = Optional.of(binding(s, reference));
      if (!b.get().caf().equals(caf)) {
        throw ApiError.badRequest("Le dossier référencé relève d'une autre CAF que le chemin.");
      }
    }
    Optional<NumeroAllocataire> numero = b.map(Binding::numeroAllocataire);
    SimulatorState.Outcome outcome =
        state.once(
            s.agent().login(),
            key,
            new DialogueFingerprint(caf, objet, message, numero),
            SimulatorState.Kind.DIALOGUE,
            sequence -> {
              String receipt = String.format("DLG-%s-%06d", caf.value(), sequence);
              OffsetDateTime recuLe = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
              state.record(
                  new RecordedDialogue(
                      receipt,
                      caf,
                      objet,
                      message,
                      Optional.ofNullable(reference),
                      numero,
                      recuLe,
                      s.agent().login(),
                      key));
              return Json.obj()
                  .put("reference", receipt)
                  .put("recuLe", recuLe.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            });
    return SimResponse.json(outcome.created() ? 201 : 200, outcome.receipt());
  }
}
