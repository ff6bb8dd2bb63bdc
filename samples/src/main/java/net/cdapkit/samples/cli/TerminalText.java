package net.cdapkit.samples.cli;

import java.io.PrintWriter;

/**
 * Neutralises what a server could send to take over a terminal: every control character — C0 (ESC,
 * BEL, backspace, carriage return, newline…), DEL, C1 (8-bit CSI and OSC) — and the Unicode
 * controls that reorder or break text (bidirectional overrides and isolates, line and paragraph
 * separators) are printed as their {@code \}{@code uXXXX} escape. Escape sequences are thereby
 * inert, and JSON output stays valid JSON with the same meaning.
 */
final class TerminalText {
  private TerminalText() {}

  /** Whether the character is printed escaped. */
  static boolean unsafe(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x200e
        || c == 0x200f
        || (c >= 0x2028 && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /** The text with every unsafe character replaced by its escape; {@code null} as "null". */
  static String clean(String text) {
    if (text == null) {
      return "null";
    }
    int i = 0;
    while (i < text.length() && !unsafe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsafe(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A writer over {@code out} that cleans everything printed through it; only the line ends of
   * {@code println} pass as they are. Print server text through it, one line per {@code println}.
   */
  static PrintWriter safe(PrintWriter out) {
    return out instanceof Safe ? out : new Safe(out);
  }

  private static final class Safe extends PrintWriter {
    Safe(PrintWriter out) {
      super(out, true); // each println reaches the terminal as it is printed
    }

    @Override
    public void write(int c) {
      if (unsafe((char) c)) {
        String e = clean(String.valueOf((char) c));
        super.write(e, 0, e.length());
      } else {
        super.write(c);
      }
    }

    @Override
    public void write(char[] buf, int off, int len) {
      write(new String(buf, off, len), 0, len);
    }

    @Override
    public void write(String s, int off, int len) {
      String c = clean(s.substring(off, off + len));
      super.write(c, 0, c.length());
    }
  }
}
