package net.cdapkit.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;

/**
 * The journal's line format, version 1: one flat JSON object per line, keys in a fixed order, the
 * last one {@code "mac"}. A record's canonical bytes are the UTF-8 bytes of its line without the
 * {@code ,"mac":"…"} member; its MAC is HMAC-SHA256(key, prev MAC's 32 bytes ‖ canonical bytes),
 * where prev is the previous record's MAC (64 zeros for the first) and also appears in the line as
 * {@code "prev"}. Writing and checking compare bytes, so no JSON canonicalisation is involved.
 */
final class JournalFormat {
  static final int VERSION = 1;
  static final String GENESIS = "0".repeat(64);
  private static final String MAC_MEMBER = ",\"mac\":\"";
  private static final int MAC_SUFFIX_LENGTH = MAC_MEMBER.length() + 64 + 2;

  private JournalFormat() {}

  /** A line split into its chain fields, before any JSON parsing: enough to check its MAC. */
  record Line(String prev, String mac, String canonical) {}

  /** A line whose content was parsed. */
  record Parsed(long seq, AuditRecord record) {}

  private static final Pattern SUFFIX =
      Pattern.compile(",\"prev\":\"([0-9a-f]{64})\",\"mac\":\"([0-9a-f]{64})\"}$");

  static String canonical(long seq, AuditRecord r, String prev) {
    StringBuilder b = new StringBuilder(512);
    b.append("{\"v\":").append(VERSION);
    b.append(",\"seq\":").append(seq);
    b.append(",\"time\":");
    FlatJson.string(b, r.time().toString());
    b.append(",\"op\":");
    FlatJson.string(b, r.operationId());
    b.append(",\"partner\":");
    FlatJson.string(b, r.partner());
    b.append(",\"agent\":");
    FlatJson.string(b, r.agent());
    b.append(",\"profile\":");
    FlatJson.string(b, r.profile());
    b.append(",\"caf\":");
    FlatJson.string(b, r.caf().map(CafCode::value).orElse(null));
    b.append(",\"dossier\":");
    FlatJson.string(b, r.dossier().orElse(null));
    b.append(",\"operation\":");
    FlatJson.string(b, r.operation().name());
    b.append(",\"tab\":");
    FlatJson.string(b, r.tab().map(Tab::wireName).orElse(null));
    b.append(",\"page\":").append(r.page().map(String::valueOf).orElse("null"));
    b.append(",\"attestation\":");
    FlatJson.string(b, r.attestationType().map(Enum::name).orElse(null));
    b.append(",\"finalite\":");
    FlatJson.string(b, r.finalite().map(FinaliteCode::code).orElse(null));
    b.append(",\"finaliteDetailGiven\":").append(r.finaliteDetailGiven());
    b.append(",\"finaliteDetail\":");
    FlatJson.string(b, r.finaliteDetail().orElse(null));
    b.append(",\"outcome\":");
    FlatJson.string(b, r.outcome().name());
    b.append(",\"failure\":");
    FlatJson.string(b, r.failure().orElse(null));
    b.append(",\"requestId\":");
    FlatJson.string(b, r.requestId().orElse(null));
    b.append(",\"attempts\":").append(r.attempts());
    b.append(",\"prev\":");
    FlatJson.string(b, prev);
    return b.append('}').toString();
  }

  /** The line to write (without its newline). */
  static String line(String canonical, String mac) {
    return canonical.substring(0, canonical.length() - 1) + MAC_MEMBER + mac + "\"}";
  }

  static String mac(AuditKey key, String prevHex, String canonical) {
    return HexFormat.of()
        .formatHex(
            key.mac(HexFormat.of().parseHex(prevHex), canonical.getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether the line's MAC is the one the key gives for its own prev and content. */
  static boolean macMatches(AuditKey key, Line line) {
    return AuditKey.sameMac(
        HexFormat.of().parseHex(line.mac()),
        HexFormat.of().parseHex(mac(key, line.prev(), line.canonical())));
  }

  /**
   * Splits a line into prev, MAC and canonical text by their fixed place at its end, so that its
   * MAC is checked before its content is trusted enough to parse.
   *
   * @throws IllegalArgumentException if the line does not end with prev and MAC
   */
  static Line split(String text) {
    Matcher m = SUFFIX.matcher(text);
    if (!text.startsWith("{") || !m.find()) {
      throw new IllegalArgumentException("not a journal record (no prev and MAC at its end)");
    }
    int macStart = text.length() - MAC_SUFFIX_LENGTH;
    return new Line(m.group(1), m.group(2), text.substring(0, macStart) + "}");
  }

  /**
   * Parses a line's content; its MAC should have been checked first.
   *
   * @throws IllegalArgumentException if it is not a well-formed version-1 record; the message never
   *     quotes the line
   */
  static Parsed parse(Line line) {
    Map<String, Object> v = FlatJson.parse(line.canonical());
    if (!Long.valueOf(VERSION).equals(v.get("v"))) {
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
      return new Parsed(seq, r.build());
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
