package net.cdapkit.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;

/**
 * The audit record format shared by every sink that keeps a chain: one flat JSON object per record,
 * keys in a fixed order, the last one {@code "mac"}; the file journal writes it as one line, and a
 * database sink can store the same text in a column and verify it the same way.
 *
 * <p><strong>Canonical text.</strong> {@link #canonical(long, AuditRecord, String)} gives a
 * record's text without its MAC: {@code {"v":2,"seq":…,"time":…,…,"attempts":…,"prev":"…"}}. Free
 * text (operation id, partner, agent, profile, request id, failure, finalité detail) longer than
 * {@value #MAX_FIELD_CHARS} characters is recorded as its first {@value #KEPT_CHARS} characters,
 * {@code "…sha256:"} and the SHA-256 of the whole value in hex ({@link #bound(String)}): a server
 * cannot make a record longer than readers accept, and the value can still be matched.
 *
 * <p><strong>Chain step.</strong> {@link #mac(AuditKey, String, String)}: the record's MAC is
 * HMAC-SHA256(chain key, prev MAC's 32 bytes ‖ canonical text's UTF-8 bytes), where prev is the
 * previous record's MAC (64 zeros, {@link #GENESIS}, for the first) and also appears in the text as
 * {@code "prev"}. The written record is the canonical text with {@code ,"mac":"<64 hex>"} before
 * its closing brace ({@link #line(String, String)}). Writing and checking compare bytes, so no JSON
 * canonicalisation is involved.
 *
 * <p><strong>Versions.</strong> Version 2 (written today) uses the keys {@link AuditKey} derives
 * with HKDF: the chain key for MACs, the pseudonym key for {@code "dossier"}. Version 1 used the
 * journal key itself for both, and had no bound on free text; it is still read and verified. A
 * chain may go from version 1 to 2 (a journal continued after an upgrade), never back.
 */
public final class JournalFormat {
  /** The version written: 2, with derived keys and bounded free text. */
  public static final int VERSION = 2;

  /** The first version, read and verified only. */
  public static final int VERSION_1 = 1;

  /** The {@code prev} of a chain's first record: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  /**
   * The longest record line readers accept, in bytes (newline excluded); longer lines are reported
   * as malformed without being read whole. Records written by this version stay well below it.
   */
  public static final int MAX_LINE_BYTES = 64 * 1024;

  /** Free text longer than this is recorded bounded ({@link #bound(String)}). */
  public static final int MAX_FIELD_CHARS = 200;

  /** What a bounded value keeps of the original text. */
  public static final int KEPT_CHARS = 64;

  private static final String MAC_MEMBER = ",\"mac\":\"";
  private static final String PREV_MEMBER = ",\"prev\":\"";
  private static final int MAC_SUFFIX_LENGTH = MAC_MEMBER.length() + 64 + 2;
  private static final int CHAIN_SUFFIX_LENGTH = PREV_MEMBER.length() + 64 + 1 + MAC_SUFFIX_LENGTH;
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private JournalFormat() {}

  /**
   * A record split into its chain fields, before any JSON parsing: enough to check its MAC.
   *
   * @param version the format version in the record's {@code "v"} prefix
   * @param prev the previous record's MAC, as the record states it
   * @param mac the record's own MAC
   * @param canonical the record's text without its MAC member
   */
  public record Line(int version, String prev, String mac, String canonical) {}

  /**
   * A record whose content was parsed.
   *
   * @param seq its sequence number
   * @param version its format version
   * @param record its content
   */
  public record Parsed(long seq, int version, AuditRecord record) {}

  /**
   * A record's canonical text in the current version: what its MAC covers, the line without its MAC
   * member.
   *
   * @param seq the record's sequence number, from 1
   * @param r the record
   * @param prev the previous record's MAC in hex ({@link #GENESIS} for the first)
   * @return the canonical text, without the MAC member
   */
  public static String canonical(long seq, AuditRecord r, String prev) {
    StringBuilder b = new StringBuilder(640);
    canonical(b, seq, r, prev);
    return b.toString();
  }

