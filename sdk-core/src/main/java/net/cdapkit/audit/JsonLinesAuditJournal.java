package net.cdapkit.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
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
 * write error the journal undoes the partial line and, if it cannot, refuses every later append. A
 * caller's interrupt neither stops its record nor closes the journal for other threads: it is set
 * aside during the write and given back afterwards (the file is opened again if the interrupt came
 * during the write). Thread-safe. Close it when the client is no longer used.
 */
public final class JsonLinesAuditJournal implements AuditSink, AutoCloseable {
  /** Records this version writes stay below this; a longer one is refused, never written. */
  static final int MAX_WRITTEN_LINE_BYTES = 16 * 1024;

  private static final Duration SHARED_MIN_WAIT = Duration.ofSeconds(10);
  private static final int MAX_REOPENINGS = 8;

  private final Path file;
  private final AuditKey key;
  private final boolean fsync;
  private final boolean shared;
  private final Duration lockWait;
  private FileChannel channel; // guarded by this; opened again after an interrupt closed it
  private FileLock lock; // guarded by this; null when shared
  private long seq; // guarded by this
  private long size; // guarded by this
  private byte[] lastMac = new byte[32]; // guarded by this
  private byte[] nextMac = new byte[32]; // guarded by this; the MAC being written
  private String lastMacHex = JournalFormat.GENESIS; // guarded by this
  // Reused by every append (guarded by this): no allocation on the hot path but the text itself.
  private final StringBuilder text = new StringBuilder(1024);
  private final ByteBuffer line = ByteBuffer.allocateDirect(MAX_WRITTEN_LINE_BYTES);
  private long inFlightAt = -1; // guarded by this; where the line being written starts
  private String inFlightMac; // guarded by this; its MAC, in hex
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
        FileLock l = JournalFiles.lock(ch, file, max(lockWait, SHARED_MIN_WAIT), true);
        try {
          readTail();
        } finally {
          l.release();
        }
      } else {
        this.lock = JournalFiles.lock(ch, file, lockWait, false);
        readTail();
      }
    } catch (IOException e) {
      JournalFiles.closeQuietly(ch);
      throw new AuditException(
          "Audit journal cannot be opened: " + file + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (RuntimeException e) {
      JournalFiles.closeQuietly(ch);
      throw e;
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
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
    JournalFormat.Line last;
    JournalFormat.Parsed parsed;
    try {
      last = JournalFormat.split(JournalFiles.lastLine(channel, file, size));
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
      // A FileChannel closes itself, for every thread, when a thread using it is interrupted: a
      // cancelled request or a stopped batch would end the application's journal. The caller's
      // interrupt is set aside while the file is used and given back afterwards; one that arrives
      // during the use closes the channel all the same, and the file is then opened again.
      boolean interrupted = Thread.interrupted();
      try {
        for (int reopened = 0; ; reopened++) {
          try {
            appendOnce(record);
            return;
          } catch (ClosedByInterruptException e) {
            interrupted = true;
            if (!reopen()) {
              return; // the line was whole in the file
            }
            if (reopened == MAX_REOPENINGS) {
              throw new AuditException(
                  "Audit record not written: the writing thread was interrupted "
                      + (reopened + 1)
                      + " times in a row ("
                      + file
                      + ")");
            }
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** One try at appending; the caller holds this object's monitor. */
  private void appendOnce(AuditRecord record) throws ClosedByInterruptException {
    FileLock appendLock = null;
    try {
      if (shared) {
        appendLock = JournalFiles.lock(channel, file, max(lockWait, SHARED_MIN_WAIT), true);
        if (channel.size() != size) {
          readTail(); // another process appended since our last record
        }
      }
      write(record);
    } catch (ClosedByInterruptException e) {
      throw e;
    } catch (IOException e) {
      throw new AuditException(
          "Audit journal cannot be read before appending: "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    } finally {
      JournalFiles.releaseQuietly(appendLock);
    }
  }

  /** Writes one record after the last one; the caller holds this object's monitor. */
  private void write(AuditRecord record) throws ClosedByInterruptException {
    text.setLength(0);
    JournalFormat.canonical(text, seq + 1, record, lastMacHex);
    // Free text is bounded, so a record stays far below the buffer; a guard all the same, so that
    // a reader never meets a line longer than it accepts.
    if (text.length() * 3L + 100 > MAX_WRITTEN_LINE_BYTES) {
      throw new AuditException("Audit record longer than " + MAX_WRITTEN_LINE_BYTES + " bytes");
    }
    String macHex = JournalFormat.encodeLine(key, lastMac, text, line, nextMac);
    long before = size;
    inFlightAt = before;
    inFlightMac = macHex;
    try {
      long at = before;
      while (line.hasRemaining()) {
        at += channel.write(line, at);
      }
      if (fsync) {
        channel.force(false);
      }
    } catch (ClosedByInterruptException e) {
      throw e; // the caller opens the file again and looks whether the line is there
    } catch (IOException e) {
      inFlightAt = -1;
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
    written();
  }

  /** The line in flight is in the file: it becomes the last record. */
  private void written() {
    seq++;
    size = inFlightAt + line.limit();
    byte[] previous = lastMac;
    lastMac = nextMac;
    nextMac = previous; // the two buffers take turns: no array per record
    lastMacHex = inFlightMac;
    inFlightAt = -1;
  }

  /**
   * Opens the file again after an interrupt closed the channel (and, when not shared, locks it
   * again); a line that was being written is kept if it is whole, and removed if it is cut short.
   *
   * @return false when the line in flight was found whole (the append is done), true to try again
   */
  private boolean reopen() {
    for (int tries = 0; ; tries++) {
      Thread.interrupted(); // the caller gives the interrupt back
      try {
        return reopenOnce();
      } catch (ClosedByInterruptException e) {
        if (tries == MAX_REOPENINGS) {
          broken = true;
          throw new AuditException(
              "Audit journal could not be opened again: interrupted " + (tries + 1) + " times", e);
        }
      } catch (IOException | RuntimeException e) {
        broken = true;
        throw new AuditException(
            "Audit journal could not be opened again after an interrupt; verify "
                + file
                + " and reopen it ("
                + e.getClass().getSimpleName()
                + ")",
            e);
      }
    }
  }

  private boolean reopenOnce() throws IOException {
    JournalFiles.closeQuietly(channel);
    channel = JournalFiles.openRegularFile(file);
    FileLock held = JournalFiles.lock(channel, file, shared ? SHARED_MIN_WAIT : lockWait, shared);
    try {
      if (inFlightAt < 0) {
        return true;
      }
      long before = inFlightAt;
      long now = channel.size();
      if (now >= before + line.limit() && landed(before)) {
        if (fsync) {
          channel.force(false);
        }
        written();
        return false;
      }
      if (now != before) {
        channel.truncate(before); // cut short by the interrupt; no writer extends such a line
      }
      inFlightAt = -1;
      return true;
    } finally {
      if (shared) {
        JournalFiles.releaseQuietly(held);
      } else {
        lock = held;
      }
    }
  }

  /** Whether the file holds the line in flight, byte for byte, at {@code at}. */
  private boolean landed(long at) throws IOException {
    ByteBuffer found = ByteBuffer.allocate(line.limit());
    while (found.hasRemaining()) {
      if (channel.read(found, at + found.position()) < 0) {
        return false;
      }
    }
    return found.flip().equals(line.duplicate().position(0));
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
    JournalFiles.releaseQuietly(lock);
    JournalFiles.closeQuietly(channel);
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
