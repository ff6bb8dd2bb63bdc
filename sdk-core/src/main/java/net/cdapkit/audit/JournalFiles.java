package net.cdapkit.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The journal file's rules on disk: what may be opened, and how it is created. */
final class JournalFiles {
  private JournalFiles() {}

  /**
   * Opens the journal file without following a link at its path: created owner-only if missing,
   * refused if it exists and is not a regular file (a link, a device, a pipe, a directory).
   */
  static FileChannel openRegularFile(Path file) throws IOException {
    Set<OpenOption> create =
        Set.of(
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    Set<OpenOption> existing =
        Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    for (int attempt = 0; attempt < 3; attempt++) {
      BasicFileAttributes attributes;
      try {
        attributes =
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException missing) {
        try {
          return posix(file)
              ? FileChannel.open(
                  file,
                  create,
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : FileChannel.open(file, create);
        } catch (FileAlreadyExistsException raced) {
          continue; // created (or linked) by someone else meanwhile: look again
        }
      }
      if (!attributes.isRegularFile()) {
        throw new AuditException(
            "Audit journal path is not a regular file ("
                + (attributes.isSymbolicLink()
                    ? "a symbolic link"
                    : attributes.isDirectory() ? "a directory" : "a device or pipe")
                + "): "
                + file
                + " — a journal must be a file of its own");
      }
      // NOFOLLOW_LINKS: a link put in its place since the check above fails here.
      return FileChannel.open(file, existing);
    }
    throw new AuditException("Audit journal path keeps changing while it is opened: " + file);
  }

  private static boolean posix(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      return dir != null && Files.getFileStore(dir).supportsFileAttributeView("posix");
    } catch (IOException e) {
      return false;
    }
  }
}
