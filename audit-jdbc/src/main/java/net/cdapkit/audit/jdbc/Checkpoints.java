package net.cdapkit.audit.jdbc;

import java.time.Instant;

/** The text a retention checkpoint signs: fixed order, no personal data. */
final class Checkpoints {
  private Checkpoints() {}

  static String statement(String partner, long seq, Instant before) {
    StringBuilder b = new StringBuilder(160).append("{\"checkpoint\":1,\"partner\":\"");
    for (char ch : partner.toCharArray()) {
      if (ch == '"' || ch == '\\' || ch < 0x20) {
        b.append(String.format("\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.append("\",\"lastPurgedSeq\":")
        .append(seq)
        .append(",\"purgedBefore\":\"")
        .append(before)
        .append("\"}")
        .toString();
  }
}
