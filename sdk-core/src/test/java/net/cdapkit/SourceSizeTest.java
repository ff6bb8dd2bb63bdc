package net.cdapkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps every main source file of sdk-core reviewable in one sitting: a file past the limit is
 * split by responsibility (the public surface and its Javadoc stay, bodies move to package-private
 * classes), never by stripping documentation.
 */
class SourceSizeTest {
  private static final int MAX_LINES = 500;

  @Test
  void mainSources_whenCounted_haveAtMost500LinesEach() throws IOException {
    Path main = Path.of("src", "main", "java");
    assertThat(main).isDirectory();
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(main)) {
      tooLong =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> lines(f) > MAX_LINES)
              .map(f -> main.relativize(f) + " (" + lines(f) + " lines)")
              .toList();
    }
    assertThat(tooLong).isEmpty();
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
