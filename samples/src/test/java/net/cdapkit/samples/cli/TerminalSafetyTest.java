package net.cdapkit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.Dossier;
import net.cdapkit.Periode;
import net.cdapkit.RateLimit;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile server or a hostile file cannot do to the terminal and to the journal's tools. */
class TerminalSafetyTest {
  private static final String ESCAPES = "\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e\r\nFAKE";

  @TempDir Path dir;

  @Test
  void clean_turnsEveryControlCharacterIntoAVisibleEscape() {
    assertThat(TerminalText.clean("Alix")).isEqualTo("Alix");
    assertThat(TerminalText.clean(ESCAPES))
        .isEqualTo("\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202e\\u000d\\u000aFAKE");
  }

  @Test
  void safeWriter_keepsTheLineEndsOfPrintlnOnly() {
    StringWriter text = new StringWriter();
    PrintWriter out = TerminalText.safe(new PrintWriter(text));
    out.println("a" + ESCAPES);
    out.print('\u001b');
    out.write("\n".toCharArray());
    out.flush();

    assertThat(text.toString())
        .isEqualTo(
            "a\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202e\\u000d\\u000aFAKE"
                + System.lineSeparator()
                + "\\u001b\\u000a");
  }

  @Test
  void tabPrinter_whenTheServerSendsEscapeSequences_printsThemInert_inTextAndJson() {
    CdapSimulator sim = CdapSimulator.builder().build().start();
    try {
      sim.respond(
          Operation.TAB_SYNTHESE,
          200,
          "{\"perimetre\":\"COMPLET\",\"allocataire\":{\"nom\":\"SPECIMEN\\u001b[2J\","
              + "\"prenom\":\"Alix\\u001b]0;pwned\\u0007\\u009b31m\"},\"caf\":\"751\","
              + "\"situationFamiliale\":\"CEL\",\"nombreEnfants\":0,\"prestations\":[]}");
      CdapClient client =
          CdapClient.builder()
              .baseUrl(sim.baseUrl())
              .credentials(CredentialsProvider.of("demo-t1", CdapSimulator.DEMO_PASSWORD))
              .rateLimit(RateLimit.none())
              .build();
      try (CdapSession session = client.authenticate()) {
        Dossier dossier =
            session
                .selectCaf("751")
                .consultDossier("9900001", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL));
        StringWriter text = new StringWriter();
        new TabPrinter(new PrintWriter(text), false, 10)
            .print(dossier, Tab.SYNTHESE, Periode.all());
        StringWriter json = new StringWriter();
        new TabPrinter(new PrintWriter(json), true, 10).print(dossier, Tab.SYNTHESE, Periode.all());

        assertThat(text.toString())
            .contains("Alix\\u001b]0;pwned\\u0007\\u009b31m SPECIMEN\\u001b[2J");
        for (String printed : new String[] {text.toString(), json.toString()}) {
          assertThat(printed.replace(System.lineSeparator(), "").chars())
              .noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f));
        }
      }
    } finally {
      sim.stop();
    }
  }

  @Test
  void consult_whenTheAuditFileIsASymlinkToDevNull_refusesAndExitsNonZero() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("audit.jsonl"), Path.of("/dev/null"));
    try {
      CdapCommandTest.Run run =
          CdapCommandTest.run(
              "consult",
              "--caf",
              "751",
              "--allocataire",
              "9900001",
              "--tab",
              "synthese",
              "--audit-file",
              link.toString(),
              "--key-file",
              dir.resolve("audit.key").toString());

      assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
      assertThat(run.err()).contains("not a regular file");
      assertThat(run.out()).doesNotContain("Synthèse");
    } finally {
      Files.delete(link);
    }
  }

  @Test
  void auditVerify_whenALineIsHuge_reportsItMalformedWithExitSix() throws Exception {
    Path key = dir.resolve("audit.key");
    AuditKey.loadOrCreate(key);
    Path huge = dir.resolve("huge.jsonl");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(3L * 1024 * 1024 * 1024); // sparse: a 3 GiB line
    }

    CdapCommandTest.Run run =
        CdapCommandTest.run("audit", "verify", huge.toString(), "--key-file", key.toString());

    assertThat(run.code()).isEqualTo(ExitCodes.JOURNAL_NOT_INTACT);
    assertThat(run.err()).contains("line 1").contains("MALFORMED").contains("longer than");
  }
}
