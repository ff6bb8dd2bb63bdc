package net.cdapkit.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
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
 * {"v":1,"seq":1,"time":"2026-03-02T09:14:03.512Z","op":"5d0e…","partner":"PART-001",
 *  "agent":"a.martin","profile":"T1","caf":"751","dossier":"9f2c…(64 hex)",
 *  "operation":"TAB","tab":"paiements","page":0,"attestation":null,
 *  "finalite":"ACCOMPAGNEMENT_SOCIAL","finaliteDetailGiven":true,"finaliteDetail":null,
 *  "outcome":"SUCCESS","failure":null,"requestId":"1b4…","attempts":1,
 *  "prev":"…(64 hex)","mac":"…(64 hex)"}
 * }</pre>
 *
 * (one line in the file). {@code seq} counts from 1; {@code prev} is the previous line's {@code
 * mac} (64 zeros on the first line); {@code mac} is HMAC-SHA256(key, prev's 32 bytes ‖ the line's
 * UTF-8 bytes without its {@code ,"mac":"…"} member).
 *
 * <p>Opening an existing journal checks its last record's MAC and continues its chain; a journal
 * whose last line is damaged (e.g. cut by a crash) is refused: verify it and start a new file. The
 * file is locked while open, so two processes never interleave their chains. Appends are serialised
 * and written straight to the file (no buffer of ours); with {@link Builder#fsync(boolean)} each
 * one is also forced to the disk before {@link #append} returns. After a write error the journal
 * undoes the partial line and, if it cannot, refuses every later append. Thread-safe. Close it when
 * the client is no longer used.
 */
public final class JsonLinesAuditJournal implements AuditSink, AutoCloseable {
  private final Path file;
  private final AuditKey key;
  private final boolean fsync;
  private final FileChannel channel;
  private final FileLock lock;
  private long seq; // guarded by this
  private long size; // guarded by this; the file is locked, so only this object changes it
  private String lastMac; // guarded by this
  private boolean broken; // guarded by this
  private boolean closed; // guarded by this

  private JsonLinesAuditJournal(Builder b) {
    this.file = b.file;
    this.key = b.key;
    this.fsync = b.fsync;
    FileChannel ch = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      this.lock = lock(ch, b.lockWait);
      this.channel = ch;
      readTail();
    } catch (IOException e) {
      closeQuietly(ch);
      throw new AuditException(
          "Audit journal cannot be opened: " + file + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  /** Takes the file's lock, waiting up to {@code wait} while another process holds it. */
  private FileLock lock(FileChannel ch, Duration wait) throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException sameProcess) {
        // Held by this very process: waiting would never end.
        throw new AuditException("Audit journal is already open in this process: " + file);
      }
      if (l != null) {
        return l;
      }
      if (System.nanoTime() >= deadline) {
        throw new AuditException("Audit journal is already open elsewhere: " + file);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AuditException("Interrupted while waiting for the audit journal: " + file);
      }
    }
  }

  /** A builder for a journal at this path, chained under this key. */
  public static Builder builder(Path file, AuditKey key) {
    return new Builder(file, key);
  }

  /** Opens (or creates) the journal with the defaults: no fsync. */
  public static JsonLinesAuditJournal open(Path file, AuditKey key) {
    return builder(file, key).open();
  }

  private void readTail() throws IOException {
    size = channel.size();
    if (size == 0) {
      seq = 0;
      lastMac = JournalFormat.GENESIS;
      return;
    }
    int window = (int) Math.min(size, 64 * 1024);
    ByteBuffer buf = ByteBuffer.allocate(window);
    channel.read(buf, size - window);
    String tail = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    if (!tail.endsWith("\n")) {
      throw new AuditException(
          "Audit journal's last line is incomplete (a write was cut short): verify "
              + file
              + " and start a new journal");
    }
    int start = tail.lastIndexOf('\n', tail.length() - 2) + 1;
    if (start == 0 && window < size) {
      throw new AuditException("Audit journal's last line is too long: " + file);
    }
    JournalFormat.Line last;
    JournalFormat.Parsed parsed;
    try {
      last = JournalFormat.split(tail.substring(start, tail.length() - 1));
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
    lastMac = last.mac();
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
      String canonical = JournalFormat.canonical(seq + 1, record, lastMac);
      String mac = JournalFormat.mac(key, lastMac, canonical);
      byte[] bytes = (JournalFormat.line(canonical, mac) + "\n").getBytes(StandardCharsets.UTF_8);
      long before = size;
      try {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long at = before;
        while (buf.hasRemaining()) {
          at += channel.write(buf, at);
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
      size = before + bytes.length;
      lastMac = mac;
    }
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

  /** The journal file. */
  public Path file() {
    return file;
  }

  /** How many records the journal holds (the last sequence number written). */
  public synchronized long records() {
    return seq;
  }

  /**
   * The last record's MAC (64 zeros when empty). Keep it with {@link #records()} outside the
   * journal, e.g. daily: {@link AuditJournalVerifier#verify(Path, AuditKey, long)} then also
   * detects a journal cut short.
   */
  public synchronized String lastMac() {
    return lastMac;
  }

  /** Releases the file; later appends throw {@link AuditException}. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
    } catch (IOException e) {
      // The lock goes with the channel anyway.
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
    return "JsonLinesAuditJournal{file=" + file + ", fsync=" + fsync + "}";
  }

  /** Configures a {@link JsonLinesAuditJournal}. */
  public static final class Builder {
    private final Path file;
    private final AuditKey key;
    private boolean fsync;
    private Duration lockWait = Duration.ZERO;

    private Builder(Path file, AuditKey key) {
      this.file = Objects.requireNonNull(file, "file");
      this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * Whether each append is forced to the disk before it returns (default false: written to the
     * operating system, which survives the process but not a power cut). Costs a disk sync per
     * record.
     */
    public Builder fsync(boolean fsync) {
      this.fsync = fsync;
      return this;
    }

    /**
     * How long {@link #open()} waits while another process has the journal open (default: not at
     * all). For short-lived processes that share a journal, such as successive command runs; a
     * long-running service keeps its journal open and should own it alone.
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
     * @throws AuditException if it cannot be opened, is locked by another process, or its last
     *     record is damaged or was written under another key
     */
    public JsonLinesAuditJournal open() {
      return new JsonLinesAuditJournal(this);
    }
  }
}
