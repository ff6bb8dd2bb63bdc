package net.cdapkit.testkit.internal.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the subset of YAML the contract document is written in: block mappings and sequences, flow
 * mappings and sequences, single- and double-quoted and plain scalars, literal and folded block
 * scalars, comments. Scalars stay strings, except unquoted {@code true}/{@code false} (Boolean),
 * integers (Long) and {@code null}/{@code ~}. Anything else (anchors, tags, multi-line plain
 * scalars, several documents) fails with the line number, rather than being misread: the contract
 * is this project's own file, and a parser of its own keeps the test kit free of a YAML dependency
 * on partners' classpaths.
 */
public final class Yaml {
  private final List<String> lines = new ArrayList<>();
  private int index;

  private Yaml(String text) {
    for (String raw : text.split("\r?\n", -1)) {
      lines.add(raw);
    }
  }

  public static Object parse(String text) {
    Yaml y = new Yaml(text);
    y.skipBlank();
    if (y.index >= y.lines.size()) {
      return null;
    }
    Object root = y.block(indent(y.lines.get(y.index)));
    y.skipBlank();
    if (y.index < y.lines.size()) {
      throw y.error("unexpected content");
    }
    return root;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("YAML line " + (index + 1) + ": " + what);
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static boolean blank(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#");
  }

  private void skipBlank() {
    while (index < lines.size() && blank(lines.get(index))) {
      index++;
    }
  }

  /** A block node whose lines are indented exactly {@code indent}. */
  private Object block(int indent) {
    skipBlank();
    String line = lines.get(index);
    String content = stripComment(line.substring(indent));
    if (content.equals("-") || content.startsWith("- ")) {
      return sequence(indent);
    }
    return mapping(indent, null);
  }

  private List<Object> sequence(int indent) {
    List<Object> list = new ArrayList<>();
    while (true) {
      skipBlank();
      if (index >= lines.size()) {
        return list;
      }
      String line = lines.get(index);
      int ind = indent(line);
      String content = stripComment(line.substring(Math.min(ind, line.length())));
      if (ind < indent || !(content.equals("-") || content.startsWith("- "))) {
        if (ind > indent) {
          throw error("bad indentation in a sequence");
        }
        return list;
      }
      String rest = content.equals("-") ? "" : content.substring(2).strip();
      if (rest.isEmpty()) {
        index++;
        skipBlank();
        list.add(
            index < lines.size() && indent(lines.get(index)) > indent
                ? block(indent(lines.get(index)))
                : null);
      } else if (isKeyLine(rest)) {
        // "- key: value" opens a mapping whose keys are aligned after the dash.
        list.add(mapping(ind + 2, rest));
      } else {
        index++;
        list.add(value(rest, ind));
      }
    }
  }

  private static boolean isKeyLine(String s) {
    if (s.startsWith("{") || s.startsWith("[")) {
      return false;
    }
    return keyEnd(s) >= 0;
  }

  /** The index of the ':' ending a key at the start of s, or -1. */
  private static int keyEnd(String s) {
    int i = 0;
    if (s.startsWith("'") || s.startsWith("\"")) {
      char q = s.charAt(0);
      i = 1;
      while (i < s.length() && s.charAt(i) != q) {
        i += s.charAt(i) == '\\' && q == '"' ? 2 : 1;
      }
      i++;
      return i < s.length() && s.charAt(i) == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')
          ? i
          : -1;
    }
    for (; i < s.length(); i++) {
      if (s.charAt(i) == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A block mapping at {@code indent}; {@code first} is the content of a first line already started
   * after a sequence dash, or null.
   */
  private Map<String, Object> mapping(int indent, String first) {
    Map<String, Object> map = new LinkedHashMap<>();
    boolean firstLine = first != null;
    while (true) {
      String content;
      int ind;
      if (firstLine) {
        content = first;
        ind = indent;
        firstLine = false;
      } else {
        skipBlank();
        if (index >= lines.size()) {
          return map;
        }
        String line = lines.get(index);
        ind = indent(line);
        if (ind < indent) {
          return map;
        }
        if (ind > indent) {
          throw error("bad indentation in a mapping");
        }
        content = stripComment(line.substring(ind));
        if (content.startsWith("- ")) {
          return map;
        }
      }
      int colon = keyEnd(content);
      if (colon < 0) {
        throw error("expected 'key: value'");
      }
      String key = unquote(content.substring(0, colon).strip());
      String rest = content.substring(colon + 1).strip();
      index++;
      Object value;
      if (rest.isEmpty()) {
        skipBlank();
        if (index < lines.size() && indent(lines.get(index)) > indent) {
          value = block(indent(lines.get(index)));
        } else if (index < lines.size()
            && indent(lines.get(index)) == indent
            && stripComment(lines.get(index).substring(indent)).startsWith("- ")) {
          value = sequence(indent);
        } else {
          value = null;
        }
      } else {
        value = value(rest, indent);
      }
      if (map.put(key, value) != null) {
        throw error("duplicate key");
      }
    }
  }

  /** The value after "key:" or "- ", the current line already consumed. */
  private Object value(String rest, int parentIndent) {
    if (rest.equals("|") || rest.equals("|-") || rest.equals(">") || rest.equals(">-")) {
      return blockScalar(rest.startsWith(">"), rest.endsWith("-"), parentIndent);
    }
    if (rest.startsWith("{") || rest.startsWith("[")) {
      StringBuilder flow = new StringBuilder(rest);
      while (!balanced(flow)) {
        if (index >= lines.size()) {
          throw error("unterminated flow collection");
        }
        flow.append(' ').append(stripComment(lines.get(index).strip()));
        index++;
      }
      Flow f = new Flow(flow.toString());
      Object v = f.value();
      f.skipSpaces();
      if (f.pos != f.s.length()) {
        throw error("content after a flow collection");
      }
      return v;
    }
    if (rest.startsWith("&") || rest.startsWith("*") || rest.startsWith("!")) {
      // The current line was already consumed: it is line number 'index'.
      throw new IllegalArgumentException(
          "YAML line " + index + ": anchors, aliases and tags are not supported");
    }
    return scalar(rest, true);
  }

  private static boolean balanced(CharSequence s) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if ((c == '\'' || c == '"') && startsScalar(s, i)) {
        quote = c;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return depth == 0;
  }

  /** Whether a quote at i opens a quoted scalar: only at the start of a flow token. */
  private static boolean startsScalar(CharSequence s, int i) {
    int j = i - 1;
    while (j >= 0 && s.charAt(j) == ' ') {
      j--;
    }
    return j < 0 || "{[,:".indexOf(s.charAt(j)) >= 0;
  }

  private String blockScalar(boolean folded, boolean strip, int parentIndent) {
    List<String> out = new ArrayList<>();
    int blockIndent = -1;
    while (index < lines.size()) {
      String line = lines.get(index);
      if (line.strip().isEmpty()) {
        out.add("");
        index++;
        continue;
      }
      int ind = indent(line);
      if (ind <= parentIndent) {
        break;
      }
      if (blockIndent < 0) {
        blockIndent = ind;
      }
      if (ind < blockIndent) {
        break;
      }
      out.add(line.substring(blockIndent));
      index++;
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    String text = String.join(folded ? " " : "\n", out);
    return strip ? text : text + "\n";
  }

  /** Removes a comment: '#' after a space, outside quotes. */
  private static String stripComment(String s) {
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        if (i == 0 || " [{,:".indexOf(s.charAt(i - 1)) >= 0) {
          quote = c;
        }
      } else if (c == '#' && (i == 0 || s.charAt(i - 1) == ' ')) {
        return s.substring(0, i).stripTrailing();
      }
    }
    return s.stripTrailing();
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
      return s.substring(1, s.length() - 1).replace("''", "'");
    }
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return unescape(s.substring(1, s.length() - 1));
    }
    return s;
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(
            switch (n) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> n;
            });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static Object scalar(String s, boolean plainTyped) {
    if (s.startsWith("'") || s.startsWith("\"")) {
      return unquote(s);
    }
    if (!plainTyped) {
      return s;
    }
    switch (s) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "null":
      case "~":
        return null;
      default:
        break;
    }
    if (s.matches("-?[0-9]{1,18}")) {
      return Long.parseLong(s);
    }
    return s;
  }

