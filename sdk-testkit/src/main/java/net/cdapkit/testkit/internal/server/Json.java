package net.cdapkit.testkit.internal.server;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * The simulator's own JSON, written with Moshi's streaming {@link JsonWriter} from plain trees
 * ({@link Obj}, {@link List}, {@link String}, {@link Boolean}, {@link Integer}, {@link Long}), and
 * read with its {@link JsonReader}. Deliberately shares nothing with the SDK's JSON layer: the
 * simulator checks the client against the contract, not against itself.
 */
public final class Json {
  private Json() {}

  /** An ordered JSON object whose {@code put} skips absent values. */
  public static final class Obj {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Obj put(String name, Object value) {
      if (value != null) {
        fields.put(name, value);
      }
      return this;
    }

    public Map<String, Object> fields() {
      return fields;
    }
  }

  public static Obj obj() {
    return new Obj();
  }

  public static byte[] write(Object tree) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      writeValue(writer, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  private static void writeValue(JsonWriter w, Object v) throws IOException {
    if (v instanceof Obj o) {
      w.beginObject();
      for (Map.Entry<String, Object> e : o.fields().entrySet()) {
        w.name(e.getKey());
        writeValue(w, e.getValue());
      }
      w.endObject();
    } else if (v instanceof Map<?, ?> map) {
      w.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        w.name((String) e.getKey());
        writeValue(w, e.getValue());
      }
      w.endObject();
    } else if (v instanceof List<?> list) {
      w.beginArray();
      for (Object item : list) {
        writeValue(w, item);
      }
      w.endArray();
    } else if (v instanceof String s) {
      w.value(s);
    } else if (v instanceof Boolean b) {
      w.value(b.booleanValue());
    } else if (v instanceof Integer || v instanceof Long) {
      w.value(((Number) v).longValue());
    } else if (v instanceof BigDecimal d) {
      w.value(d);
    } else if (v == null) {
      w.nullValue();
    } else {
      throw new IllegalArgumentException("Unsupported JSON value type " + v.getClass().getName());
    }
  }

  /**
   * Parses a request body into maps, lists, strings, doubles, booleans and nulls.
   *
   * @throws ApiError 00400 if the body is empty or not one well-formed JSON document, or if an
   *     object names a field twice
   */
  public static Object parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw ApiError.badRequest("Le corps de la requête est obligatoire (JSON).");
    }
    try {
      return readDocument(body, Reading.REQUEST);
    } catch (TrailingDocument e) {
      throw ApiError.badRequest("Le corps de la requête contient plusieurs documents JSON.");
    } catch (JsonDataException | IOException e) {
      throw ApiError.badRequest("Le corps de la requête n'est pas un JSON valide.");
    }
  }

  /**
   * Parses any JSON document into maps, lists, strings, {@link BigDecimal} numbers (written back as
   * they came), booleans and nulls, to inspect or rewrite an answer.
   *
   * @throws IllegalArgumentException if the bytes are not one well-formed JSON document; the
   *     message never quotes them
   */
  public static Object parseTree(byte[] body) {
    try {
      return readDocument(body, Reading.TREE);
    } catch (TrailingDocument e) {
      throw new IllegalArgumentException("more than one JSON document");
    } catch (JsonDataException | IOException e) {
      throw new IllegalArgumentException("not well-formed JSON");
    }
  }

  /**
   * How a document is read: a client's request strictly (a field named twice is refused, numbers
   * are doubles), an answer as it is (numbers kept exactly, to be written back unchanged).
   */
  private enum Reading {
    REQUEST,
    TREE
  }

  /** Thrown when one document is followed by another. */
  private static final class TrailingDocument extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static Object readDocument(byte[] body, Reading reading) throws IOException {
    try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
      Object value = readValue(reader, reading);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new TrailingDocument();
      }
      return value;
    }
  }

  private static Object readValue(JsonReader r, Reading reading) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        r.beginObject();
        while (r.hasNext()) {
          String name = r.nextName();
          if (reading == Reading.REQUEST && map.containsKey(name)) {
            throw ApiError.badRequest("Le champ '" + name + "' apparaît deux fois.");
          }
          map.put(name, readValue(r, reading));
        }
        r.endObject();
        return map;
      }
      case BEGIN_ARRAY -> {
        List<Object> list = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
          list.add(readValue(r, reading));
        }
        r.endArray();
        return list;
      }
      case NUMBER -> {
        return reading == Reading.REQUEST ? r.nextDouble() : new BigDecimal(r.nextString());
      }
      case STRING -> {
        return r.nextString();
      }
      case BOOLEAN -> {
        return r.nextBoolean();
      }
      case NULL -> {
        return r.nextNull();
      }
      default -> throw new IOException("unexpected token");
    }
  }

  /** The body as a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(byte[] body) {
    Object value = parse(body);
    if (!(value instanceof Map)) {
      throw ApiError.badRequest("Le corps de la requête doit être un objet JSON.");
    }
    return (Map<String, Object>) value;
  }

  /**
   * A required string field of 1 to {@code max} characters.
   *
   * @throws ApiError 00400 naming the field, never quoting its value
   */
  public static String requiredString(Map<String, Object> body, String field, int max) {
    Object v = body.get(field);
    if (v == null) {
      throw ApiError.badRequest("Le champ '" + field + "' est obligatoire.");
    }
    if (!(v instanceof String s)) {
      throw ApiError.badRequest("Le champ '" + field + "' doit être une chaîne.");
    }
    int length = s.codePointCount(0, s.length());
    if (length < 1 || length > max) {
      throw ApiError.badRequest(
          "Le champ '" + field + "' doit contenir de 1 à " + max + " caractères.");
    }
    return s;
  }

  /** An optional string field: absent or null gives null. */
  public static String optionalString(Map<String, Object> body, String field) {
    Object v = body.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw ApiError.badRequest("Le champ '" + field + "' doit être une chaîne.");
    }
    return s;
  }
}
