package net.cdapkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import net.cdapkit.model.AttestationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an attestation, personal data, ends up on disk. */
class AttestationPdfTest {
  private static final byte[] PDF = "%PDF-1.4 synthetic\n".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;

  private final AttestationPdf pdf = new AttestationPdf(AttestationType.PAIEMENT, PDF);

  @Test
  void writeTo_createsAFileReadableByItsOwnerOnly() throws Exception {
    Path file = pdf.writeTo(dir.resolve("attestation.pdf"));

    assertThat(Files.readAllBytes(file)).isEqualTo(PDF);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void writeTo_whenTheTargetIsASymlink_replacesTheLinkAndLeavesItsTargetUntouched()
      throws Exception {
    Path victim = Files.writeString(dir.resolve("victim.txt"), "not a pdf\n");
    Path link = Files.createSymbolicLink(dir.resolve("attestation.pdf"), victim);

    pdf.writeTo(link);

    assertThat(Files.readString(victim)).isEqualTo("not a pdf\n");
    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(Files.readAllBytes(link)).isEqualTo(PDF);
  }

  @Test
  void writeTo_whenAWorldReadableFileIsThere_replacesItWithAnOwnerOnlyOne() throws Exception {
    Path file = Files.writeString(dir.resolve("attestation.pdf"), "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    pdf.writeTo(file);

    assertThat(Files.readAllBytes(file)).isEqualTo(PDF);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
