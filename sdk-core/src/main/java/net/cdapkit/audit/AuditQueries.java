package net.cdapkit.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;

/**
 * Questions asked of a {@link JsonLinesAuditJournal}, such as an allocataire's right of access:
 * which agents consulted my dossier, when, and for what purpose. The dossier is found by
 * recomputing its pseudonym with the journal's key; the journal itself never names it.
 *
 * <p>Only records whose MAC verifies are returned; run {@link AuditJournalVerifier} first to know
 * whether the journal is whole.
 */
public final class AuditQueries {
  private AuditQueries() {}

  /**
   * Every record about this dossier, in journal order: PENDING records and outcomes alike (an
   * outcome's {@link AuditRecord#operationId()} names its PENDING record).
   *
   * @throws AuditException if the journal cannot be read
   */
  public static List<AuditRecord> who(
      Path journal, AuditKey key, CafCode caf, NumeroAllocataire numero) {
    Objects.requireNonNull(caf, "caf");
    Objects.requireNonNull(numero, "numero");
    Optional<String> pseudonym = Optional.of(key.pseudonym(caf, numero));
    List<AuditRecord> found = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
      String text;
      while ((text = reader.readLine()) != null) {
        try {
          JournalFormat.Line line = JournalFormat.split(text);
          if (line.canonical().contains(pseudonym.get()) && JournalFormat.macMatches(key, line)) {
            AuditRecord record = JournalFormat.parse(line).record();
            if (record.dossier().equals(pseudonym)) {
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
