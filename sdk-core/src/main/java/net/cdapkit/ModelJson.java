package net.cdapkit;

import java.io.IOException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.internal.json.CdapJson;

/**
 * Converts the SDK's value types to and from the contract's JSON, e.g. to export a tab or to keep a
 * golden file in a partner's tests. The output holds personal data when the value does.
 */
public final class ModelJson {
  private ModelJson() {}

  /**
   * The value as the contract's JSON, indented when {@code pretty}.
   *
   * @param value a model value, e.g. a {@code Synthese}
   * @param pretty true for indented output, false for one line
   * @return the JSON text
   */
  public static String toJson(Object value, boolean pretty) {
    if (value == null) {
      throw new InvalidInputException("Value to convert is required");
    }
    @SuppressWarnings("unchecked")
    Class<Object> type = (Class<Object>) modelType(value.getClass());
    var adapter = CdapJson.moshi().adapter(type);
    return (pretty ? adapter.indent("  ") : adapter).toJson(value);
  }

  /**
   * Parses the contract's JSON into a value type.
   *
   * @param <T> the value type
   * @param json the JSON text
   * @param type the model class to read, e.g. {@code Synthese.class}
   * @return the parsed value
   * @throws ProtocolException if the JSON is malformed or lacks a required field
   */
  public static <T> T fromJson(String json, Class<T> type) {
    if (json == null || type == null) {
      throw new InvalidInputException("JSON text and type are required");
    }
    try {
      T value = CdapJson.moshi().adapter(type).fromJson(json);
      if (value == null) {
        throw new ProtocolException("JSON document is null", null, 0, null);
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProtocolException) {
        throw (ProtocolException) e;
      }
      throw new ProtocolException(
          "Malformed JSON for " + type.getSimpleName() + " (content not shown)", null, 0, e);
    }
  }

  /** The public abstract type of a generated value class, e.g. {@code Synthese}. */
  private static Class<?> modelType(Class<?> type) {
    Class<?> c = type;
    while (c != null && c.getSimpleName().startsWith("Immutable")) {
      c = c.getSuperclass();
    }
    return c == null ? type : c;
  }
}
