package net.cdapkit;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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

  /**
   * The attestation type this document certifies.
   *
   * @return the attestation type
   */
  public AttestationType type() {
    return type;
  }

  /**
   * A copy of the PDF bytes.
   *
   * @return the document's bytes, a fresh copy at each call so the caller may change it freely
   */
  public byte[] content() {
    return content.clone();
  }

  /**
   * The document's length.
   *
   * @return the size of the PDF, in bytes
   */
  public int size() {
    return content.length;
  }

  /**
   * Writes the PDF to {@code file}, replacing it, and returns the file.
   *
   * <p>The document is personal data, so the file is readable and writable by its owner only (POSIX
   * {@code rw-------} where the file system has POSIX permissions). It is written whole under a
   * temporary name in the same directory, then moved into place: a symbolic link at {@code file} is
   * replaced, never followed, so the PDF cannot be redirected to another file; and no reader ever
   * sees half a document.
   *
   * @param file where to write the PDF; an existing file is replaced
   * @return {@code file}, for chaining
   * @throws IOException if the directory cannot be written, or {@code file} is a directory
   */
  public Path writeTo(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    boolean posix = dir != null && Files.getFileStore(dir).supportsFileAttributeView("posix");
    Path draft =
        posix
            ? Files.createTempFile(
                dir,
                ".cdap-attestation-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, ".cdap-attestation-", ".tmp");
    try {
      Files.write(draft, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
      try {
        Files.move(
            draft, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(draft, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } finally {
      Files.deleteIfExists(draft);
    }
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
