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
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;

/**
 * The secret that makes the journal tamper-evident and its dossier ids pseudonymous. Keep it apart
 * from the journal (another directory, a vault, another machine's backup): whoever holds both can
 * rewrite the journal undetected, and can tell which dossier a pseudonym stands for.
 *
 * <p>Two keys are derived from it, so that no one key serves two purposes (a MAC that could also be
 * read as a pseudonym, or the reverse): with HKDF-SHA256 (RFC 5869, no salt), the <em>chain
 * key</em> under the info label {@value #CHAIN_LABEL} and the <em>pseudonym key</em> under {@value
 * #PSEUDONYM_LABEL}, 32 bytes each. Records of format version 2 ({@link JournalFormat#VERSION}) are
 * chained with the first and name dossiers with the second. Version-1 records, written before the
 * derivation, used this key itself for both; they still verify, and {@link AuditQueries} still
 * finds their dossiers.
 *
 * <p>The key file is one line, {@code cdapkit-audit-key-v1 <base64 of 32 bytes>}. Its default
 * location is {@link #defaultLocation()}, {@code ~/.cdapkit/audit.key}; {@link #loadOrCreate(Path)}
 * creates it readable by its owner only where the file system has POSIX permissions, and {@link
 * #load(Path)} refuses a key file that its group or others may read or write. Immutable and
 * thread-safe; {@link #toString()} shows nothing of the key.
 */
public final class AuditKey {
  /** Bytes of a generated key. */
  public static final int LENGTH = 32;

  /** The HKDF info label of the chain key (format version 2 on). */
  public static final String CHAIN_LABEL = "cdapkit audit v2 chain mac";

  /** The HKDF info label of the pseudonym key (format version 2 on). */
  public static final String PSEUDONYM_LABEL = "cdapkit audit v2 dossier pseudonym";

  private static final String HEADER = "cdapkit-audit-key-v1 ";
  private static final String ALGORITHM = "HmacSHA256";

  /** What a MAC computed under this key is for; each use has its own key. */
  enum Use {
    /** Format version 1: the journal key itself, for both chain and pseudonyms. */
    LEGACY,
    /** Format version 2 on: the chain key. */
    CHAIN,
    /** Format version 2 on: the pseudonym key. */
    PSEUDONYM
  }

  private final SecretKeySpec key;
  private final SecretKeySpec chainKey;
  private final SecretKeySpec pseudonymKey;
  // Mac instances are not thread-safe and costly to look up: one per thread, key and use.
  private final ThreadLocal<Mac> legacyMacs;
  private final ThreadLocal<Mac> chainMacs;
  private final ThreadLocal<Mac> pseudonymMacs;

  private AuditKey(byte[] bytes) {
    this.key = new SecretKeySpec(bytes, ALGORITHM);
    this.chainKey = derive(bytes, CHAIN_LABEL);
    this.pseudonymKey = derive(bytes, PSEUDONYM_LABEL);
    this.legacyMacs = ThreadLocal.withInitial(() -> newMac(key));
    this.chainMacs = ThreadLocal.withInitial(() -> newMac(chainKey));
    this.pseudonymMacs = ThreadLocal.withInitial(() -> newMac(pseudonymKey));
  }

