package example.boot;

/** Reads the Kotlin standard library's version without compiling against Kotlin. */
final class KotlinVersionProbe {
  private KotlinVersionProbe() {}

  static String current() {
    try {
      return String.valueOf(Class.forName("kotlin.KotlinVersion").getField("CURRENT").get(null));
    } catch (ReflectiveOperationException e) {
      return "unknown";
    }
  }
}
