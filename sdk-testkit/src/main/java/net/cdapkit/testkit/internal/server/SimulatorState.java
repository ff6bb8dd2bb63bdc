package net.cdapkit.testkit.internal.server;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import net.cdapkit.capability.Habilitations;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.testkit.Catalogue;
import net.cdapkit.testkit.RecordedConsultation;
import net.cdapkit.testkit.RecordedDialogue;
import net.cdapkit.testkit.RecordedEnvoiPostal;
import net.cdapkit.testkit.SyntheticDossier;

/**
 * What the simulator remembers between requests: sessions, dossier references, idempotency keys and
 * the recorded sends. Thread-safe: sessions and references in concurrent maps; idempotent effects,
 * their records and their sequence numbers under one lock, so that a key used concurrently still
 * has exactly one effect.
 */
public final class SimulatorState {
  private static final char[] ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Binding> references = new ConcurrentHashMap<>();
  private final AtomicInteger authentications = new AtomicInteger();

  private final Object lock = new Object();
  private final Map<String, Stored> idempotency = new HashMap<>();
  private final List<RecordedDialogue> dialogues = new ArrayList<>();
  private final List<RecordedEnvoiPostal> envois = new ArrayList<>();
  private final List<RecordedConsultation> consultations = new ArrayList<>();
  private final Map<DossierKey, SyntheticDossier> added = new ConcurrentHashMap<>();
  private final java.util.Set<String> secrets = ConcurrentHashMap.newKeySet();
  private int dialogueSequence;
  private int envoiSequence;
  private int replays;

  private record DossierKey(CafCode caf, NumeroAllocataire numero) {}

  /** An authenticated session. The token is a secret: never printed. */
  public record Session(String token, DemoAgents.Agent agent, Instant expiresAt) {
    public Habilitations habilitations() {
      return agent.profile().habilitations();
    }

    public String profil() {
      return agent.profile().code();
    }

    @Override
    public String toString() {
      return "Session[agent=" + agent.login() + ", expiresAt=" + expiresAt + "]";
    }
  }

  /** A dossier reference, valid only for the session (token) that looked it up. */
  public record Binding(
      String reference,
      String token,
      CafCode caf,
      NumeroAllocataire numeroAllocataire,
      FinaliteCode finalite) {
    @Override
    public String toString() {
      return "Binding[caf=" + caf + ", finalite=" + finalite + "]";
    }
  }

  /** The result of an idempotent operation: its receipt, and whether this call created it. */
  public record Outcome(boolean created, Json.Obj receipt) {}

  private record Stored(Object fingerprint, Json.Obj receipt) {}