  private static SecretKeySpec derive(byte[] ikm, String label) {
    byte[] derived =
        Hkdf.sha256(ikm, new byte[0], label.getBytes(StandardCharsets.US_ASCII), LENGTH);
    try {
      return new SecretKeySpec(derived, ALGORITHM);
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }

  private static Mac newMac(SecretKeySpec k) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(k);
      return mac;
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is required of every Java platform.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * A key from bytes the partner keeps elsewhere (a vault). At least {@value #LENGTH} bytes.
   *
   * @param bytes the key material; copied, so the caller may wipe its array
   * @return the key
   * @throws InvalidInputException if shorter
   */
  public static AuditKey of(byte[] bytes) {
    if (bytes == null || bytes.length < LENGTH) {
      throw new InvalidInputException("An audit key has at least " + LENGTH + " bytes");
    }
    return new AuditKey(bytes.clone());
  }

  /**
   * A new random key, from {@link SecureRandom}.
   *
   * @return a fresh key; store it where the journal's auditors can find it
   */
  public static AuditKey generate() {
    byte[] bytes = new byte[LENGTH];
    new SecureRandom().nextBytes(bytes);
    return new AuditKey(bytes);
  }

  /**
   * Where {@code cdap demo} and {@code cdap audit} look for the key by default: {@code
   * ~/.cdapkit/audit.key} ({@code user.home}).
   *
   * @return the default key file's path
   */
  public static Path defaultLocation() {
    return Path.of(System.getProperty("user.home"), ".cdapkit", "audit.key");
  }

  /**
   * Reads the key file.
   *
   * @param file the key file
   * @return the key it holds
   * @throws AuditException if it is missing, unreadable or not a key file, or if its POSIX
   *     permissions let its group or others read or write it (fix with {@code chmod 600})
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
    AuditKey loaded;
    try {
      loaded = of(Base64.getDecoder().decode(text.substring(HEADER.length()).strip()));
    } catch (IllegalArgumentException e) {
      throw new AuditException("Audit key file is damaged: " + file, e);
    }
    requireOwnerOnly(file);
    return loaded;
  }

  /**
   * Refuses a key that others may read: whoever reads it can forge the journal and link its
   * pseudonyms to dossiers, so a warning would come too late. Where the file system has no POSIX
   * permissions (Windows), its ACLs are the partner's to set.
   */
  private static void requireOwnerOnly(Path file) {
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      return;
    } catch (IOException e) {
      throw new AuditException(
          "Audit key file's permissions cannot be read: "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
    Set<PosixFilePermission> others = EnumSet.noneOf(PosixFilePermission.class);
    others.addAll(perms);
    others.removeAll(
        EnumSet.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE));
    if (!others.isEmpty()) {
      throw new AuditException(
          "Audit key file is accessible to others ("
              + PosixFilePermissions.toString(perms)
              + "): "
              + file
              + " — restrict it to its owner (chmod 600) and consider the key exposed");
    }
  }

  /**
   * Reads the key file, or creates it with a new key when it does not exist (and its directory),
   * readable and writable by the owner only where the file system supports POSIX permissions.
   *
   * @param file the key file, created if missing
   * @return the key it holds or the new key
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
   * The pseudonym of a dossier in records of the current format: HMAC-SHA256 of {@code
   * "caf:numéro"} (e.g. {@code "751:9900001"}, UTF-8, numéro on 7 digits) under the pseudonym key
   * ({@link #PSEUDONYM_LABEL}), in lower-case hex. Another sink (a database) uses this method, so
   * that one key names a dossier alike everywhere.
   *
   * @param caf the dossier's CAF
   * @param numero the dossier's numéro allocataire
   * @return the pseudonym in lower-case hex
   */
  public String pseudonym(CafCode caf, NumeroAllocataire numero) {
    return pseudonym(Use.PSEUDONYM, caf, numero);
  }

  /** The pseudonym of a dossier under the key of this use (LEGACY for version-1 records). */
  String pseudonym(Use use, CafCode caf, NumeroAllocataire numero) {
    return HexFormat.of()
        .formatHex(mac(use, (caf.value() + ":" + numero.value()).getBytes(StandardCharsets.UTF_8)));
  }

  /** HMAC-SHA256 of the parts, concatenated, under the key of this use. */
  byte[] mac(Use use, byte[]... parts) {
    Mac mac =
        switch (use) {
          case LEGACY -> legacyMacs.get();
          case CHAIN -> chainMacs.get();
          case PSEUDONYM -> pseudonymMacs.get();
        };
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
