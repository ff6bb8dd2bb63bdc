package net.cdapkit.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;

/**
 * The default audit sink: a file of JSON lines, one {@link AuditRecord} per line, each chained to
 * the previous one by a keyed MAC, so that {@link AuditJournalVerifier} detects a record changed,
 * removed, inserted or reordered — even when the whole file was rewritten, as long as the {@link
 * AuditKey} was kept elsewhere.
 *
 * <pre>{@code
 * {"v":2,"seq":1,"time":"2026-03-02T09:14:03.512Z","op":"5d0e…","partner":"PART-001",
 *  "agent":"a.martin","profile":"T1","caf":"751","dossier":"9f2c…(64 hex)",
 *  "operation":"TAB","tab":"paiements","page":0,"attestation":null,
 *  "finalite":"ACCOMPAGNEMENT_SOCIAL","finaliteDetailGiven":true,"finaliteDetail":null,
 *  "outcome":"SUCCESS","failure":null,"requestId":"1b4…","attempts":1,
 *  "prev":"…(64 hex)","mac":"…(64 hex)"}
 * }</pre>
 *
 * (one line in the file). The format — canonical text, chain step, versions, bounded free text — is
 * {@link JournalFormat}'s.
 *
 * <p><strong>The file.</strong> It must be a regular file: a symbolic link, a device such as {@code
 * /dev/null}, a pipe or a directory is refused, and the path is opened without following links. A
 * new journal is created readable and writable by its owner only where the file system has POSIX
 * permissions. Opening an existing journal checks its last record's MAC and continues its chain
 * (journals of format version 1 are continued in version 2); a journal whose last line is damaged
 * (e.g. cut by a crash) or longer than readers accept is refused: verify it and start a new file.
 *
 * <p><strong>Locking.</strong> By default the file is locked while the journal is open, so that no
 * other process appends: the right choice for a long-running service that owns its journal. With
 * {@link Builder#shared(boolean)} it is locked only during each append, which first catches up with
 * the records other processes added: short-lived processes (successive or parallel runs of a
 * command) then append to one chain without waiting for each other's whole run.
 *
 * <p><strong>Durability.</strong> Appends are serialised and written straight to the file (no
 * buffer of ours: the record is in the operating system when {@link #append} returns, and survives
 * the process); with {@link Builder#fsync(boolean)} each one is also forced to the disk. After a
 * write error the journal undoes the partial line and, if it cannot, refuses every later append.
 * Thread-safe. Close it when the client is no longer used.
 */
public final class JsonLinesAuditJournal implements AuditSink, AutoCloseable {
  /** Records this version writes stay below this; a longer one is refused, never written. */
  static final int MAX_WRITTEN_LINE_BYTES = 16 * 1024;

  private static final Duration SHARED_MIN_WAIT = Duration.ofSeconds(10);

  private final Path file;
  private final AuditKey key;
  private final boolean fsync;
  private final boolean shared;
  private final Duration lockWait;
  private final FileChannel channel;
  private final FileLock lock; // null when shared
  private long seq; // guarded by this
  private long size; // guarded by this
  private byte[] lastMac = new byte[32]; // guarded by this
  private byte[] nextMac = new byte[32]; // guarded by this; the MAC being written
  private String lastMacHex = JournalFormat.GENESIS; // guarded by this
  // Reused by every append (guarded by this): no allocation on the hot path but the text itself.
  private final StringBuilder text = new StringBuilder(1024);
  private final ByteBuffer line = ByteBuffer.allocateDirect(MAX_WRITTEN_LINE_BYTES);
  private boolean broken; // guarded by this
  private boolean closed; // guarded by this

