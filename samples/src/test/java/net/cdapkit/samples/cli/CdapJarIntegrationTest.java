package net.cdapkit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.cdapkit.model.Nir;
import net.cdapkit.testkit.Catalogue;
import net.cdapkit.testkit.SyntheticDossier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat jar as a user runs it, in processes of its own: {@code demo --verbose} logs the SDK's
 * debug lines on stderr without personal data, and leaves a journal, under the key at its default
 * location, that {@code audit verify} accepts and refuses once altered.
 */
class CdapJarIntegrationTest {
  private static final Path JAR = Path.of("target", "cdap.jar").toAbsolutePath();

  @TempDir static Path dir;
  private static Path home;
  private static Path journal;
  private static Result demo;

  record Result(int code, String out, String err) {}

  static Result cdap(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The default key location is ~/.cdapkit/audit.key: a home of its own keeps the user's apart.
    command.add("-Duser.home=" + home);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("cdap %s ended", List.of(args)).isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void runDemo() throws Exception {
    assertThat(JAR).as("the fat jar is built by 'package', before integration tests").exists();
    home = Files.createDirectories(dir.resolve("home"));
    journal = dir.resolve("journal.jsonl");
    demo = cdap("demo", "--verbose", "--audit-file", journal.toString());
  }

  @Test
  void demoVerbose_printsSdkDebugLinesOnStderr_withoutPersonalDataOrSecrets() {
    assertThat(demo.code()).as(demo.err()).isZero();
    List<String> debug = demo.err().lines().filter(l -> l.contains("DEBUG net.cdapkit")).toList();
    assertThat(debug).hasSizeGreaterThan(10);
    assertThat(demo.err()).contains("DEBUG net.cdapkit.http - cdap tab.synthese -> 200");

    Set<String> forbidden = new LinkedHashSet<>(List.of("9900001", "demo-password"));
    for (SyntheticDossier d : Catalogue.standard().dossiers()) {
      forbidden.add(d.numeroAllocataire().value());
      forbidden.add(d.synthese().allocataire().nom());
      forbidden.add(d.resume().adresse().ligne1());
      for (SyntheticDossier.Membre m : d.membres()) {
        forbidden.add(m.nom());
        forbidden.add(m.prenom());
        m.nir().map(Nir::value).ifPresent(forbidden::add);
      }
    }
    Pattern uuid = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    Pattern tokenLike = Pattern.compile("[A-Za-z0-9_-]{32,}");
    for (String line : demo.err().lines().toList()) {
      for (String f : forbidden) {
        Matcher m =
            Pattern.compile("(?<![\\p{L}0-9])" + Pattern.quote(f) + "(?![\\p{L}0-9])")
                .matcher(line);
        assertThat(m.find()).as("stderr line holds '%s': %s", f, line).isFalse();
      }
      assertThat(tokenLike.matcher(uuid.matcher(line).replaceAll("")).find())
          .as("stderr line holds something like a bearer token: %s", line)
          .isFalse();
    }
  }

  @Test
  void demo_writesItsJournalWithTheKeyAtTheDefaultLocation_andSaysWhere() throws Exception {
    Path key = home.resolve(".cdapkit").resolve("audit.key");
    assertThat(demo.out()).contains("Journal d'audit : " + journal.toAbsolutePath().normalize());
    assertThat(demo.out()).contains(key.toAbsolutePath().normalize().toString());
    assertThat(key).exists();
    if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void consult_inTwoProcessesAtOnce_appendsToOneJournalThatStaysIntact() throws Exception {
    Path shared = dir.resolve("shared.jsonl");
    String[] args = {
      "consult",
      "--caf",
      "751",
      "--allocataire",
      "9900001",
      "--tab",
      "synthese",
      "--audit-file",
      shared.toString()
    };
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> cdap(args));
      var second = pool.submit(() -> cdap(args));
      assertThat(first.get().code()).as(first.get().err()).isZero();
      assertThat(second.get().code()).as(second.get().err()).isZero();
    } finally {
      pool.shutdownNow();
    }
    Result verified = cdap("audit", "verify", shared.toString(), "--expect-records", "8");
    assertThat(verified.code()).as(verified.err()).isZero();
  }

  @Test
  void auditVerify_acceptsTheDemosJournal_andRefusesAFlippedByteNamingTheLine() throws Exception {
    Result ok = cdap("audit", "verify", journal.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("intact");

    Path altered = dir.resolve("altered.jsonl");
    byte[] bytes = Files.readAllBytes(journal);
    int secondLine = new String(bytes, StandardCharsets.UTF_8).indexOf('\n') + 1;
    int at = secondLine + 20;
    bytes[at] = (byte) (bytes[at] ^ 0x01);
    Files.write(altered, bytes);
    Result bad = cdap("audit", "verify", altered.toString());
    assertThat(bad.code()).isEqualTo(6);
    assertThat(bad.err()).contains("line 2");
  }
}
