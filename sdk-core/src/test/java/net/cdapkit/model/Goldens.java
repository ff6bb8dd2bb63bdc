package net.cdapkit.model;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.cdapkit.internal.json.CdapJson;

/**
 * The golden JSON files beside this package's tests, read as text or as a plain tree of maps,
 * lists, strings, doubles and booleans that tests can edit (drop a field, add one, change a value).
 */
final class Goldens {
  private static final JsonAdapter<Object> TREE = CdapJson.moshi().adapter(Object.class);

  private Goldens() {}

  static String read(String file) {
    try (InputStream in = Goldens.class.getResourceAsStream("golden/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("No golden file " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object tree(String json) {
    try {
      return TREE.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String json(Object tree) {
    return TREE.toJson(tree);
  }

  /** A deep, mutable copy of the golden's tree with one edit applied. */
  static String edited(String file, Consumer<Object> edit) {
    Object tree = tree(read(file));
    edit.accept(tree);
    return json(tree);
  }

  /**
   * The object holding the last segment of a path such as {@code elements[0].montant}, and that
   * segment's key.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parentOf(Object tree, String path) {
    String[] segments = path.split("\\.");
    Object node = tree;
    for (int i = 0; i < segments.length - 1; i++) {
      node = step(node, segments[i]);
    }
    String last = segments[segments.length - 1];
    if (last.contains("[")) {
      throw new IllegalArgumentException("A path must end with a key: " + path);
    }
    return (Map<String, Object>) node;
  }

  static String lastKey(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  @SuppressWarnings("unchecked")
  private static Object step(Object node, String segment) {
    int bracket = segment.indexOf('[');
    if (bracket < 0) {
      return ((Map<String, Object>) node).get(segment);
    }
    Object list = ((Map<String, Object>) node).get(segment.substring(0, bracket));
    int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
    return ((List<Object>) list).get(index);
  }

  /**
   * Adds {@code key: value} to every object of the tree, however deep, except the string maps that
   * the contract types as {@code additionalProperties} (an error's {@code meta}): there a new key
   * is an entry, not an unknown field.
   */
  @SuppressWarnings("unchecked")
  static void addEverywhere(Object node, String key, Object value) {
    if (node instanceof Map) {
      Map<String, Object> map = (Map<String, Object>) node;
      for (Map.Entry<String, Object> child : new ArrayList<>(map.entrySet())) {
        if (!child.getKey().equals("meta")) {
          addEverywhere(child.getValue(), key, value);
        }
      }
      map.put(key, value);
    } else if (node instanceof List) {
      for (Object child : (List<Object>) node) {
        addEverywhere(child, key, value);
      }
    }
  }

  /**
   * Every string value of the tree whose key is in {@code keys}, except under an object whose key
   * is in {@code exceptUnder}.
   */
  @SuppressWarnings("unchecked")
  static List<String> valuesOf(Object node, List<String> keys, List<String> exceptUnder) {
    List<String> found = new ArrayList<>();
    if (node instanceof Map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) node).entrySet()) {
        if (exceptUnder.contains(e.getKey())) {
          continue;
        }
        if (keys.contains(e.getKey()) && e.getValue() instanceof String) {
          found.add((String) e.getValue());
        }
        found.addAll(valuesOf(e.getValue(), keys, exceptUnder));
      }
    } else if (node instanceof List) {
      for (Object child : (List<Object>) node) {
        found.addAll(valuesOf(child, keys, exceptUnder));
      }
    }
    return found;
  }

  /** A mutable map for building small trees in tests. */
  static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