  public Session openSession(DemoAgents.Agent agent, Instant expiresAt) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Session session = new Session(token, agent, expiresAt);
    sessions.put(token, session);
    secrets.add(token);
    authentications.incrementAndGet();
    return session;
  }

  public Optional<Session> session(String token) {
    return Optional.ofNullable(sessions.get(token));
  }

  /** Ends a session: its token and every reference it looked up stop working. */
  public void closeSession(Session session) {
    sessions.remove(session.token());
    references.values().removeIf(b -> b.token().equals(session.token()));
  }

  public Binding bind(
      Session session, CafCode caf, NumeroAllocataire numero, FinaliteCode finalite) {
    while (true) {
      Binding b = new Binding("dos_" + alphanumeric(24), session.token(), caf, numero, finalite);
      if (references.putIfAbsent(b.reference(), b) == null) {
        return b;
      }
    }
  }

  public Optional<Binding> binding(Session session, String reference) {
    Binding b = references.get(reference);
    return b != null && b.token().equals(session.token()) ? Optional.of(b) : Optional.empty();
  }

  /**
   * Runs {@code effect} once per (agent, key). A repeat with the same fingerprint gets the first
   * receipt back; a repeat with another fingerprint is a conflict (40901). {@code effect} receives
   * the next sequence number of its kind and runs under the lock.
   */
  public Outcome once(
      String agent, String key, Object fingerprint, Kind kind, IntFunction<Json.Obj> effect) {
    String scoped = agent + '\n' + key;
    synchronized (lock) {
      Stored stored = idempotency.get(scoped);
      if (stored != null) {
        if (stored.fingerprint().equals(fingerprint)) {
          replays++;
          return new Outcome(false, stored.receipt());
        }
        throw new ApiError(
            ErrorCode.IDEMPOTENCY_CONFLICT,
            "Cette clé d'idempotence a déjà servi pour une autre requête : choisissez une clé"
                + " par opération.");
      }
      int sequence = kind == Kind.DIALOGUE ? ++dialogueSequence : ++envoiSequence;
      Json.Obj receipt = effect.apply(sequence % 1_000_000);
      idempotency.put(scoped, new Stored(fingerprint, receipt));
      return new Outcome(true, receipt);
    }
  }

  public enum Kind {
    DIALOGUE,
    ENVOI_POSTAL
  }

  public void record(RecordedDialogue dialogue) {
    synchronized (lock) {
      dialogues.add(dialogue);
    }
  }

  public void record(RecordedEnvoiPostal envoi) {
    synchronized (lock) {
      envois.add(envoi);
    }
  }

  public List<RecordedDialogue> dialogues() {
    synchronized (lock) {
      return List.copyOf(dialogues);
    }
  }

  public List<RecordedEnvoiPostal> envoisPostaux() {
    synchronized (lock) {
      return List.copyOf(envois);
    }
  }

  public List<RecordedDialogue> dialogues(CafCode caf) {
    return dialogues().stream().filter(d -> d.caf().equals(caf)).toList();
  }

  public Optional<RecordedDialogue> dialogue(String idempotencyKey) {
    return dialogues().stream().filter(d -> d.idempotencyKey().equals(idempotencyKey)).findFirst();
  }

  public List<RecordedEnvoiPostal> envoisPostaux(CafCode caf) {
    return envoisPostaux().stream().filter(e -> e.caf().equals(caf)).toList();
  }

  public List<RecordedEnvoiPostal> envoisPostaux(CafCode caf, NumeroAllocataire numero) {
    return envoisPostaux().stream()
        .filter(e -> e.caf().equals(caf) && e.numeroAllocataire().equals(numero))
        .toList();
  }

  public Optional<RecordedEnvoiPostal> envoiPostal(String idempotencyKey) {
    return envoisPostaux().stream()
        .filter(e -> e.idempotencyKey().equals(idempotencyKey))
        .findFirst();
  }

  public int authentications() {
    return authentications.get();
  }

  /** How many repeated idempotency keys were answered with the first receipt, without effect. */
  public int replays() {
    synchronized (lock) {
      return replays;
    }
  }

  public void record(RecordedConsultation consultation) {
    synchronized (lock) {
      consultations.add(consultation);
    }
  }

  public List<RecordedConsultation> consultations() {
    synchronized (lock) {
      return List.copyOf(consultations);
    }
  }

  /**
   * Remembers a secret the client sent or received (a password, a token), so that verification can
   * look for it where it must never be: in a URL. Kept until reset.
   */
  public void noteSecret(String secret) {
    if (secret != null && secret.length() >= 4) {
      secrets.add(secret);
    }
  }

  public java.util.Set<String> secrets() {
    return java.util.Set.copyOf(secrets);
  }

  /**
   * Serves this dossier until the reset, hiding a catalogue dossier of the same CAF and numéro.
   *
   * @throws IllegalArgumentException if its numéro is outside the reserved fictional range
   */
  public void add(SyntheticDossier dossier) {
    if (!Catalogue.isFictional(dossier.numeroAllocataire())) {
      throw new IllegalArgumentException(
          "Only numéros allocataire from "
              + Catalogue.FIRST_NUMERO
              + " to "
              + Catalogue.LAST_NUMERO
              + " may be served (value not shown)");
    }
    added.put(new DossierKey(dossier.caf(), dossier.numeroAllocataire()), dossier);
  }

  public List<SyntheticDossier> added() {
    return List.copyOf(added.values());
  }

  public Optional<SyntheticDossier> added(CafCode caf, NumeroAllocataire numero) {
    return Optional.ofNullable(added.get(new DossierKey(caf, numero)));
  }

  public String newRequestId() {
    return "sim-" + alphanumeric(20);
  }

  /**
   * Forgets sessions, references, idempotency keys, recorded sends and consultations, added
   * dossiers, noted secrets and counters.
   */
  public void reset() {
    synchronized (lock) {
      sessions.clear();
      references.clear();
      idempotency.clear();
      dialogues.clear();
      envois.clear();
      consultations.clear();
      added.clear();
      secrets.clear();
      dialogueSequence = 0;
      envoiSequence = 0;
      replays = 0;
      authentications.set(0);
    }
  }

  private String alphanumeric(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
    }
    return new String(chars);
  }
}