  /** Appends the canonical text to {@code b}: the journal reuses one builder for every record. */
  static void canonical(StringBuilder b, long seq, AuditRecord r, String prev) {
    b.append("{\"v\":").append(VERSION);
    b.append(",\"seq\":").append(seq);
    b.append(",\"time\":\"");
    IsoInstant.append(b, r.time());
    b.append('"');
    b.append(",\"op\":");
    FlatJson.string(b, bound(r.operationId()));
    b.append(",\"partner\":");
    FlatJson.string(b, bound(r.partner()));
    b.append(",\"agent\":");
    FlatJson.string(b, bound(r.agent()));
    b.append(",\"profile\":");
    FlatJson.string(b, bound(r.profile()));
    b.append(",\"caf\":");
    FlatJson.string(b, r.caf().map(CafCode::value).orElse(null));
    b.append(",\"dossier\":");
    FlatJson.string(b, r.dossier().orElse(null));
    b.append(",\"operation\":\"").append(r.operation().name()).append('"');
    b.append(",\"tab\":");
    FlatJson.string(b, r.tab().map(Tab::wireName).orElse(null));
    b.append(",\"page\":");
    if (r.page().isPresent()) {
      b.append(r.page().get().intValue());
    } else {
      b.append("null");
    }
    b.append(",\"attestation\":");
    FlatJson.string(b, r.attestationType().map(Enum::name).orElse(null));
    b.append(",\"finalite\":");
    FlatJson.string(b, r.finalite().map(FinaliteCode::code).orElse(null));
    b.append(",\"finaliteDetailGiven\":").append(r.finaliteDetailGiven());
    b.append(",\"finaliteDetail\":");
    FlatJson.string(b, bound(r.finaliteDetail().orElse(null)));
    b.append(",\"outcome\":\"").append(r.outcome().name()).append('"');
    b.append(",\"failure\":");
    FlatJson.string(b, bound(r.failure().orElse(null)));
    b.append(",\"requestId\":");
    FlatJson.string(b, bound(r.requestId().orElse(null)));
    b.append(",\"attempts\":").append(r.attempts());
    b.append(PREV_MEMBER).append(prev).append("\"}");
  }

