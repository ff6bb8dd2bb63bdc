package net.cdapkit.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists and sets of SDK enums, tolerant of values the SDK does not know: a habilitation the server
 * added later (a new tab, a new action) must not make the whole session unreadable. Unknown values
 * and nulls are skipped for enums without {@code UNKNOWN}, decoded to {@code UNKNOWN} otherwise.
 */
final class CollectionFactory implements JsonAdapter.Factory {
  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || !(type instanceof ParameterizedType)) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (raw != List.class && raw != Set.class && raw != Collection.class) {
      return null;
    }
    Class<?> element = Types.getRawType(Types.collectionElementType(type, Collection.class));
    if (!EnumAdapter.handles(element)) {
      return null;
    }
    return new LenientEnumCollectionAdapter<>(EnumAdapter.ofRaw(element), raw == Set.class)
        .nullSafe();
  }

  private static final class LenientEnumCollectionAdapter<E extends Enum<E>>
      extends JsonAdapter<Collection<E>> {
    private final EnumAdapter<E> element;
    private final boolean set;

    LenientEnumCollectionAdapter(EnumAdapter<E> element, boolean set) {
      this.element = element;
      this.set = set;
    }

    @Override
    public Collection<E> fromJson(JsonReader reader) throws IOException {
      Collection<E> result = set ? new LinkedHashSet<>() : new ArrayList<>();
      reader.beginArray();
      while (reader.hasNext()) {
        if (reader.peek() == JsonReader.Token.NULL) {
          reader.skipValue();
          continue;
        }
        E value = element.fromJsonOrNull(reader);
        if (value != null) {
          result.add(value);
        }
      }
      reader.endArray();
      return result;
    }

    @Override
    public void toJson(JsonWriter writer, Collection<E> value) throws IOException {
      writer.beginArray();
      for (E e : value) {
        element.toJson(writer, e);
      }
      writer.endArray();
    }
  }
}
