package net.cdapkit.micrometer;

import java.nio.file.Path;
import net.cdapkit.buildtools.ApiSignatures;
import org.junit.jupiter.api.Test;

/**
 * The committed API file ({@code api/cdapkit-micrometer.api}) matches the compiled API, and nothing
 * was removed or changed without being declared in {@code api/cdapkit-micrometer-breaking.txt}.
 */
class ApiCompatibilityTest {

  static final String UPDATE_COMMAND =
      "mvn -B -o -pl micrometer -am verify -Dcdapkit.api.update=true -Dtest=ApiCompatibilityTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dmaven.javadoc.skip=true";

  @Test
  void publicApi_whenCompared_matchesCommittedSignatureFile() {
    ApiSignatures.check(
        Path.of("target/classes"),
        getClass().getClassLoader(),
        Path.of("api/cdapkit-micrometer.api"),
        Path.of("api/cdapkit-micrometer-breaking.txt"),
        UPDATE_COMMAND);
  }
}
