package net.cdapkit.audit;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The derivation the README documents, written out in the tests on their own: HKDF-SHA256 with no
 * salt and one output block, PRK = HMAC(32 zero bytes, key), OKM = HMAC(PRK, label ‖ 0x01).
 */
final class Derived {
  private Derived() {}

  static byte[] key(byte[] journalKey, String label) throws Exception {
    Mac extract = Mac.getInstance("HmacSHA256");
    extract.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    byte[] prk = extract.doFinal(journalKey);
    Mac expand = Mac.getInstance("HmacSHA256");
    expand.init(new SecretKeySpec(prk, "HmacSHA256"));
    expand.update(label.getBytes(StandardCharsets.US_ASCII));
    expand.update((byte) 1);
    return expand.doFinal();
  }
}
