package net.cdapkit.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.cdapkit.internal.AbsentAsEmpty;

/**
 * Reads and writes an Immutables value type of the SDK through its own {@code builder()}, so that
 * the builder's null checks and the type's {@code @Value.Check} run on every decoded value: the
 * generated class is never instantiated around them.
 *
 * <p>The JSON property of an attribute is its accessor's name. Reflection is resolved once, when
 * the adapter is made: decoding is a loop of {@link JsonReader#selectName} and method-handle calls.
 * Unknown properties are skipped. An absent or null {@code Optional} is empty; an absent or null
 * required attribute, a collection the contract requires (all but {@link AbsentAsEmpty} ones), or a
 * value the builder rejects fails with a {@link JsonDataException} naming the type, the attribute
 * and the path, never the value.
 *
 * <p>Attributes are the abstract accessors: a {@code @Value.Default}, {@code @Value.Derived} or
 * {@code @Value.Lazy} method is not abstract and so is not on the wire. No value type has one yet;
 * teach {@link #create} about them before adding one.
 */
final class ValueTypeAdapter<T> extends JsonAdapter<T> {
  private static final MethodType NEW_BUILDER = MethodType.methodType(Object.class);
  private static final MethodType BUILD = MethodType.methodType(Object.class, Object.class);
  private static final MethodType GET = MethodType.methodType(Object.class, Object.class);
  private static final MethodType SET =
      MethodType.methodType(void.class, Object.class, Object.class);

  private final String typeName;
  private final Class<T> type;
  private final MethodHandle newBuilder;
  private final MethodHandle build;
  private final Attribute[] attributes;
  private final JsonReader.Options names;
  private final long requiredMask;

  private ValueTypeAdapter(
      Class<T> type, MethodHandle newBuilder, MethodHandle build, Attribute[] attributes) {
    this.typeName = type.getSimpleName();
    this.type = type;
    this.newBuilder = newBuilder;
    this.build = build;
    this.attributes = attributes;
    String[] jsonNames = new String[attributes.length];
    long mask = 0;
    for (int i = 0; i < attributes.length; i++) {
      jsonNames[i] = attributes[i].name;
      if (attributes[i].required) {
        mask |= 1L << i;
      }
    }
    this.names = JsonReader.Options.of(jsonNames);
    this.requiredMask = mask;
  }

  private enum Kind {
    /** A plain attribute: required on the wire. */
    SINGLE,
    /** An {@code Optional}: absent or null is empty. */
    OPTIONAL,
    /** A {@code List}, {@code Set} or {@code Map}. */
    COLLECTION
  }

  /** One attribute, with everything decoding and encoding it needs, resolved once. */
  private static final class Attribute {
    final String name;
    final Kind kind;
    final boolean required;
    final JsonAdapter<Object> adapter;
    final MethodHandle getter;
    final MethodHandle setter;
    final boolean setterTakesOptional;

    /** Whether the value is read by one of Moshi's built-in adapters (primitives, String). */
    final boolean builtIn;

    final String builtInName;

    Attribute(
        String name,
        Kind kind,
        boolean required,
        JsonAdapter<Object> adapter,
        MethodHandle getter,
        MethodHandle setter,
        boolean setterTakesOptional,
        Class<?> valueRaw) {
      this.name = name;
      this.kind = kind;
      this.required = required;
      this.adapter = adapter;
      this.getter = getter;
      this.setter = setter;
      this.setterTakesOptional = setterTakesOptional;
      Class<?> unwrapped = MethodType.methodType(valueRaw).unwrap().returnType();
      this.builtIn =
          kind != Kind.COLLECTION && (unwrapped.isPrimitive() || valueRaw == String.class);
      this.builtInName = builtIn ? unwrapped.getSimpleName() : null;
    }
  }

