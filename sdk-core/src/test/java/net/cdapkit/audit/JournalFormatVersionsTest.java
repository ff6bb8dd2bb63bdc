package net.cdapkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.cdapkit.audit.AuditJournalVerifier.Problem;
import net.cdapkit.audit.AuditJournalVerifier.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format version 2's separate keys, and journals written in version 1 before it. */
class JournalFormatVersionsTest {
  private static final byte[] KEY_BYTES = HexFormat.of().parseHex("07".repeat(32));
  private final AuditKey key = AuditKey.of(KEY_BYTES);

  @TempDir Path dir;

  @Test
  void hkdf_matchesTheRfc5869TestVectors() {
    byte[] ikm = HexFormat.of().parseHex("0b".repeat(22));
    assertThat(
            HexFormat.of()
                .formatHex(
                    Hkdf.sha256(
                        ikm,
                        HexFormat.of().parseHex("000102030405060708090a0b0c"),
                        HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9"),
                        42)))
        .isEqualTo(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    assertThat(HexFormat.of().formatHex(Hkdf.sha256(ikm, new byte[0], new byte[0], 42)))
        .isEqualTo(
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
  }

  @Test
  void pseudonymAndChainMac_useDifferentKeys_neitherOfThemTheJournalKey() throws Exception {
    byte[] chain = Derived.key(KEY_BYTES, AuditKey.CHAIN_LABEL);
    byte[] pseudonym = Derived.key(KEY_BYTES, AuditKey.PSEUDONYM_LABEL);

    assertThat(chain).isNotEqualTo(pseudonym).isNotEqualTo(KEY_BYTES);
    assertThat(key.pseudonym(Records.CAF, Records.NUMERO))
        .isEqualTo(hmacHex(pseudonym, "751:9900001"))
        .isNotEqualTo(hmacHex(KEY_BYTES, "751:9900001"))
        .isNotEqualTo(hmacHex(chain, "751:9900001"));
  }

  @Test
  void verify_whenTheJournalWasWrittenInVersion1_isIntact() throws Exception {
    Path file = dir.resolve("v1.jsonl");
    writeVersion1(file, 3);

    Result result = AuditJournalVerifier.verify(file, key);

    assertThat(result.intact()).as(result.toString()).isTrue();
    assertThat(result.records()).isEqualTo(3);
  }

  @Test
  void open_whenTheJournalIsVersion1_continuesItsChainInVersion2_andWhoFindsBoth()
      throws Exception {
    Path file = dir.resolve("v1.jsonl");
    writeVersion1(file, 2);

    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(file, key)) {
      assertThat(journal.records()).isEqualTo(2);
      journal.append(Records.tabRead(key, Records.NUMERO, 3));
      journal.append(Records.tabRead(key, Records.OTHER, 4));
    }

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(1)).startsWith("{\"v\":1,\"seq\":2,");
    assertThat(lines.get(2)).startsWith("{\"v\":2,\"seq\":3,");
    Result result = AuditJournalVerifier.verify(file, key);
    assertThat(result.intact()).as(result.toString()).isTrue();
    assertThat(result.records()).isEqualTo(4);
    assertThat(AuditQueries.who(file, key, Records.CAF, Records.NUMERO))
        .extracting(AuditRecord::operationId)
        .containsExactly("op-1", "op-2", "op-3");
  }

  @Test
  void verify_whenAVersion1RecordFollowsAVersion2Record_isMalformed() throws Exception {
    Path file = dir.resolve("mixed.jsonl");
    try (JsonLinesAuditJournal journal = JsonLinesAuditJournal.open(file, key)) {
      journal.append(Records.tabRead(key, Records.NUMERO, 1));
    }
    String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    String prev = first.substring(first.length() - 66, first.length() - 2);
    AuditRecord second = Records.tabRead(key, Records.NUMERO, 2);
    Files.writeString(
        file, first + "\n" + version1Line(2, second, prev) + "\n", StandardCharsets.UTF_8);

    Result result = AuditJournalVerifier.verify(file, key);

    assertThat(result.problem()).contains(Problem.MALFORMED);
    assertThat(result.firstBadLine()).hasValue(2);
  }

  /** Writes {@code n} records as the previous version did: one key for MACs and pseudonyms. */
  private void writeVersion1(Path file, int n) throws Exception {
    List<String> lines = new ArrayList<>();
    String prev = JournalFormat.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditRecord r =
          AuditRecord.builder()
              .from(Records.tabRead(key, Records.NUMERO, i))
              .dossier(hmacHex(KEY_BYTES, "751:9900001"))
              .build();
      String line = version1Line(i, r, prev);
      lines.add(line);
      prev = line.substring(line.length() - 66, line.length() - 2);
    }
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  private static String version1Line(long seq, AuditRecord r, String prev) throws Exception {
    String canonical =
        JournalFormat.canonical(seq, r, prev).replaceFirst("^\\{\"v\":2,", "{\"v\":1,");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY_BYTES, "HmacSHA256"));
    mac.update(HexFormat.of().parseHex(prev));
    String hex = HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    return canonical.substring(0, canonical.length() - 1) + ",\"mac\":\"" + hex + "\"}";
  }

  private static String hmacHex(byte[] key, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
