package net.cdapkit.internal.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh {@code X-Request-Id} values, shaped as random (version 4) UUIDs. A request id only
 * correlates the client's and the server's logs of one attempt: it is neither a secret nor a key,
 * so it comes from {@link ThreadLocalRandom} rather than {@code UUID.randomUUID()}, whose {@code
 * SecureRandom} is shared by every thread and costs a system read per id. Idempotency keys, which
 * must never collide between nodes, keep {@code UUID.randomUUID()}.
 */
final class RequestIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RequestIds() {}

  static String fresh() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    char[] out = new char[36];
    hex(out, 0, high >>> 32, 8);
    out[8] = '-';
    hex(out, 9, high >>> 16, 4);
    out[13] = '-';
    hex(out, 14, high, 4);
    out[18] = '-';
    hex(out, 19, low >>> 48, 4);
    out[23] = '-';
    hex(out, 24, low, 12);
    return new String(out);
  }

  private static void hex(char[] out, int at, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
  }
}
