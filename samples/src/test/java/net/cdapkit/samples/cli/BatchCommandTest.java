package net.cdapkit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cdap batch} against the embedded simulator. */
class BatchCommandTest {

  @Test
  void batch_printsOneJsonLinePerNumeroAndReportsFailuresInline(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("numeros.txt");
    Files.write(file, List.of("# locataires", "9900001", "9999999", "9900001"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CdapCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(
                "batch",
                "--profile",
                "T5",
                "--caf",
                "751",
                "--file",
                file.toString(),
                "--tab",
                "logement",
                "--rate",
                "50",
                "--audit-file",
                dir.resolve("audit.jsonl").toString(),
                "--key-file",
                dir.resolve("audit.key").toString());
    assertThat(code).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(3).allMatch(l -> l.startsWith("{\"index\":"));
    assertThat(lines).filteredOn(l -> l.contains("\"ok\":true")).hasSize(2);
    assertThat(lines)
        .filteredOn(l -> l.contains("\"ok\":false"))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("NotFoundException"));
    assertThat(err.toString()).contains("batch: 3 dossiers, 1 failed");
    // Each consultation and tab read is in the journal: two records each, the unknown one too.
    assertThat(Files.readAllLines(dir.resolve("audit.jsonl"))).hasSize(2 * 3 + 2 * 2);
  }

  @Test
  void batch_whenTabDenied_exits3BeforeAnyConsultation(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("numeros.txt");
    Files.write(file, List.of("9900001"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CdapCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(
                "batch",
                "--profile",
                "T5",
                "--caf",
                "751",
                "--file",
                file.toString(),
                "--tab",
                "rsa",
                "--audit-file",
                dir.resolve("audit.jsonl").toString(),
                "--key-file",
                dir.resolve("audit.key").toString());
    assertThat(code).isEqualTo(3);
    assertThat(out.toString()).isEmpty();
  }
}
