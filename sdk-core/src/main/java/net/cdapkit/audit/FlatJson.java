package net.cdapkit.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes and reads the journal's flat JSON objects: string, integer, boolean and null values, no
 * nesting. Strict on purpose (duplicate keys, trailing text or other value kinds are refused),
 * since what it reads may have been tampered with.
 */
final class FlatJson {
  private FlatJson() {}

  /** Appends {@code "value"} with JSON escapes; {@code null} as {@code null}. */
  static void string(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    int plain = 0;
    while (plain < value.length() && !needsEscape(value.charAt(plain))) {
      plain++;
    }
    // Most values (codes, instants, hex) need no escape: one bulk copy instead of a char at a time
    // (append(String) copies arrays; append(CharSequence, int, int) goes char by char).
    if (plain == value.length()) {
      out.append(value).append('"');
      return;
    }
    out.append(value, 0, plain);
    for (int i = plain; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029;
  }

  /**
   * Parses one object.
   *
   * @throws IllegalArgumentException if the text is not one flat JSON object; the message never
   *     quotes the text
   */
  static Map<String, Object> parse(String text) {
    Parser p = new Parser(text);
    Map<String, Object> values = p.object();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw new IllegalArgumentException("text after the object at column " + (p.pos + 1));
    }
    return values;
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    Map<String, Object> object() {
      Map<String, Object> values = new LinkedHashMap<>();
      skipSpace();
      expect('{');
      skipSpace();
      if (peek() == '}') {
        pos++;
        return values;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        skipSpace();
        Object value = value();
        if (values.containsKey(key)) {
          throw new IllegalArgumentException("duplicate key at column " + pos);
        }
        values.put(key, value);
        skipSpace();
        char c = next();
        if (c == '}') {
          return values;
        }
        if (c != ',') {
          throw new IllegalArgumentException("expected ',' or '}' at column " + pos);
        }
      }
    }

    private Object value() {
      char c = peek();
      if (c == '"') {
        return string();
      }
      if (c == '-' || (c >= '0' && c <= '9')) {
        int start = pos;
        if (c == '-') {
          pos++;
        }
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
          pos++;
        }
        try {
          return Long.parseLong(s.substring(start, pos));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("malformed integer at column " + (start + 1));
        }
      }
      if (s.startsWith("true", pos)) {
        pos += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("false", pos)) {
        pos += 5;
        return Boolean.FALSE;
      }
      if (s.startsWith("null", pos)) {
        pos += 4;
        return null;
      }
      throw new IllegalArgumentException("unexpected value at column " + (pos + 1));
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw new IllegalArgumentException("control character in a string at column " + pos);
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out.append(e);
            break;
          case 'n':
            out.append('\n');
            break;
          case 'r':
            out.append('\r');
            break;
          case 't':
            out.append('\t');
            break;
          case 'b':
            out.append('\b');
            break;
          case 'f':
            out.append('\f');
            break;
          case 'u':
            if (pos + 4 > s.length()) {
              throw new IllegalArgumentException("truncated escape at column " + pos);
            }
            try {
              out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw new IllegalArgumentException("malformed escape at column " + pos);
            }
            pos += 4;
            break;
          default:
            throw new IllegalArgumentException("unknown escape at column " + pos);
        }
      }
    }

    void skipSpace() {
      while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
        pos++;
      }
    }

    private char peek() {
      if (pos >= s.length()) {
        throw new IllegalArgumentException("unexpected end of line");
      }
      return s.charAt(pos);
    }

    private char next() {
      char c = peek();
      pos++;
      return c;
    }

    private void expect(char c) {
      if (next() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at column " + pos);
      }
    }
  }
}