  private JsonLinesAuditJournal(Builder b) {
    this.file = b.file;
    this.key = b.key;
    this.fsync = b.fsync;
    this.shared = b.shared;
    this.lockWait = b.lockWait;
    FileChannel ch = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      ch = JournalFiles.openRegularFile(file);
      this.channel = ch;
      if (shared) {
        this.lock = null;
        FileLock l = lock(ch, max(lockWait, SHARED_MIN_WAIT), true);
        try {
          readTail();
        } finally {
          l.release();
        }
      } else {
        this.lock = lock(ch, lockWait, false);
        readTail();
      }
    } catch (IOException e) {
      closeQuietly(ch);
      throw new AuditException(
          "Audit journal cannot be opened: " + file + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Takes the file's lock, waiting up to {@code wait} while another process holds it; in shared
   * mode, also while another journal of this process holds it (it is held for one append only).
   */
  private FileLock lock(FileChannel ch, Duration wait, boolean sharedMode) throws IOException {
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
   * A builder for a journal at this path, chained under this key.
   *
   * @param file the journal file, created on open if missing
   * @param key the journal key
   * @return a builder with the defaults
   */
  public static Builder builder(Path file, AuditKey key) {
    return new Builder(file, key);
  }

  /**
   * Opens (or creates) the journal with the defaults: no fsync, locked while open.
   *
   * @param file the journal file, created if missing
   * @param key the journal key
   * @return the open journal; close it when the application stops
   */
  public static JsonLinesAuditJournal open(Path file, AuditKey key) {
    return builder(file, key).open();
  }

  /** Reads the last record (within the bound readers accept) and continues its chain. */
  private void readTail() throws IOException {
    size = channel.size();
    if (size == 0) {
      seq = 0;
      lastMac = new byte[32];
      lastMacHex = JournalFormat.GENESIS;
      return;
    }
    int window = (int) Math.min(size, JournalFormat.MAX_LINE_BYTES + 1L); // a line and its newline
    ByteBuffer buf = ByteBuffer.allocate(window);
    long at = size - window;
    while (buf.hasRemaining()) {
      int n = channel.read(buf, at + buf.position());
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
    JournalFormat.Line last;
    JournalFormat.Parsed parsed;
    try {
      last =
          JournalFormat.split(new String(tail, start, window - 1 - start, StandardCharsets.UTF_8));
      if (!JournalFormat.macMatches(key, last)) {
        throw new AuditException(
            "Audit journal's last record does not match the key (altered, or another key):"
                + " verify "
                + file);
      }
      parsed = JournalFormat.parse(last);
    } catch (IllegalArgumentException e) {
      throw new AuditException(
          "Audit journal's last record is malformed (" + e.getMessage() + "): verify " + file, e);
    }
    seq = parsed.seq();
    lastMac = HexFormat.of().parseHex(last.mac());
    lastMacHex = last.mac();
  }

  @Override
  public void append(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    synchronized (this) {
      if (closed) {
        throw new AuditException("Audit journal is closed: " + file);
      }
      if (broken) {
        throw new AuditException(
            "Audit journal stopped after a write error; verify " + file + " and reopen it");
      }
      FileLock appendLock = null;
      try {
        if (shared) {
          appendLock = lock(channel, max(lockWait, SHARED_MIN_WAIT), true);
          if (channel.size() != size) {
            readTail(); // another process appended since our last record
          }
        }
        write(record);
      } catch (IOException e) {
        throw new AuditException(
            "Audit journal cannot be read before appending: "
                + file
                + " ("
                + e.getClass().getSimpleName()
                + ")",
            e);
      } finally {
        if (appendLock != null) {
          try {
            appendLock.release();
          } catch (IOException e) {
            // The lock goes with the channel at the latest.
          }
        }
      }
    }
  }

  /** Writes one record after the last one; the caller holds this object's monitor. */
  private void write(AuditRecord record) {
    text.setLength(0);
    JournalFormat.canonical(text, seq + 1, record, lastMacHex);
    // Free text is bounded, so a record stays far below the buffer; a guard all the same, so that
    // a reader never meets a line longer than it accepts.
    if (text.length() * 3L + 100 > MAX_WRITTEN_LINE_BYTES) {
      throw new AuditException("Audit record longer than " + MAX_WRITTEN_LINE_BYTES + " bytes");
    }
    String macHex = JournalFormat.encodeLine(key, lastMac, text, line, nextMac);
    int length = line.remaining();
    long before = size;
    try {
      long at = before;
      while (line.hasRemaining()) {
        at += channel.write(line, at);
      }
      if (fsync) {
        channel.force(false);
      }
    } catch (IOException e) {
      undo(before);
      throw new AuditException(
          "Audit record not written to "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")",
          e);
    }
    seq++;
    size = before + length;
    byte[] previous = lastMac;
    lastMac = nextMac;
    nextMac = previous; // the two buffers take turns: no array per record
    lastMacHex = macHex;
  }

  /** Removes a partial line; if that fails too, no later append is accepted. */
  private void undo(long before) {
    try {
      if (channel.size() != before) {
        channel.truncate(before);
      }
      broken = channel.size() != before;
    } catch (IOException e) {
      broken = true;
    }
  }

  @Override
  public String pseudonym(CafCode caf, NumeroAllocataire numero) {
    return key.pseudonym(caf, numero);
  }

  /**
   * The journal file.
   *
   * @return the journal's path
   */
  public Path file() {
    return file;
  }

  /**
   * How many records the journal holds (the last sequence number written).
   *
   * @return the record count
   */
  public synchronized long records() {
    return seq;
  }

  /**
   * The last record's MAC (64 zeros when empty). Keep it with {@link #records()} outside the
   * journal, e.g. daily: {@link AuditJournalVerifier#verify(Path, AuditKey, long)} then also
   * detects a journal cut short.
   *
   * @return the MAC in lower-case hex
   */
  public synchronized String lastMac() {
    return lastMacHex;
  }

  /** Releases the file; later appends throw {@link AuditException}. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (lock != null) {
      try {
        lock.release();
      } catch (IOException e) {
        // The lock goes with the channel anyway.
      }
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // Nothing to do: the journal's content was already written or refused.
      }
    }
  }

  @Override
  public String toString() {
    return "JsonLinesAuditJournal{file=" + file + ", fsync=" + fsync + ", shared=" + shared + "}";
  }

  /** Configures a {@link JsonLinesAuditJournal}. */
  public static final class Builder {
    private final Path file;
    private final AuditKey key;
    private boolean fsync;
    private boolean shared;
    private Duration lockWait = Duration.ZERO;

    private Builder(Path file, AuditKey key) {
      this.file = Objects.requireNonNull(file, "file");
      this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * Whether each append is forced to the disk before it returns (default false: written to the
     * operating system, which survives the process but not a power cut). Costs a disk sync per
     * record.
     *
     * @param fsync true to sync each record to the disk
     * @return this builder
     */
    public Builder fsync(boolean fsync) {
      this.fsync = fsync;
      return this;
    }

    /**
     * Whether other processes may append to the same journal while this one is open (default false:
     * the file is locked from {@link #open()} to {@link JsonLinesAuditJournal#close()}). When true,
     * the file is locked during each append only, and each append first reads the last record if
     * another process added one, so that all of them extend one chain. An append then waits for
     * another writer's append (at least 10 s, or {@link #lockWait(Duration)} if longer) and costs a
     * size check. For several processes sharing one journal, such as parallel runs of a command; a
     * service that owns its journal keeps the default.
     *
     * @param shared true to let other processes append while open
     * @return this builder
     */
    public Builder shared(boolean shared) {
      this.shared = shared;
      return this;
    }

    /**
     * How long {@link #open()} waits while another process has the journal open (default: not at
     * all). For short-lived processes that share a journal, such as successive command runs; a
     * long-running service keeps its journal open and should own it alone.
     *
     * @param wait the longest wait for another process's lock; zero not to wait
     * @return this builder
     */
    public Builder lockWait(Duration wait) {
      if (wait == null || wait.isNegative()) {
        throw new InvalidInputException("lockWait must be zero or positive");
      }
      this.lockWait = wait;
      return this;
    }

    /**
     * Opens the journal, creating the file if needed.
     *
     * @return the open journal; close it when the application stops
     * @throws AuditException if it cannot be opened, is locked by another process, or its last
     *     record is damaged or was written under another key
     */
    public JsonLinesAuditJournal open() {
      return new JsonLinesAuditJournal(this);
    }
  }
}
