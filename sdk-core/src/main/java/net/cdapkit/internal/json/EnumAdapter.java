package net.cdapkit.internal.json;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import net.cdapkit.capability.Tab;

/**
 * An SDK enum on the wire. The JSON name of a constant is its {@link Json#name()} when annotated,
 * {@link Tab#wireName()} for tabs, its Java name otherwise.
 *
 * <p>The contract says servers may add values. An enum with an {@code UNKNOWN} constant decodes a
 * value it does not know to {@code UNKNOWN}; one without fails here, and is skipped by {@link
 * CollectionFactory} inside a list or set. Encoding {@code UNKNOWN} fails: it stands for a value
 * the SDK could not read, so writing it back would invent one.
 */
final class EnumAdapter<E extends Enum<E>> extends JsonAdapter<E> {
  private static final String UNKNOWN = "UNKNOWN";

  private final Class<E> type;
  private final E[] constants;
  private final String[] jsonNames;
  private final JsonReader.Options options;
  private final Map<String, E> byName;
  private final E unknown;

  private EnumAdapter(Class<E> type) {
    this.type = type;
    this.constants = type.getEnumConstants();
    this.jsonNames = new String[constants.length];
    this.byName = new HashMap<>();
    E unknownConstant = null;
    for (E constant : constants) {
      String jsonName = jsonName(type, constant);
      jsonNames[constant.ordinal()] = jsonName;
      byName.put(jsonName, constant);
      if (constant.name().equals(UNKNOWN)) {
        unknownConstant = constant;
      }
    }
    this.options = JsonReader.Options.of(jsonNames);
    this.unknown = unknownConstant;
  }

  /** Whether this layer owns the JSON form of the type: every enum of the SDK. */
  static boolean handles(Class<?> raw) {
    return raw.isEnum() && raw.getName().startsWith("net.cdapkit.");
  }

  static <E extends Enum<E>> EnumAdapter<E> of(Class<E> type) {
    return new EnumAdapter<>(type);
  }

  /** For an unchecked {@code Class<?>} already known to be an SDK enum. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static EnumAdapter<?> ofRaw(Class<?> type) {
    return new EnumAdapter(type);
  }

  private static <E extends Enum<E>> String jsonName(Class<E> type, E constant) {
    if (constant instanceof Tab) {
      return ((Tab) constant).wireName();
    }
    try {
      Json json = type.getField(constant.name()).getAnnotation(Json.class);
      return json != null ? json.name() : constant.name();
    } catch (NoSuchFieldException e) {
      throw new AssertionError("Enum constant without its field", e);
    }
  }

  /** The constant, {@code UNKNOWN} for a value it does not know, or null if it has no UNKNOWN. */
  E fromJsonOrNull(JsonReader reader) throws IOException {
    int index = reader.selectString(options);
    if (index >= 0) {
      return constants[index];
    }
    String text = reader.nextString();
    E constant = byName.get(text);
    if (constant == null && type == Tab.class) {
      constant = type.cast(Tab.fromName(text).orElse(null));
    }
    return constant != null ? constant : unknown;
  }

  @Override
  public E fromJson(JsonReader reader) throws IOException {
    E constant = fromJsonOrNull(reader);
    if (constant == null) {
      throw new JsonDataException(
          "Unknown "
              + type.getSimpleName()
              + " value at "
              + reader.getPath()
              + " (value not shown)");
    }
    return constant;
  }

  @Override
  public void toJson(JsonWriter writer, E value) throws IOException {
    if (value == unknown) {
      throw new JsonDataException(
          "Cannot encode "
              + type.getSimpleName()
              + ".UNKNOWN at "
              + writer.getPath()
              + ": it stands for a value this SDK could not read");
    }
    writer.value(jsonNames[value.ordinal()]);
  }

  @Override
  public String toString() {
    return "EnumAdapter(" + type.getName() + ")";
  }

  /** Creates the adapter of every SDK enum. */
  static final class Factory implements JsonAdapter.Factory {
    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
      if (!annotations.isEmpty()) {
        return null;
      }
      Class<?> raw = Types.getRawType(type);
      return handles(raw) ? ofRaw(raw).nullSafe() : null;
    }
  }
}
