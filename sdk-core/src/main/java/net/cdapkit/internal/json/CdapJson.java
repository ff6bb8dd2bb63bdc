package net.cdapkit.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The SDK's one Moshi, configured for the contract: amounts, dates and identifiers as strings,
 * tolerant enums, the Immutables value types through their builders, and the wire records. Not API.
 *
 * <p>Moshi is immutable and thread-safe, and caches its adapters: share {@link #moshi()}, never
 * build another. Decoding failures are {@link JsonDataException}s whose messages carry the type,
 * the field and the path, never a value.
 */
public final class CdapJson {
  private static final Moshi MOSHI = newMoshi();

  private CdapJson() {}

  private static Moshi newMoshi() {
    Moshi.Builder builder = new Moshi.Builder();
    Scalars.register(builder);
    return builder
        .add(new EnumAdapter.Factory())
        .add(new CollectionFactory())
        .add(new ValueTypeAdapter.Factory())
        .add(new WirePayload.Factory())
        .build();
  }

  /** The shared, fully configured Moshi. */
  public static Moshi moshi() {
    return MOSHI;
  }

  /**
   * Decodes a whole JSON document.
   *
   * @throws JsonDataException if the document is malformed, {@code null}, not fully consumed, or
   *     does not fit the type
   */
  public static <T> T decode(Class<T> type, String json) {
    try {
      return decode(type, new Buffer().writeUtf8(json));
    } catch (IOException e) {
      // Reading memory cannot fail: this is malformed or truncated JSON. Moshi's syntax messages
      // name a path, never the text.
      throw new JsonDataException(
          "Malformed JSON for " + type.getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * Decodes a whole JSON document from a source, e.g. a response body.
   *
   * @throws IOException if reading fails or the JSON is malformed ({@link JsonEncodingException})
   * @throws JsonDataException if the document is {@code null}, not fully consumed, or does not fit
   *     the type
   */
  public static <T> T decode(Class<T> type, BufferedSource source) throws IOException {
    JsonReader reader = JsonReader.of(source);
    T value = MOSHI.adapter(type).fromJson(reader);
    if (value == null) {
      throw new JsonDataException("Expected " + type.getSimpleName() + " but the body is null");
    }
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new JsonDataException("JSON document was not fully consumed");
    }
    return value;
  }

  /** Encodes a value as compact JSON. */
  public static <T> String encode(Class<T> type, T value) {
    JsonAdapter<T> adapter = MOSHI.adapter(type);
    return adapter.toJson(value);
  }
}