  /** A flow collection on one logical line. */
  private static final class Flow {
    public final String s;
    public int pos;

    public Flow(String s) {
      this.s = s;
    }

    public void skipSpaces() {
      while (pos < s.length() && s.charAt(pos) == ' ') {
        pos++;
      }
    }

    public IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "YAML flow collection, column " + (pos + 1) + ": " + what);
    }

    public Object value() {
      skipSpaces();
      if (pos >= s.length()) {
        throw error("value expected");
      }
      char c = s.charAt(pos);
      if (c == '{') {
        return map();
      }
      if (c == '[') {
        return list();
      }
      if (c == '\'' || c == '"') {
        return quoted();
      }
      return scalar(plain(), true);
    }

    public String quoted() {
      char q = s.charAt(pos);
      int start = pos;
      pos++;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == q) {
          if (q == '\'' && pos + 1 < s.length() && s.charAt(pos + 1) == '\'') {
            pos += 2;
            continue;
          }
          pos++;
          return unquote(s.substring(start, pos));
        }
        pos += c == '\\' && q == '"' ? 2 : 1;
      }
      throw error("unterminated quoted scalar");
    }

    /** A plain scalar: up to ',', '}', ']' or ': '. */
    public String plain() {
      int start = pos;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ',' || c == '}' || c == ']') {
          break;
        }
        if (c == ':' && (pos + 1 == s.length() || " ,}]".indexOf(s.charAt(pos + 1)) >= 0)) {
          break;
        }
        pos++;
      }
      return s.substring(start, pos).strip();
    }

    public Map<String, Object> map() {
      Map<String, Object> map = new LinkedHashMap<>();
      pos++;
      while (true) {
        skipSpaces();
        if (pos < s.length() && s.charAt(pos) == '}') {
          pos++;
          return map;
        }
        String key = s.charAt(pos) == '\'' || s.charAt(pos) == '"' ? quoted() : plain();
        skipSpaces();
        Object value = null;
        if (pos < s.length() && s.charAt(pos) == ':') {
          pos++;
          skipSpaces();
          if (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != '}') {
            value = value();
          }
        }
        // A key without ':' is a key with a null value, as YAML reads it.
        map.put(key, value);
        skipSpaces();
        if (pos >= s.length()) {
          throw error("unterminated flow mapping");
        }
        char c = s.charAt(pos);
        if (c == ',') {
          pos++;
        } else if (c != '}') {
          throw error("',' or '}' expected");
        }
      }
    }

    public List<Object> list() {
      List<Object> list = new ArrayList<>();
      pos++;
      while (true) {
        skipSpaces();
        if (pos < s.length() && s.charAt(pos) == ']') {
          pos++;
          return list;
        }
        list.add(value());
        skipSpaces();
        if (pos >= s.length()) {
          throw error("unterminated flow sequence");
        }
        char c = s.charAt(pos);
        if (c == ',') {
          pos++;
        } else if (c != ']') {
          throw error("',' or ']' expected");
        }
      }
    }
  }
}
