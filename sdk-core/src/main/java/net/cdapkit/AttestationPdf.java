package net.cdapkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.cdapkit.model.AttestationType;

/**
 * An attestation as a PDF document, to view or print. The bytes are personal data: store them where
 * the partner's own rules allow, never in logs.
 */
public final class AttestationPdf {
  private final AttestationType type;
  private final byte[] content;

  AttestationPdf(AttestationType type, byte[] content) {
    this.type = type;
    this.content = content.clone();
  }

  public AttestationType type() {
    return type;
  }

  /** A copy of the PDF bytes. */
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }

  /** Writes the PDF to {@code file}, replacing it, and returns the file. */
  public Path writeTo(Path file) throws IOException {
    return Files.write(file, content);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttestationPdf
        && ((AttestationPdf) o).type == type
        && Arrays.equals(((AttestationPdf) o).content, content);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "AttestationPdf{type=" + type + ", bytes=" + content.length + "}";
  }
}
