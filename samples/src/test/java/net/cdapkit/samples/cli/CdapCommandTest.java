package net.cdapkit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.cdapkit.capability.Tab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cdap} command as a user runs it, against the embedded simulator. */
class CdapCommandTest {

  record Run(int code, String out, String err) {}

  /** Where the commands of these tests keep their journal and key, never the user's own. */
  @TempDir static Path audit;

  static Run run(String... args) {
    if (args.length > 0
        && List.of("demo", "consult", "batch").contains(args[0])
        && !java.util.Arrays.asList(args).contains("--audit-file")) {
      java.util.List<String> withJournal = new java.util.ArrayList<>(java.util.Arrays.asList(args));
      withJournal.addAll(
          java.util.List.of(
              "--audit-file",
              audit.resolve("cdap-audit.jsonl").toString(),
              "--key-file",
              audit.resolve("audit.key").toString()));
      args = withJournal.toArray(new String[0]);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CdapCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void demo_walksEveryStepPrintsEveryTabAndSavesAPdf(@TempDir Path dir) throws Exception {
    Run run = run("demo", "--output-dir", dir.toString());
    assertThat(run.code()).as(run.err()).isZero();
    for (Tab tab : Tab.values()) {
      assertThat(run.out()).contains("== " + tab.label() + " ==");
    }
    assertThat(run.out()).contains("Étape 1").contains("Étape 7").containsPattern("DLG-751-[0-9]+");
    Path pdf = dir.resolve("cdap-attestation-paiement.pdf");
    assertThat(run.out()).contains(pdf.toAbsolutePath().toString());
    byte[] bytes = Files.readAllBytes(pdf);
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
  }

  @Test
  void consult_oneTab_printsIt() {
    Run run = run("consult", "--caf", "751", "--allocataire", "9900001", "--tab", "paiements");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("== Paiements ==");
  }

  @Test
  void consult_json_printsTheContractsJson() {
    Run run =
        run("consult", "--caf", "751", "--allocataire", "9900001", "--tab", "synthese", "--json");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().strip()).startsWith("{").contains("\"allocataire\"");
  }

  @Test
  void consult_withoutTab_printsEveryAllowedTabAndListsTheOthers() {
    Run run = run("consult", "--profile", "T5", "--caf", "751", "--allocataire", "9900001");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("== Informations logement ==").doesNotContain("== RSA ==");
    assertThat(run.err()).contains("T5").contains("rsa").contains("courriers");
  }

  @Test
  void consult_whenTabOutsideProfile_exits3NamingProfileAndTab() {
    Run run =
        run(
            "consult",
            "--profile",
            "T5",
            "--caf",
            "751",
            "--allocataire",
            "9900001",
            "--tab",
            "rsa");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err().strip()).contains("T5").contains("rsa").doesNotContain("\n");
  }

  @Test
  void consult_whenTabAllowed_exits0ForEachProfile() {
    assertThat(
            run(
                    "consult",
                    "--profile",
                    "T5",
                    "--caf",
                    "751",
                    "--allocataire",
                    "9900001",
                    "--tab",
                    "logement")
                .code())
        .isZero();
    assertThat(
            run(
                    "consult",
                    "--profile",
                    "T1",
                    "--caf",
                    "751",
                    "--allocataire",
                    "9900001",
                    "--tab",
                    "rsa")
                .code())
        .isZero();
  }

  @Test
  void consult_whenInputMalformed_exits2() {
    assertThat(run("consult", "--caf", "75", "--allocataire", "9900001").code()).isEqualTo(2);
    assertThat(run("consult", "--caf", "751", "--allocataire", "99x").code()).isEqualTo(2);
    assertThat(run("consult", "--caf", "751", "--allocataire", "9900001", "--tab", "nope").code())
        .isEqualTo(2);
    assertThat(run("consult", "--caf", "751").code()).isEqualTo(2);
    Run bad = run("consult", "--caf", "751", "--allocataire", "99000012");
    assertThat(bad.err()).doesNotContain("99000012");
  }

  @Test
  void consult_whenDossierUnknown_exits4() {
    assertThat(run("consult", "--caf", "751", "--allocataire", "9999998").code()).isEqualTo(4);
  }

  @Test
  void exitCode_whenBaseUrlIsWrong_is7() {
    assertThat(
            ExitCodes.of(
                new net.cdapkit.error.ConfigurationException(
                    "No CDAP API answers at the configured base URL", "req-1", 404, 1)))
        .isEqualTo(7);
  }

  @Test
  void simulator_help_describesThePortAndTheDemoCredentials() {
    Run run = run("simulator", "--help");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("--port").contains("simulator only");
  }
}
