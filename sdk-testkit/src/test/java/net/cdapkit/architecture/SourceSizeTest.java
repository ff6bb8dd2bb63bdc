package net.cdapkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.cdapkit.testkit.SyntheticDossier;
import org.junit.jupiter.api.Test;

/**
 * Keeps every main source file of the test kit reviewable in one sitting, as in sdk-core: at most
 * 500 lines, a longer file being split by responsibility.
 *
 * <p>One declared exception, {@code SyntheticDossier}: the public record a fixture builds and the
 * 33 value types it is made of (15 enums, 18 records, each documented and checked). They are nested
 * so that {@code SyntheticDossier.Paiement} stays apart from {@code net.cdapkit.model .Paiement} in
 * a partner's test that compares the two, and splitting the file would rename 33 public types
 * released in 0.2.0. The file holds declarations only, which the second test keeps true, and its
 * cap keeps it from growing.
 */
class SourceSizeTest {
  private static final int MAX_LINES = 500;
  private static final Map<String, Integer> DECLARED_EXCEPTIONS =
      Map.of("net/cdapkit/testkit/SyntheticDossier.java", 700);

  @Test
  void mainSources_whenCounted_haveAtMost500LinesEach_butTheDeclaredExceptions()
      throws IOException {
    Path main = Path.of("src", "main", "java");
    assertThat(main).isDirectory();
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(main)) {
      tooLong =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> lines(f) > limit(main.relativize(f)))
              .map(f -> main.relativize(f) + " (" + lines(f) + " lines)")
              .toList();
    }
    assertThat(tooLong).isEmpty();
    for (String exception : DECLARED_EXCEPTIONS.keySet()) {
      assertThat(main.resolve(exception)).as("a declared exception that no longer exists").exists();
    }
  }

  @Test
  void syntheticDossier_declaresValueTypesOnly_recordsAndEnumsWithoutBehaviour() {
    for (Class<?> type : SyntheticDossier.class.getDeclaredClasses()) {
      assertThat(type.isRecord() || type.isEnum())
          .as(type.getSimpleName() + " is a record or an enum")
          .isTrue();
      assertThat(ownMethods(type))
          .as(type.getSimpleName() + " has no method beyond its values")
          .isSubsetOf("code");
    }
    assertThat(ownMethods(SyntheticDossier.class)).isEmpty();
  }

  /** Declared methods that are not a record's accessors or object methods, nor an enum's own. */
  private static Set<String> ownMethods(Class<?> type) {
    Set<String> generated =
        type.isRecord()
            ? Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet())
            : Set.of("values", "valueOf", "$values");
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> !m.isSynthetic())
        .map(Method::getName)
        .filter(name -> !generated.contains(name))
        .filter(name -> !Set.of("toString", "equals", "hashCode").contains(name))
        .filter(name -> !name.startsWith("lambda$"))
        .collect(Collectors.toSet());
  }

  private static int limit(Path relative) {
    return DECLARED_EXCEPTIONS.getOrDefault(relative.toString().replace('\\', '/'), MAX_LINES);
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