  @Override
  public T fromJson(JsonReader reader) throws IOException {
    Object builder = newBuilder();
    long seen = 0;
    long named = 0;
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(names);
      if (index < 0) {
        reader.skipName();
        reader.skipValue();
        continue;
      }
      Attribute attribute = attributes[index];
      if (index < 64 && (named & (1L << index)) != 0) {
        // Which of two values is meant is a guess either way: refused, never resolved silently.
        throw new JsonDataException(
            typeName + "." + attribute.name + " appears twice at " + reader.getPath());
      }
      if (index < 64) {
        named |= 1L << index;
      }
      Object value;
      if (reader.peek() == JsonReader.Token.NULL) {
        value = reader.nextNull();
      } else if (attribute.builtIn) {
        value = readBuiltIn(attribute, reader);
      } else {
        value = attribute.adapter.fromJson(reader);
      }
      if (value == null) {
        if (attribute.kind == Kind.SINGLE) {
          throw new JsonDataException(
              typeName + "." + attribute.name + " must not be null at " + reader.getPath());
        }
        // An absent Optional, or a collection that is empty when absent; required ones stay unseen.
        continue;
      }
      set(builder, attribute, value, reader);
      seen |= 1L << index;
    }
    reader.endObject();
    if ((seen & requiredMask) != requiredMask) {
      throw missing(seen, reader);
    }
    return build(builder, reader);
  }

  @Override
  public void toJson(JsonWriter writer, T value) throws IOException {
    writer.beginObject();
    for (Attribute attribute : attributes) {
      Object v = get(attribute, value);
      if (attribute.kind == Kind.OPTIONAL) {
        Optional<?> optional = (Optional<?>) v;
        if (optional.isEmpty()) {
          continue;
        }
        v = optional.get();
      }
      writer.name(attribute.name);
      attribute.adapter.toJson(writer, v);
    }
    writer.endObject();
  }

  @Override
  public String toString() {
    return "ValueTypeAdapter(" + type.getName() + ")";
  }

  /**
   * Reads a primitive, boxed or string attribute with Moshi's own adapter, whose messages quote the
   * offending number ("Expected an int but was 12.5"); ours say the type instead.
   */
  private Object readBuiltIn(Attribute attribute, JsonReader reader) throws IOException {
    try {
      return attribute.adapter.fromJson(reader);
    } catch (JsonDataException e) {
      throw new JsonDataException(
          "Invalid "
              + typeName
              + "."
              + attribute.name
              + " at "
              + reader.getPath()
              + ": expected "
              + attribute.builtInName
              + " (value not shown)");
    }
  }

  private Object newBuilder() {
    try {
      return (Object) newBuilder.invokeExact();
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private void set(Object builder, Attribute attribute, Object value, JsonReader reader) {
    try {
      attribute.setter.invokeExact(
          builder, attribute.setterTakesOptional ? Optional.of(value) : value);
    } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
      // Immutables' messages name the attribute ("elements element"), never a value.
      throw new JsonDataException(
          "Invalid " + typeName + "." + attribute.name + " at " + reader.getPath());
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private T build(Object builder, JsonReader reader) {
    try {
      return type.cast((Object) build.invokeExact(builder));
    } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
      // The type's own checks name the field and never quote the value; see CdapStyle.
      throw new JsonDataException(
          "Invalid " + typeName + " at " + reader.getPath() + ": " + e.getMessage());
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static Object get(Attribute attribute, Object value) {
    try {
      return (Object) attribute.getter.invokeExact(value);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private JsonDataException missing(long seen, JsonReader reader) {
    for (int i = 0; i < attributes.length; i++) {
      if (attributes[i].required && (seen & (1L << i)) == 0) {
        return new JsonDataException(
            typeName + "." + attributes[i].name + " is required but absent at " + reader.getPath());
      }
    }
    throw new AssertionError("required mask out of step with the attributes");
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new IllegalStateException("Unexpected checked exception from a value type", t);
  }

  /**
   * The abstract value type a class belongs to: itself when it is an abstract class of the SDK with
   * a generated {@code ImmutableX} and a static {@code builder()}, its superclass when it is that
   * generated class, otherwise null. {@code @Value.Immutable} is not retained at run time, hence
   * the look-up of the generated class.
   */
  static Class<?> valueTypeOf(Class<?> raw) {
    if (!raw.getName().startsWith("net.cdapkit.") || raw.isInterface() || raw.isEnum()) {
      return null;
    }
    if (Modifier.isAbstract(raw.getModifiers())) {
      return generatedClassOf(raw) != null && builderMethodOf(raw) != null ? raw : null;
    }
    Class<?> parent = raw.getSuperclass();
    if (parent != null
        && raw.getSimpleName().equals("Immutable" + parent.getSimpleName())
        && valueTypeOf(parent) == parent) {
      return parent;
    }
    return null;
  }

  private static Class<?> generatedClassOf(Class<?> abstractType) {
    if (abstractType.getEnclosingClass() != null) {
      return null;
    }
    try {
      Class<?> generated =
          Class.forName(
              abstractType.getPackageName() + ".Immutable" + abstractType.getSimpleName(),
              false,
              abstractType.getClassLoader());
      return abstractType.isAssignableFrom(generated) ? generated : null;
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static Method builderMethodOf(Class<?> type) {
    try {
      Method m = type.getMethod("builder");
      return Modifier.isStatic(m.getModifiers()) ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** Resolves the attributes, their adapters and method handles of a value type, once. */
  static <T> JsonAdapter<T> create(Class<T> type, Moshi moshi) {
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      Method builderMethod = builderMethodOf(type);
      Class<?> builderClass = builderMethod.getReturnType();
      MethodHandle newBuilder = lookup.unreflect(builderMethod).asType(NEW_BUILDER);
      MethodHandle build = lookup.unreflect(builderClass.getMethod("build")).asType(BUILD);

      List<Method> accessors = accessorsInDeclarationOrder(type);
      if (accessors.size() > Long.SIZE) {
        throw new IllegalArgumentException(type.getName() + " has more than 64 attributes");
      }
      Attribute[] attributes = new Attribute[accessors.size()];
      for (int i = 0; i < attributes.length; i++) {
        attributes[i] = attribute(type, accessors.get(i), builderClass, lookup, moshi);
      }
      return new ValueTypeAdapter<>(type, newBuilder, build, attributes);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          "Cannot make a JSON adapter for " + type.getName() + ": " + e.getMessage(), e);
    }
  }

  /** Abstract accessors, ordered as the generated class declares its fields (the source order). */
  private static List<Method> accessorsInDeclarationOrder(Class<?> type) {
    List<Method> accessors = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isAbstract(m.getModifiers())
          && !Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() == 0
          && m.getReturnType() != void.class) {
        accessors.add(m);
      }
    }
    List<String> fieldOrder = new ArrayList<>();
    for (Field f : generatedClassOf(type).getDeclaredFields()) {
      fieldOrder.add(f.getName());
    }
    // One plain comparator: Comparator's combinators each bootstrap lambdas on a cold JVM.
    accessors.sort(
        (a, b) -> {
          int byField = Integer.compare(rank(fieldOrder, a), rank(fieldOrder, b));
          return byField != 0 ? byField : a.getName().compareTo(b.getName());
        });
    return accessors;
  }

  private static int rank(List<String> fieldOrder, Method accessor) {
    int index = fieldOrder.indexOf(accessor.getName());
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  private static Attribute attribute(
      Class<?> type,
      Method accessor,
      Class<?> builderClass,
      MethodHandles.Lookup lookup,
      Moshi moshi)
      throws ReflectiveOperationException {
    String name = accessor.getName();
    Type genericType = accessor.getGenericReturnType();
    Class<?> raw = accessor.getReturnType();
    Kind kind;
    Type valueType;
    boolean required;
    if (raw == Optional.class) {
      kind = Kind.OPTIONAL;
      valueType = ((ParameterizedType) genericType).getActualTypeArguments()[0];
      required = false;
    } else if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
      kind = Kind.COLLECTION;
      valueType = genericType;
      required = !accessor.isAnnotationPresent(AbsentAsEmpty.class);
    } else {
      kind = Kind.SINGLE;
      valueType = genericType;
      required = true;
    }
    JsonAdapter<Object> adapter = moshi.adapter(valueType);
    Class<?> valueRaw = Types.getRawType(valueType);
    Method setter = setterFor(type, builderClass, name, kind, valueRaw);
    boolean takesOptional = setter.getParameterTypes()[0] == Optional.class;
    return new Attribute(
        name,
        kind,
        required,
        adapter,
        lookup.unreflect(accessor).asType(GET),
        lookup.unreflect(setter).asType(SET),
        takesOptional,
        valueRaw);
  }

  /**
   * The builder method that sets an attribute from a decoded value: the one taking the value itself
   * (for an {@code Optional}, its content; for a collection, an {@code Iterable} or {@code Map}),
   * else an {@code Optional} of it.
   */
  private static Method setterFor(
      Class<?> type, Class<?> builderClass, String name, Kind kind, Class<?> valueRaw)
      throws NoSuchMethodException {
    Method optionalSetter = null;
    for (Method m : builderClass.getMethods()) {
      if (!m.getName().equals(name) || m.getParameterCount() != 1) {
        continue;
      }
      Class<?> parameter = wrap(m.getParameterTypes()[0]);
      if (kind == Kind.COLLECTION) {
        if (parameter == Iterable.class || parameter == Map.class) {
          return m;
        }
      } else if (parameter == Optional.class) {
        optionalSetter = m;
      } else if (parameter.isAssignableFrom(wrap(valueRaw))) {
        return m;
      }
    }
    if (optionalSetter != null) {
      return optionalSetter;
    }
    throw new NoSuchMethodException(
        "no builder method " + name + "(…) for " + type.getSimpleName() + "." + name);
  }

  private static Class<?> wrap(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    return MethodType.methodType(c).wrap().returnType();
  }

  /** Creates the adapter of every value type of the SDK, and of its generated class. */
  static final class Factory implements JsonAdapter.Factory {
    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
      if (!annotations.isEmpty() || !(type instanceof Class)) {
        return null;
      }
      Class<?> raw = (Class<?>) type;
      Class<?> valueType = valueTypeOf(raw);
      if (valueType == null) {
        return null;
      }
      if (valueType != raw) {
        return moshi.adapter(valueType);
      }
      return ValueTypeAdapter.create(valueType, moshi).nullSafe();
    }
  }
}
