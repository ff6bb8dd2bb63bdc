package net.cdapkit.samples.cli;

import static net.cdapkit.samples.cli.CdapCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.cdapkit.samples.cli.CdapCommandTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdap demo --audit-file J} leaves a journal that {@code cdap audit verify J} accepts, and
 * that it refuses, naming the record, once a byte is flipped, a line deleted or two lines swapped.
 */
class AuditCommandTest {
  @TempDir static Path dir;
  private static Path key;
  private static List<String> journal;

  @BeforeAll
  static void demo() throws Exception {
    key = dir.resolve("keys").resolve("audit.key");
    Path j = dir.resolve("demo.jsonl");
    Run demo =
        run(
            "demo",
            "--audit-file",
            j.toString(),
            "--key-file",
            key.toString(),
            "--output-dir",
            dir.toString());
    assertThat(demo.code()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("Journal d'audit : " + j.toAbsolutePath().normalize());
    journal = Files.readAllLines(j, StandardCharsets.UTF_8);
  }

  private static Path copy(String name, List<String> lines) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static Run verify(Path file) {
    return run("audit", "verify", file.toString(), "--key-file", key.toString());
  }

  @Test
  void demo_leavesAJournalThatVerifyAccepts() throws Exception {
    assertThat(journal).hasSizeGreaterThan(20);
    assertThat(String.join("\n", journal))
        .doesNotContain("9900001")
        .doesNotContain("Démonstration cdapkit");
    Run verified = verify(copy("intact.jsonl", journal));
    assertThat(verified.code()).as(verified.err()).isZero();
    assertThat(verified.out()).contains("intact: " + journal.size() + " record(s)");
  }

  @Test
  void verify_whenOneByteFlipped_exits6NamingTheRecord() throws Exception {
    List<String> lines = new ArrayList<>(journal);
    String line = lines.get(4);
    int at = line.indexOf("\"attempts\":") + "\"attempts\":".length();
    lines.set(
        4, line.substring(0, at) + (line.charAt(at) == '0' ? '1' : '0') + line.substring(at + 1));

    Run run = verify(copy("flipped.jsonl", lines));

    assertThat(run.code()).isEqualTo(6);
    assertThat(run.err()).contains("line 5").contains("BAD_MAC");
  }

  @Test
  void verify_whenALineIsDeleted_exits6NamingWhereTheChainBreaks() throws Exception {
    List<String> lines = new ArrayList<>(journal);
    lines.remove(6);

    Run run = verify(copy("deleted.jsonl", lines));

    assertThat(run.code()).isEqualTo(6);
    assertThat(run.err()).contains("line 7").contains("BROKEN_CHAIN");
  }

  @Test
  void verify_whenTwoLinesAreSwapped_exits6NamingTheFirst() throws Exception {
    List<String> lines = new ArrayList<>(journal);
    Collections.swap(lines, 2, 9);

    Run run = verify(copy("swapped.jsonl", lines));

    assertThat(run.code()).isEqualTo(6);
    assertThat(run.err()).contains("line 3");
  }

  @Test
  void verify_whenTailCutAndCountKnown_exits6() throws Exception {
    Path cut = copy("cut.jsonl", journal.subList(0, journal.size() - 2));
    assertThat(verify(cut).code()).isZero();
    Run run =
        run(
            "audit",
            "verify",
            cut.toString(),
            "--key-file",
            key.toString(),
            "--expect-records",
            String.valueOf(journal.size()));
    assertThat(run.code()).isEqualTo(6);
    assertThat(run.err()).contains("TRUNCATED");
  }

  @Test
  void verify_whenKeyMissing_exits2() throws Exception {
    Run run =
        run(
            "audit",
            "verify",
            copy("k.jsonl", journal).toString(),
            "--key-file",
            dir.resolve("no.key").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--key-file");
  }

  @Test
  void who_listsTheAgentsTimesAndPurposesOfThatDossierOnly() throws Exception {
    Path file = copy("who.jsonl", journal);
    Run run =
        run(
            "audit",
            "who",
            "--caf",
            "751",
            "--allocataire",
            "9900001",
            "--key-file",
            key.toString(),
            file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("agent demo-t1 (profil T1")
        .contains("consultation")
        .contains("onglet synthese")
        .contains("finalité ACCOMPAGNEMENT_SOCIAL (précisée par l'agent)")
        .contains("→ SUCCESS")
        .doesNotContain("sans issue");
    Run other =
        run(
            "audit",
            "who",
            "--caf",
            "751",
            "--allocataire",
            "9900002",
            "--key-file",
            key.toString(),
            file.toString());
    assertThat(other.out()).contains(": 0 opération(s)");
  }

  @Test
  void demo_whenRunAgainOnTheSameJournal_continuesItsChain() throws Exception {
    Path j = copy("again.jsonl", journal);
    Run again =
        run(
            "demo",
            "--audit-file",
            j.toString(),
            "--key-file",
            key.toString(),
            "--output-dir",
            dir.toString());
    assertThat(again.code()).as(again.err()).isZero();
    Run verified = verify(j);
    assertThat(verified.code()).as(verified.err()).isZero();
    assertThat(verified.out()).contains("intact: " + (2 * journal.size()) + " record(s)");
  }
}