  /**
   * A free-text value as the current version records it: unchanged up to {@value #MAX_FIELD_CHARS}
   * characters; longer, its first {@value #KEPT_CHARS} characters (never half a surrogate pair),
   * {@code "…sha256:"} and the lower-case hex SHA-256 of the whole value's UTF-8 bytes. {@code
   * null} stays {@code null}.
   *
   * @param value the free text, never null
   * @return the value as recorded
   */
  public static String bound(String value) {
    if (value == null || value.length() <= MAX_FIELD_CHARS) {
      return value;
    }
    int kept = KEPT_CHARS;
    if (Character.isHighSurrogate(value.charAt(kept - 1))) {
      kept--;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return value.substring(0, kept) + "…sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      // SHA-256 is required of every Java platform.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * The record as written (without its newline): the canonical text with its MAC member.
   *
   * @param canonical the record's canonical text
   * @param mac the record's MAC in hex
   * @return the journal line
   */
  public static String line(String canonical, String mac) {
    return canonical.substring(0, canonical.length() - 1) + MAC_MEMBER + mac + "\"}";
  }

  /**
   * The chain step: the MAC of a canonical text after the record whose MAC is {@code prevHex},
   * under the key its version calls for (the chain key from version 2, the journal key in version
   * 1).
   *
   * @param key the journal key
   * @param prevHex the previous record's MAC in hex, 64 zeros for the first
   * @param canonical the record's canonical text
   * @return the MAC in lower-case hex
   * @throws IllegalArgumentException if the text does not start with a known version
   */
  public static String mac(AuditKey key, String prevHex, String canonical) {
    return HexFormat.of()
        .formatHex(
            key.mac(
                chainUse(versionOf(canonical)),
                HexFormat.of().parseHex(prevHex),
                canonical.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Puts the line of a record, newline included, as UTF-8 bytes into {@code out} (cleared first),
   * and returns its MAC's lower-case hex. The journal's append path: the text encoded once, the
   * previous MAC not parsed again, and no buffer allocated per record.
   *
   * @param prevMac the previous record's MAC, 32 bytes
   * @param out a buffer large enough for the line ({@link JsonLinesAuditJournal} sizes it)
   * @param macOut receives this record's MAC, 32 bytes: the next record's {@code prevMac}
   */
  static String encodeLine(
      AuditKey key, byte[] prevMac, CharSequence canonical, ByteBuffer out, byte[] macOut) {
    out.clear();
    byte[] text = canonical.toString().getBytes(StandardCharsets.UTF_8);
    byte[] mac = key.mac(AuditKey.Use.CHAIN, prevMac, text);
    out.put(text, 0, text.length - 1); // without the closing brace
    for (int i = 0; i < MAC_MEMBER.length(); i++) {
      out.put((byte) MAC_MEMBER.charAt(i));
    }
    byte[] hex = new byte[64];
    for (int i = 0; i < mac.length; i++) {
      hex[2 * i] = HEX_DIGITS[(mac[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX_DIGITS[mac[i] & 0xf];
    }
    out.put(hex).put((byte) '"').put((byte) '}').put((byte) '\n');
    out.flip();
    System.arraycopy(mac, 0, macOut, 0, mac.length);
    return new String(hex, StandardCharsets.US_ASCII);
  }

  /**
   * Whether the record's MAC is the one the key gives for its own version, prev and content.
   *
   * @param key the journal key
   * @param line the split record
   * @return true when the MAC checks
   */
  public static boolean macMatches(AuditKey key, Line line) {
    byte[] expected =
        key.mac(
            chainUse(line.version()),
            HexFormat.of().parseHex(line.prev()),
            line.canonical().getBytes(StandardCharsets.UTF_8));
    return AuditKey.sameMac(HexFormat.of().parseHex(line.mac()), expected);
  }

  /**
   * The pseudonym a record of this version gives a dossier: {@link AuditKey#pseudonym} from version
   * 2, HMAC-SHA256 under the journal key itself in version 1.
   *
   * @param version the record's format version, 1 or later
   * @param key the journal key
   * @param caf the dossier's CAF
   * @param numero the dossier's numéro allocataire
   * @return the pseudonym in lower-case hex
   */
  public static String pseudonym(int version, AuditKey key, CafCode caf, NumeroAllocataire numero) {
    return key.pseudonym(
        version == VERSION_1 ? AuditKey.Use.LEGACY : AuditKey.Use.PSEUDONYM, caf, numero);
  }

  private static AuditKey.Use chainUse(int version) {
    return version == VERSION_1 ? AuditKey.Use.LEGACY : AuditKey.Use.CHAIN;
  }

  /** The version in a record's {@code {"v":N,} prefix. */
  private static int versionOf(String text) {
    if (text.startsWith("{\"v\":2,")) {
      return VERSION;
    }
    if (text.startsWith("{\"v\":1,")) {
      return VERSION_1;
    }
    throw new IllegalArgumentException("not a record of a known version");
  }

  /**
   * Splits a record into version, prev, MAC and canonical text by their fixed places, so that its
   * MAC is checked before its content is trusted enough to parse.
   *
   * @param text one journal line, without its newline
   * @return its parts, still unverified
   * @throws IllegalArgumentException if the text does not start with a known version and end with
   *     prev and MAC; the message never quotes the text
   */
  public static Line split(String text) {
    int n = text.length();
    if (n < CHAIN_SUFFIX_LENGTH + 8 || !text.endsWith("\"}")) {
      throw new IllegalArgumentException("not a journal record (no prev and MAC at its end)");
    }
    int macStart = n - MAC_SUFFIX_LENGTH;
    int prevStart = n - CHAIN_SUFFIX_LENGTH;
    if (!text.startsWith(MAC_MEMBER, macStart)
        || !text.startsWith(PREV_MEMBER, prevStart)
        || text.charAt(macStart - 1) != '"'
        || !hex64(text, macStart + MAC_MEMBER.length())
        || !hex64(text, prevStart + PREV_MEMBER.length())) {
      throw new IllegalArgumentException("not a journal record (no prev and MAC at its end)");
    }
    int version;
    try {
      version = versionOf(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown record version");
    }
    String prev = text.substring(prevStart + PREV_MEMBER.length(), macStart - 1);
    String mac = text.substring(macStart + MAC_MEMBER.length(), n - 2);
    return new Line(version, prev, mac, text.substring(0, macStart) + "}");
  }

  private static boolean hex64(String s, int from) {
    for (int i = from; i < from + 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses a line's content; its MAC should have been checked first.
   *
   * @param line a split record whose MAC checked
   * @return the sequence number, previous MAC and record
   * @throws IllegalArgumentException if it is not a well-formed record of its version; the message
   *     never quotes the line
   */
  public static Parsed parse(Line line) {
    Map<String, Object> v = FlatJson.parse(line.canonical());
    if (!Long.valueOf(line.version()).equals(v.get("v"))) {
      throw new IllegalArgumentException("unknown record version");
    }
    if (!line.prev().equals(v.get("prev"))) {
      throw new IllegalArgumentException("prev is not the one at the end of the line");
    }
    long seq = num(v, "seq");
    try {
      AuditRecord.Builder r =
          AuditRecord.builder()
              .time(Instant.parse(str(v, "time", true)))
              .operationId(str(v, "op", true))
              .partner(str(v, "partner", true))
              .agent(str(v, "agent", true))
              .profile(str(v, "profile", true))
              .operation(AuditOperation.valueOf(str(v, "operation", true)))
              .finaliteDetailGiven(bool(v, "finaliteDetailGiven"))
              .outcome(AuditOutcome.valueOf(str(v, "outcome", true)))
              .attempts(Math.toIntExact(num(v, "attempts")));
      String caf = str(v, "caf", false);
      if (caf != null) {
        r.caf(CafCode.of(caf));
      }
      String dossier = str(v, "dossier", false);
      if (dossier != null) {
        r.dossier(dossier);
      }
      String tab = str(v, "tab", false);
      if (tab != null) {
        r.tab(Tab.fromName(tab).orElseThrow(() -> new IllegalArgumentException("unknown tab")));
      }
      Object page = v.get("page");
      if (page != null) {
        r.page(Math.toIntExact(num(v, "page")));
      }
      String attestation = str(v, "attestation", false);
      if (attestation != null) {
        r.attestationType(AttestationType.valueOf(attestation));
      }
      String finalite = str(v, "finalite", false);
      if (finalite != null) {
        r.finalite(FinaliteCode.of(finalite));
      }
      String detail = str(v, "finaliteDetail", false);
      if (detail != null) {
        r.finaliteDetail(detail);
      }
      String failure = str(v, "failure", false);
      if (failure != null) {
        r.failure(failure);
      }
      String requestId = str(v, "requestId", false);
      if (requestId != null) {
        r.requestId(requestId);
      }
      return new Parsed(seq, line.version(), r.build());
    } catch (RuntimeException e) {
      // Value types explain their own format; none of their messages quotes a personal value.
      throw new IllegalArgumentException(
          "malformed record (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static String str(Map<String, Object> v, String key, boolean required) {
    if (!v.containsKey(key)) {
      throw new IllegalArgumentException("missing field " + key);
    }
    Object o = v.get(key);
    if (o == null && !required) {
      return null;
    }
    if (!(o instanceof String)) {
      throw new IllegalArgumentException("field " + key + " is not a string");
    }
    return (String) o;
  }

  private static long num(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (!(o instanceof Long)) {
      throw new IllegalArgumentException("field " + key + " is not an integer");
    }
    return (Long) o;
  }

  private static boolean bool(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (!(o instanceof Boolean)) {
      throw new IllegalArgumentException("field " + key + " is not a boolean");
    }
    return (Boolean) o;
  }
}
