package net.cdapkit.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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

  /**
   * Takes the file's lock, waiting up to {@code wait} while another process holds it; in shared
   * mode, also while another journal of this process holds it (it is held for one append only). An
   * interrupt that arrives during the wait ends it.
   */
  static FileLock lock(FileChannel ch, Path file, Duration wait, boolean sharedMode)
      throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    long pause = TimeUnit.MICROSECONDS.toNanos(50);
    while (true) {
      FileLock l = null;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException sameProcess) {
        if (!sharedMode) {
          // Held by this very process for as long as it is open: waiting would never end.
          throw new AuditException("Audit journal is already open in this process: " + file);
        }
      }
      if (l != null) {
        return l;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AuditException(
            sharedMode
                ? "Audit journal stayed locked by another writer for "
                    + wait.toSeconds()
                    + " s: "
                    + file
                : "Audit journal is already open elsewhere: " + file);
      }
      LockSupport.parkNanos(pause);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new AuditException("Interrupted while waiting for the audit journal: " + file);
      }
      pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  /**
   * The last line of a non-empty journal of {@code size} bytes, without its newline; refused when
   * it is cut short or longer than readers accept.
   */
  static String lastLine(FileChannel ch, Path file, long size) throws IOException {
    int window = (int) Math.min(size, JournalFormat.MAX_LINE_BYTES + 1L); // a line and its newline
    ByteBuffer buf = ByteBuffer.allocate(window);
    long at = size - window;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, at + buf.position());
      if (n < 0) {
        throw new AuditException("Audit journal shrank while being read: " + file);
      }
    }
    byte[] tail = buf.array();
    if (tail[window - 1] != '\n') {
      throw new AuditException(
          "Audit journal's last line is incomplete (a write was cut short): verify "
              + file
              + " and start a new journal");
    }
    int start = window - 2;
    while (start >= 0 && tail[start] != '\n') {
      start--;
    }
    start++;
    if (start == 0 && window < size) {
      throw new AuditException(
          "Audit journal's last line is longer than "
              + JournalFormat.MAX_LINE_BYTES
              + " bytes, which no reader accepts: verify "
              + file
              + " and start a new journal");
    }
    return new String(tail, start, window - 1 - start, StandardCharsets.UTF_8);
  }

  /** Releases a lock if it is still held, ignoring a failure: it goes with its channel anyway. */
  static void releaseQuietly(FileLock lock) {
    if (lock != null && lock.isValid()) {
      try {
        lock.release();
      } catch (IOException e) {
        // Released when the channel closes.
      }
    }
  }

  /** Closes a channel, ignoring a failure: what it wrote is already in the file or undone. */
  static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // Nothing to do: the journal's content was already written or refused.
      }
    }
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
