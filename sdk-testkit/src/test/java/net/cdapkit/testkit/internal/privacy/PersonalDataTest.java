package net.cdapkit.testkit.internal.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.cdapkit.model.CafCode;
import net.cdapkit.testkit.Catalogue;
import net.cdapkit.testkit.SyntheticDossier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The personal-data scan: identifier shapes count only as whole tokens, so random request ids,
 * idempotency keys, hex strings and timestamps never raise a false alarm, while a numéro, a NIR, a
 * name, an address or a secret written anywhere as itself is always found.
 */
class PersonalDataTest {
  private static final long SEED = 20261130L;

  private final SyntheticDossier demo =
      Catalogue.standard().find(CafCode.of("751"), Catalogue.DEMO_NUMERO).orElseThrow();
  private final PersonalData data = new PersonalData(List.of(demo), List.of("s3cr3t-T0ken"));
  private final PersonalData nothingConsulted = new PersonalData(List.of(), List.of());

  @Test
  void find_whenRequestIdsStartWithTheFictionalPrefix_findsNothing() {
    Random random = new Random(SEED);
    for (int i = 0; i < 20_000; i++) {
      // "99" then five digits then a hex digit: the shape that raised false alarms.
      String head = "99" + String.format("%05d", random.nextInt(100_000));
      String uuid = head + HexFormat.of().toHexDigits((byte) random.nextInt()).charAt(1);
      String id = uuid + UUID.randomUUID().toString().substring(8);
      String line = "DEBUG net.cdapkit.http - GET synthese request-id=" + id + " 200 in 12 ms";

      assertThat(nothingConsulted.find(line, true)).as("seed %d, case %d", SEED, i).isEmpty();
      assertThat(data.find(line, true)).as("seed %d, case %d", SEED, i).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "request-id=9977653d-05c5-4c1e-9a43-1b2c3d4e5f60",
        "request-id=09977653-9900001-4c1e", // a segment of a longer token
        "Idempotency-Key: env-9900001-05c5-4c1e-9a43-1b2c3d4e5f60",
        "Idempotency-Key: env-05c51234-9a43-4c1e-9900-990000123456",
        "key=dlg_9900001",
        "etag=deadbeef9900001cafe",
        "hash 9900001a7f3e",
        "at 2026-11-30T14:55:00.9900001Z",
        "at 14:55:00.9912345 finished",
        "elapsed=0.9900001s",
        "epoch-nanos=1764514500990000123",
        "token=abcd9900001EFGH",
        "X-Request-Id: 99000011-2222-3333-4444-555566667777",
        "traceparent: 00-99000010000000000000000000000001-9900001000000001-01",
        "nir-like=1850575123456789012"
      })
  void find_whenADigitRunIsPartOfALongerToken_findsNothing(String line) {
    assertThat(data.find(line, true)).isEmpty();
    assertThat(nothingConsulted.find(line, true)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "consulting 9900001",
        "numero=9900001",
        "numero:9900001 caf=751",
        "GET /api/v1/cafs/751/dossiers/9900001/synthese",
        "dossier \"9900001\" not found",
        "dossier 9900001.",
        "numeros 9900001,9900002",
        "(9900001)",
        "[9912345]",
        "9900001\tEXPORT",
        "numero 9900001-"
      })
  void find_whenANumeroStandsAsItsOwnToken_findsIt(String line) {
    assertThat(nothingConsulted.find(line, true)).containsExactly("a numéro allocataire");
  }

  @Test
  void find_whenTheConsultedDossiersValuesAppear_namesEachKindWithoutQuotingIt() {
    SyntheticDossier.Membre allocataire = demo.membres().get(0);
    String nir =
        demo.membres().stream().flatMap(m -> m.nir().stream()).findFirst().orElseThrow().value();
    List<String> leaks = new ArrayList<>();
    leaks.add("numero " + demo.numeroAllocataire().value());
    leaks.add("nir=" + nir);
    leaks.add("name " + allocataire.prenom() + " " + allocataire.nom());
    leaks.add("surname " + allocataire.nom());
    leaks.add("address " + demo.resume().adresse().ligne1());
    leaks.add("Authorization: Bearer s3cr3t-T0ken");

    List<List<String>> found = leaks.stream().map(l -> data.find(l, true)).toList();

    assertThat(found.get(0)).contains("a numéro allocataire");
    assertThat(found.get(1)).contains("a NIR");
    assertThat(found.get(2)).contains("a name");
    assertThat(found.get(3)).contains("a name");
    assertThat(found.get(4)).contains("an address");
    assertThat(found.get(5)).contains("a password or token");
    assertThat(String.join(" ", found.stream().flatMap(List::stream).toList()))
        .doesNotContain(demo.numeroAllocataire().value())
        .doesNotContain(nir)
        .doesNotContain(allocataire.nom());
  }

  @Test
  void find_whenTimestampsAndDurationsAreLogged_findsNothing() {
    Random random = new Random(SEED);
    for (int i = 0; i < 5_000; i++) {
      Instant t =
          Instant.ofEpochSecond(
              1_700_000_000L + random.nextInt(100_000_000),
              990_000_000L + random.nextInt(9_999_999));
      String line =
          t
              + " "
              + t.toEpochMilli()
              + " "
              + (t.getEpochSecond() * 1_000_000_000L + t.getNano())
              + "ns";
      assertThat(nothingConsulted.find(line, true)).as("seed %d, case %d", SEED, i).isEmpty();
    }
  }

  @Test
  void isWholeToken_whenSeparatorsSurroundTheRun_decidesByWhatLiesBeyond() {
    assertThat(PersonalData.isWholeToken("a/9900001/b", 2, 9)).isTrue();
    assertThat(PersonalData.isWholeToken("a-9900001-b", 2, 9)).isFalse();
    assertThat(PersonalData.isWholeToken("1.9900001", 2, 9)).isFalse();
    assertThat(PersonalData.isWholeToken("x 9900001.", 2, 9)).isTrue();
  }
}
