package net.cdapkit.audit;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;

/**
 * Questions asked of a {@link JsonLinesAuditJournal}, such as an allocataire's right of access:
 * which agents consulted my dossier, when, and for what purpose. The dossier is found by
 * recomputing its pseudonym with the journal's key; the journal itself never names it.
 *
 * <p>Journals of both format versions are searched, each record under its version's pseudonym
 * ({@link JournalFormat#pseudonym}). Only records whose MAC verifies are returned; run {@link
 * AuditJournalVerifier} first to know whether the journal is whole.
 */
public final class AuditQueries {
  private AuditQueries() {}

  /**
   * Every record about this dossier, in journal order: PENDING records and outcomes alike (an
   * outcome's {@link AuditRecord#operationId()} names its PENDING record).
   *
   * @param journal the journal file
   * @param key the key the journal was written under
   * @param caf the dossier's CAF
   * @param numero the dossier's numéro allocataire
   * @return the matching records, in journal order; empty when the dossier was never consulted
   * @throws AuditException if the journal cannot be read
   */
  public static List<AuditRecord> who(
      Path journal, AuditKey key, CafCode caf, NumeroAllocataire numero) {
    Objects.requireNonNull(caf, "caf");
    Objects.requireNonNull(numero, "numero");
    // One pseudonym per format version: the journal may hold records of both.
    String current = JournalFormat.pseudonym(JournalFormat.VERSION, key, caf, numero);
    String legacy = JournalFormat.pseudonym(JournalFormat.VERSION_1, key, caf, numero);
    List<AuditRecord> found = new ArrayList<>();
    try (BoundedLines lines = new BoundedLines(Files.newInputStream(journal))) {
      String text;
      while (true) {
        try {
          text = lines.next();
        } catch (CharacterCodingException e) {
          continue; // not UTF-8: the verifier names such lines; a query skips them
        }
        if (text == null) {
          break;
        }
        if (text == BoundedLines.TOO_LONG) {
          continue;
        }
        try {
          JournalFormat.Line line = JournalFormat.split(text);
          String pseudonym = line.version() == JournalFormat.VERSION_1 ? legacy : current;
          if (line.canonical().contains(pseudonym) && JournalFormat.macMatches(key, line)) {
            AuditRecord record = JournalFormat.parse(line).record();
            if (record.dossier().filter(pseudonym::equals).isPresent()) {
              found.add(record);
            }
          }
        } catch (IllegalArgumentException e) {
          // Not a record: the verifier names such lines; a query skips them.
        }
      }
    } catch (IOException e) {
      throw new AuditException(
          "Audit journal cannot be read: " + journal + " (" + e.getClass().getSimpleName() + ")",
          e);
    }
    return List.copyOf(found);
  }
}
