package net.cdapkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyTest {
  @TempDir Path dir;

  @Test
  void loadOrCreate_whenMissing_createsAnOwnerOnlyKeyFileThatLoadsBack() throws Exception {
    Path file = dir.resolve("nested").resolve("audit.key");

    AuditKey created = AuditKey.loadOrCreate(file);
    AuditKey loaded = AuditKey.loadOrCreate(file);

    assertThat(Files.readString(file, StandardCharsets.US_ASCII))
        .startsWith("cdapkit-audit-key-v1 ");
    assertThat(loaded.pseudonym(Records.CAF, Records.NUMERO))
        .isEqualTo(created.pseudonym(Records.CAF, Records.NUMERO));
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void loadOrCreate_whenManyRaceToCreate_allGetTheSameKey() throws Exception {
    Path file = dir.resolve("race").resolve("audit.key");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<String>> seen = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        seen.add(
            pool.submit(() -> AuditKey.loadOrCreate(file).pseudonym(Records.CAF, Records.NUMERO)));
      }
      java.util.Set<String> distinct = new java.util.HashSet<>();
      for (java.util.concurrent.Future<String> f : seen) {
        distinct.add(f.get());
      }
      assertThat(distinct).hasSize(1);
    } finally {
      pool.shutdown();
    }
    try (java.util.stream.Stream<Path> left = Files.list(file.getParent())) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void load_whenMissingOrDamaged_throwsAuditExceptionWithoutTheKey() throws Exception {
    assertThatThrownBy(() -> AuditKey.load(dir.resolve("none.key")))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("cannot be read");
    Path damaged = dir.resolve("damaged.key");
    Files.writeString(damaged, "cdapkit-audit-key-v1 !!!not-base64!!!\n");
    assertThatThrownBy(() -> AuditKey.load(damaged))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("damaged")
        .hasMessageNotContaining("not-base64");
    Path other = dir.resolve("other.key");
    Files.writeString(other, "hello\n");
    assertThatThrownBy(() -> AuditKey.load(other)).isInstanceOf(AuditException.class);
  }

  @Test
  void of_whenShorterThan32Bytes_isRefused() {
    assertThatThrownBy(() -> AuditKey.of(new byte[16])).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void pseudonym_isHmacSha256OfCafColonNumeroUnderTheDerivedPseudonymKey() throws Exception {
    byte[] bytes = new byte[32];
    bytes[0] = 7;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Derived.key(bytes, AuditKey.PSEUDONYM_LABEL), "HmacSHA256"));
    String expected =
        HexFormat.of().formatHex(mac.doFinal("751:0012345".getBytes(StandardCharsets.UTF_8)));

    assertThat(AuditKey.of(bytes).pseudonym(CafCode.of("751"), NumeroAllocataire.of("12345")))
        .isEqualTo(expected)
        .hasSize(64);
  }

  @Test
  void pseudonym_dependsOnKeyCafAndNumero() {
    AuditKey a = AuditKey.generate();
    AuditKey b = AuditKey.generate();
    String p = a.pseudonym(Records.CAF, Records.NUMERO);
    assertThat(p)
        .isNotEqualTo(b.pseudonym(Records.CAF, Records.NUMERO))
        .isNotEqualTo(a.pseudonym(CafCode.of("131"), Records.NUMERO))
        .isNotEqualTo(a.pseudonym(Records.CAF, Records.OTHER))
        .doesNotContain("9900001");
  }

  @Test
  void defaultLocation_isDotCdapkitInTheHomeDirectory() {
    assertThat(AuditKey.defaultLocation())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cdapkit", "audit.key"));
  }

  @Test
  void load_whenTheKeyFileIsReadableByOthers_isRefused(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("audit.key");
    AuditKey.loadOrCreate(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> AuditKey.load(file))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("accessible to others")
        .hasMessageContaining("chmod 600");
    assertThatThrownBy(() -> AuditKey.loadOrCreate(file)).isInstanceOf(AuditException.class);
  }

  @Test
  void loadOrCreate_createsAKeyFileThatLoadAccepts(@TempDir Path tmp) {
    Path file = tmp.resolve("sub").resolve("audit.key");
    AuditKey created = AuditKey.loadOrCreate(file);

    assertThat(AuditKey.load(file).pseudonym(Records.CAF, Records.NUMERO))
        .isEqualTo(created.pseudonym(Records.CAF, Records.NUMERO));
  }
}
