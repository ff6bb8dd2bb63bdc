package net.cdapkit.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
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

/** The journal file's rules on disk: what may be opened, and where its records end. */
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

  /**
   * Where the records end: before the run of zero bytes (reserved space, at most {@link
   * JsonLinesAuditJournal#CHUNK_BYTES}) that ends the file. A longer run is not ours: the file's
   * size is returned, and the last line reads as incomplete.
   */
  static long endOfRecords(FileChannel ch) throws IOException {
    long size = ch.size();
    long end = size;
    ByteBuffer block = ByteBuffer.allocate(64 * 1024);
    while (end > 0) {
      if (size - end > JsonLinesAuditJournal.CHUNK_BYTES) {
        return size;
      }
      int n = (int) Math.min(block.capacity(), end);
      block.clear().limit(n);
      long from = end - n;
      while (block.hasRemaining()) {
        if (ch.read(block, from + block.position()) < 0) {
          throw new IOException("file shrank while read");
        }
      }
      for (int i = n - 1; i >= 0; i--) {
        if (block.get(i) != 0) {
          return from + i + 1;
        }
      }
      end = from;
    }
    return 0;
  }
}
