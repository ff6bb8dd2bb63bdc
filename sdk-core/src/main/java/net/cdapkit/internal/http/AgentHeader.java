package net.cdapkit.internal.http;

import java.nio.charset.StandardCharsets;

/** The agent's identifier as the {@code X-Cdap-Agent} header carries it. */
public final class AgentHeader {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private AgentHeader() {}

  /**
   * Percent-encodes (UTF-8) every character but {@code A-Z a-z 0-9 - . _ ~ @ +}: a header value
   * must be printable ASCII, and an agent's login may not be.
   *
   * @param login the agent's login, as the server gave it
   * @return the header value
   */
  public static String encode(String login) {
    StringBuilder b = new StringBuilder(login.length());
    for (byte c : login.getBytes(StandardCharsets.UTF_8)) {
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '@'
          || c == '+') {
        b.append((char) c);
      } else {
        b.append('%').append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
      }
    }
    return b.toString();
  }
}
