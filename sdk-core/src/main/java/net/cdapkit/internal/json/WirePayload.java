package net.cdapkit.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A wire record whose required fields are checked right after Moshi decodes it: Moshi's record
 * adapter leaves an absent field null, and a null that travels on fails far from its cause.
 */
interface WirePayload {
  /**
   * Throws a {@link JsonDataException} naming the first required field that is absent.
   *
   * <p>Not done in the canonical constructor: the SDK builds requests with it too, and Moshi turns
   * any exception thrown there into an {@link AssertionError}.
   */
  void validate();

  /** Fails with a message naming {@code field}, never a value, when {@code value} is null. */
  static void require(Object value, String field) {
    if (value == null) {
      throw new JsonDataException(field + " is required but absent");
    }
  }

  /** An unmodifiable copy keeping null elements (they are the caller's to skip), or null. */
  static <E> List<E> copy(List<E> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** An unmodifiable copy, or null. */
  static <K, V> Map<K, V> copy(Map<K, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** Wraps Moshi's record adapter of every wire record with {@link #validate()}. */
  final class Factory implements JsonAdapter.Factory {
    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
      if (!WirePayload.class.isAssignableFrom(Types.getRawType(type))) {
        return null;
      }
      JsonAdapter<WirePayload> delegate = moshi.nextAdapter(this, type, annotations);
      return new JsonAdapter<WirePayload>() {
        @Override
        public WirePayload fromJson(JsonReader reader) throws IOException {
          WirePayload value = delegate.fromJson(reader);
          if (value != null) {
            try {
              value.validate();
            } catch (JsonDataException e) {
              throw new JsonDataException(e.getMessage() + " at " + reader.getPath());
            }
          }
          return value;
        }

        @Override
        public void toJson(JsonWriter writer, WirePayload value) throws IOException {
          delegate.toJson(writer, value);
        }

        @Override
        public String toString() {
          return delegate + ".validated()";
        }
      };
    }
  }
}
