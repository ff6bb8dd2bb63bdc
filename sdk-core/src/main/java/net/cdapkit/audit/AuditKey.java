package net.cdapkit.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;

/**
 * The secret that makes the journal tamper-evident and its dossier ids pseudonymous: each record's
 * MAC and each dossier pseudonym are HMAC-SHA256 under this key. Keep it apart from the journal
 * (another directory, a vault, another machine's backup): whoever holds both can rewrite the
 * journal undetected, and can tell which dossier a pseudonym stands for.
 *
 * <p>The key file is one line, {@code cdapkit-audit-key-v1 <base64 of 32 bytes>}. Its default
 * location is {@link #defaultLocation()}, {@code ~/.cdapkit/audit.key}; {@link #loadOrCreate(Path)}
 * creates it readable by its owner only where the file system has POSIX permissions. Immutable and
 * thread-safe; {@link #toString()} shows nothing of the key.
 */
public final class AuditKey {
  /** Bytes of a generated key. */
  public static final int LENGTH = 32;

  private static final String HEADER = "cdapkit-audit-key-v1 ";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  // Mac instances are not thread-safe and costly to look up: one per thread and key.
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  private AuditKey(byte[] bytes) {
    this.key = new SecretKeySpec(bytes, ALGORITHM);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is required of every Java platform.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * A key from bytes the partner keeps elsewhere (a vault). At least {@value #LENGTH} bytes.
   *
   * @throws InvalidInputException if shorter
   */
  public static AuditKey of(byte[] bytes) {
    if (bytes == null || bytes.length < LENGTH) {
      throw new InvalidInputException("An audit key has at least " + LENGTH + " bytes");
    }
    return new AuditKey(bytes.clone());
  }

  /** A new random key, from {@link SecureRandom}. */
  public static AuditKey generate() {
    byte[] bytes = new byte[LENGTH];
    new SecureRandom().nextBytes(bytes);
    return new AuditKey(bytes);
  }

  /**
   * Where {@code cdap demo} and {@code cdap audit} look for the key by default: {@code
   * ~/.cdapkit/audit.key} ({@code user.home}).
   */
  public static Path defaultLocation() {
    return Path.of(System.getProperty("user.home"), ".cdapkit", "audit.key");
  }

  /**
   * Reads the key file.
   *
   * @throws AuditException if it is missing, unreadable or not a key file
   */
  public static AuditKey load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new AuditException(
          "Audit key file cannot be read: " + file + " (" + e.getClass().getSimpleName() + ")", e);
    }
    if (!text.startsWith(HEADER)) {
      throw new AuditException("Not an audit key file (no '" + HEADER.strip() + "' line): " + file);
    }
    try {
      return of(Base64.getDecoder().decode(text.substring(HEADER.length()).strip()));
    } catch (IllegalArgumentException e) {
      throw new AuditException("Audit key file is damaged: " + file, e);
    }
  }

  /**
   * Reads the key file, or creates it with a new key when it does not exist (and its directory),
   * readable and writable by the owner only where the file system supports POSIX permissions.
   *
   * @throws AuditException if the file can be neither read nor created
   */
  public static AuditKey loadOrCreate(Path file) {
    if (Files.exists(file)) {
      return load(file);
    }
    AuditKey created = generate();
    byte[] content =
        (HEADER + Base64.getEncoder().encodeToString(created.key.getEncoded()) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    Path dir = file.toAbsolutePath().getParent();
    Path draft = null;
    try {
      boolean posix = supportsPosix(dir);
      if (!Files.isDirectory(dir)) {
        if (posix) {
          Files.createDirectories(dir, perms("rwx------"));
        } else {
          Files.createDirectories(dir);
        }
      }
      // Written whole under another name, then linked into place: a process that races us reads
      // either no file or a complete key, and the link fails if one is already there.
      draft =
          posix
              ? Files.createTempFile(dir, ".audit-key-", ".tmp", perms("rw-------"))
              : Files.createTempFile(dir, ".audit-key-", ".tmp");
      Files.write(draft, content, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      try {
        Files.createLink(file, draft);
      } catch (UnsupportedOperationException | FileSystemException noLinks) {
        if (noLinks instanceof FileAlreadyExistsException) {
          throw (FileAlreadyExistsException) noLinks;
        }
        Files.move(draft, file);
      }
      return created;
    } catch (FileAlreadyExistsException raced) {
      // Another process created it between our check and ours: theirs is the key.
      return load(file);
    } catch (IOException e) {
      throw new AuditException(
          "Audit key file cannot be created: " + file + " (" + e.getClass().getSimpleName() + ")",
          e);
    } finally {
      Arrays.fill(content, (byte) 0);
      if (draft != null) {
        try {
          Files.deleteIfExists(draft);
        } catch (IOException e) {
          // A leftover draft holds a key nobody uses; it is readable by the owner only.
        }
      }
    }
  }

  private static boolean supportsPosix(Path dir) {
    Path probe = dir;
    while (probe != null && !Files.exists(probe)) {
      probe = probe.getParent();
    }
    try {
      return probe != null && Files.getFileStore(probe).supportsFileAttributeView("posix");
    } catch (IOException e) {
      return false;
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> perms(String p) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(p));
  }

  /**
   * The pseudonym of a dossier: HMAC-SHA256 of {@code "caf:numéro"} (e.g. {@code "751:9900001"},
   * UTF-8, numéro on 7 digits) under this key, in lower-case hex.
   */
  public String pseudonym(CafCode caf, NumeroAllocataire numero) {
    return HexFormat.of()
        .formatHex(mac((caf.value() + ":" + numero.value()).getBytes(StandardCharsets.UTF_8)));
  }

  /** HMAC-SHA256 of the parts, concatenated. */
  byte[] mac(byte[]... parts) {
    Mac mac = macs.get();
    for (byte[] part : parts) {
      mac.update(part);
    }
    return mac.doFinal();
  }

  /** Compares two MACs in constant time. */
  static boolean sameMac(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  @Override
  public String toString() {
    return "AuditKey{****}";
  }
}
