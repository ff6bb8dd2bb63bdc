package net.cdapkit.audit;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks a {@link JsonLinesAuditJournal} file against its key: every record's MAC, the chain of
 * {@code prev} values and the sequence numbers. Names the first bad record by its line number.
 *
 * <p>What each alteration looks like: a changed byte breaks that line's MAC (or its syntax); a
 * removed line leaves the next one chained to a MAC that is not its predecessor's; an inserted line
 * has no valid MAC without the key (a copied genuine line breaks the chain instead); two swapped
 * lines break the chain at the first of them. Rewriting the whole file consistently needs the key.
 *
 * <p><strong>What the file alone cannot show</strong> is its last records removed: a journal cut
 * after record n is a valid journal of n records. Keep {@link JsonLinesAuditJournal#records()} (and
 * {@link JsonLinesAuditJournal#lastMac()}) somewhere else from time to time and pass the count to
 * {@link #verify(Path, AuditKey, long)}.
 *
 * <p>Lines are read in bounded memory: a line longer than {@link JournalFormat#MAX_LINE_BYTES} is
 * reported {@link Problem#MALFORMED} without being held whole. Records of format versions 1 and 2
 * verify alike, each under its version's key; a chain may move from version 1 to 2, not back.
 */
public final class AuditJournalVerifier {
  private AuditJournalVerifier() {}

  /** What was wrong with the first bad record. */
  public enum Problem {
    /** Not a well-formed record line (syntax, missing field, incomplete last line). */
    MALFORMED,
    /** The record's MAC is not the key's: it was changed, forged, or made under another key. */
    BAD_MAC,
    /** A genuine record, but not chained to the line before it: removed, inserted or reordered. */
    BROKEN_CHAIN,
    /** The sequence number is not the previous one plus one. */
    BAD_SEQUENCE,
    /** Fewer records than the caller expected: the end of the journal was removed. */
    TRUNCATED,
    /** The file could not be read. */
    UNREADABLE
  }

  /** The verdict on one journal. Its {@link #toString()} is a sentence fit for a terminal. */
  public static final class Result {
    private final long records;
    private final String lastMac;
    private final long badLine;
    private final Problem problem;
    private final String detail;

    private Result(long records, String lastMac, long badLine, Problem problem, String detail) {
      this.records = records;
      this.lastMac = lastMac;
      this.badLine = badLine;
      this.problem = problem;
      this.detail = detail;
    }

    /**
     * Whether every record checked and none is missing.
     *
     * @return true when the chain verified end to end
     */
    public boolean intact() {
      return problem == null;
    }

    /**
     * Records verified before the first bad one (all of them when intact).
     *
     * @return the number of verified records
     */
    public long records() {
      return records;
    }

    /**
     * The last verified record's MAC (64 zeros when none), to keep as an anchor.
     *
     * @return the MAC in lower-case hex
     */
    public String lastMac() {
      return lastMac;
    }

    /**
     * The line number (from 1) of the first bad record, if any.
     *
     * @return the 1-based line number; empty when intact
     */
    public OptionalLong firstBadLine() {
      return badLine > 0 ? OptionalLong.of(badLine) : OptionalLong.empty();
    }

    /**
     * What is wrong with the journal.
     *
     * @return the first problem found; empty when intact
     */
    public Optional<Problem> problem() {
      return Optional.ofNullable(problem);
    }

    @Override
    public String toString() {
      if (problem == null) {
        return "intact: " + records + " record(s), chain and MACs verified";
      }
      return (badLine > 0 ? "first bad record at line " + badLine + ": " : "")
          + problem
          + " — "
          + detail
          + " ("
          + records
          + " record(s) verified before it)";
    }
  }

  /**
   * Verifies the whole journal.
   *
   * @param journal the journal file
   * @param key the key the journal was written under
   * @return the verification result; a damaged journal is a result, not an exception
   */
  public static Result verify(Path journal, AuditKey key) {
    return verify(journal, key, 0);
  }

  /**
   * Verifies the whole journal, and that it holds at least {@code expectedRecords} records (a count
   * kept elsewhere), which detects the removal of its last records.
   *
   * @param journal the journal file
   * @param key the key the journal was written under
   * @param expectedRecords the number of records the journal held when last counted
   * @return the verification result; a damaged or truncated journal is a result, not an exception
   */
  public static Result verify(Path journal, AuditKey key, long expectedRecords) {
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(key, "key");
    long line = 0;
    long verified = 0;
    int version = JournalFormat.VERSION_1;
    String prev = JournalFormat.GENESIS;
    try (BoundedLines lines = new BoundedLines(Files.newInputStream(journal))) {
      String text;
      while ((text = lines.next()) != null) {
        line++;
        if (text == BoundedLines.TOO_LONG) {
          return bad(
              verified,
              prev,
              line,
              Problem.MALFORMED,
              "line longer than " + JournalFormat.MAX_LINE_BYTES + " bytes, not read");
        }
        if (!lines.lastEndedWithNewline()) {
          return bad(verified, prev, line, Problem.MALFORMED, "last line is incomplete");
        }
        JournalFormat.Line split;
        try {
          split = JournalFormat.split(text);
        } catch (IllegalArgumentException e) {
          return bad(verified, prev, line, Problem.MALFORMED, e.getMessage());
        }
        if (!JournalFormat.macMatches(key, split)) {
          return bad(
              verified,
              prev,
              line,
              Problem.BAD_MAC,
              "the record was changed, or was not written with this key");
        }
        if (!split.prev().equals(prev)) {
          return bad(
              verified,
              prev,
              line,
              Problem.BROKEN_CHAIN,
              line == 1
                  ? "the first line is not the journal's first record (records removed before it)"
                  : "not chained to line "
                      + (line - 1)
                      + ": a record was removed, inserted or moved here");
        }
        if (split.version() < version) {
          // Written with the key by another program: a chain never goes back to an older format.
          return bad(
              verified,
              prev,
              line,
              Problem.MALFORMED,
              "a version-" + split.version() + " record after a version-" + version + " record");
        }
        JournalFormat.Parsed parsed;
        try {
          parsed = JournalFormat.parse(split);
        } catch (IllegalArgumentException e) {
          // A genuine MAC over a malformed record: written by another program holding the key.
          return bad(verified, prev, line, Problem.MALFORMED, e.getMessage());
        }
        if (parsed.seq() != verified + 1) {
          return bad(
              verified,
              prev,
              line,
              Problem.BAD_SEQUENCE,
              "sequence " + parsed.seq() + " where " + (verified + 1) + " was expected");
        }
        verified++;
        version = split.version();
        prev = split.mac();
      }
    } catch (CharacterCodingException e) {
      return bad(verified, prev, line, Problem.MALFORMED, "not UTF-8 text");
    } catch (IOException e) {
      return bad(
          verified, prev, 0, Problem.UNREADABLE, "cannot read: " + e.getClass().getSimpleName());
    }
    if (verified < expectedRecords) {
      return bad(
          verified,
          prev,
          0,
          Problem.TRUNCATED,
          expectedRecords + " record(s) expected, " + verified + " found");
    }
    return new Result(verified, prev, 0, null, null);
  }

  private static Result bad(long verified, String prev, long line, Problem problem, String detail) {
    return new Result(verified, prev, line, problem, detail);
  }
}
