package net.cdapkit.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The journal's record text and chain step, for audit sinks that keep the chain somewhere else than
 * in a {@link JsonLinesAuditJournal} file (a database table): the same line format, the same MACs,
 * so that a record reads and verifies alike wherever it was kept.
 *
 * <p>A chain starts at {@link #GENESIS}; each {@link #link} gives the record's line (the file
 * journal's line, without its newline) and its MAC, which is the next record's {@code prev}. {@link
 * #check} is the verifier's step: MAC first, then the content. Stateless and thread-safe.
 */
public final class AuditChain {
  /** The {@code prev} of a chain's first record: 64 zeros. */
  public static final String GENESIS = JournalFormat.GENESIS;

  private AuditChain() {}

  /** A record as written: its line and its MAC. */
  public record Link(long seq, String line, String mac) {}

  /** A line that was checked: its chain fields and, when it verified, its content. */
  public record Checked(
      long seq,
      String prev,
      String mac,
      AuditRecord record,
      AuditJournalVerifier.Problem problem,
      String detail) {

    /**
     * Whether the line is a well-formed record with the key's MAC.
     *
     * @return true when the line's format and MAC both check
     */
    public boolean valid() {
      return problem == null;
    }

    /**
     * The record, when valid.
     *
     * @return the parsed record; empty when the line is not valid
     */
    public Optional<AuditRecord> recordIfValid() {
      return Optional.ofNullable(record);
    }
  }

  /**
   * The line and MAC of the record numbered {@code seq}, chained after {@code prev}.
   *
   * @param key the journal key
   * @param seq the record's sequence number, from 1
   * @param record the record to write
   * @param prev the previous record's MAC in hex, 64 zeros for the first
   * @return the record's line and its MAC
   */
  public static Link link(AuditKey key, long seq, AuditRecord record, String prev) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(record, "record");
    String canonical = JournalFormat.canonical(seq, record, prev);
    String mac = JournalFormat.mac(key, prev, canonical);
    return new Link(seq, JournalFormat.line(canonical, mac), mac);
  }

  /**
   * Checks one line against the key: well-formed, MAC of the key over its own {@code prev} and
   * content. Says nothing of its place in the chain (the caller compares {@code prev} and {@code
   * seq} with the previous record's). Messages never quote the line.
   *
   * @param key the journal key
   * @param line one journal line, without its newline
   * @return the outcome of the check, never null even for a garbled line
   */
  public static Checked check(AuditKey key, String line) {
    JournalFormat.Line split;
    try {
      split = JournalFormat.split(line);
    } catch (IllegalArgumentException e) {
      return new Checked(
          0, null, null, null, AuditJournalVerifier.Problem.MALFORMED, e.getMessage());
    }
    if (!JournalFormat.macMatches(key, split)) {
      return new Checked(
          0,
          split.prev(),
          split.mac(),
          null,
          AuditJournalVerifier.Problem.BAD_MAC,
          "the record was changed, or was not written with this key");
    }
    try {
      JournalFormat.Parsed parsed = JournalFormat.parse(split);
      return new Checked(parsed.seq(), split.prev(), split.mac(), parsed.record(), null, null);
    } catch (IllegalArgumentException e) {
      return new Checked(
          0,
          split.prev(),
          split.mac(),
          null,
          AuditJournalVerifier.Problem.MALFORMED,
          e.getMessage());
    }
  }

  /**
   * The MAC of a statement chained after {@code prev} with the chain's own step: HMAC under the
   * chain key derived from the journal key, of prev's 32 bytes ‖ the statement's UTF-8 bytes. For
   * what a store signs beside its records, such as a retention checkpoint naming the last record
   * purged.
   *
   * @param key the journal key
   * @param prev the MAC in hex that the statement follows
   * @param statement the text to sign
   * @return the MAC in lower-case hex
   */
  public static String sign(AuditKey key, String prev, String statement) {
    Objects.requireNonNull(key, "key");
    // A statement is not a record: it has no version prefix, and is signed under the chain key
    // (format version 2), never under the journal key itself.
    return HexFormat.of()
        .formatHex(
            key.mac(
                AuditKey.Use.CHAIN,
                HexFormat.of().parseHex(prev),
                statement.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Compares two MACs in hex, in constant time.
   *
   * @param a one MAC in hex
   * @param b the other MAC in hex
   * @return true when both are equal
   */
  public static boolean sameMac(String a, String b) {
    if (a == null || b == null || a.length() != b.length()) {
      return false;
    }
    return AuditKey.sameMac(
        a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
