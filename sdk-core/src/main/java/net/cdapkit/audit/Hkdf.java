package net.cdapkit.audit;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), the derivation of the journal's sub-keys from the journal key.
 * Written out here because the JDK has no public HKDF before Java 24; its output is checked against
 * the RFC's test vectors.
 */
final class Hkdf {
  private static final String HMAC = "HmacSHA256";
  private static final int HASH_LENGTH = 32;

  private Hkdf() {}

  /**
   * {@code length} bytes of output keying material.
   *
   * @param ikm input keying material (the journal key)
   * @param salt the extract step's salt; empty means {@value #HASH_LENGTH} zero bytes, as the RFC
   *     says
   * @param info the label that makes each derived key distinct
   */
  static byte[] sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
    if (length < 1 || length > 255 * HASH_LENGTH) {
      throw new IllegalArgumentException("HKDF-SHA256 output is 1 to 8160 bytes");
    }
    try {
      Mac extract = Mac.getInstance(HMAC);
      extract.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LENGTH] : salt, HMAC));
      byte[] prk = extract.doFinal(ikm);
      Mac expand = Mac.getInstance(HMAC);
      expand.init(new SecretKeySpec(prk, HMAC));
      byte[] okm = new byte[length];
      byte[] block = new byte[0];
      int done = 0;
      for (int counter = 1; done < length; counter++) {
        expand.update(block);
        expand.update(info);
        expand.update((byte) counter);
        block = expand.doFinal();
        int n = Math.min(block.length, length - done);
        System.arraycopy(block, 0, okm, done, n);
        done += n;
      }
      return okm;
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is required of every Java platform.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
