package net.cdapkit.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A launcher that runs the JVM on one CPU ({@code taskset}), for JMH forks whose clients take
 * turns: the client, the canned server, the JIT and the kernel then share one CPU, a figure is the
 * whole work of a call, and where the scheduler puts threads, or what else runs on the other CPUs,
 * no longer moves it much.
 */
final class PinnedJvm {
  private PinnedJvm() {}

  /** The launcher script, written in {@code dir}; null where there is no {@code taskset}. */
  static Path launcher(Path dir, int cpu) throws IOException {
    Path taskset = Path.of("/usr/bin/taskset");
    if (!Files.isExecutable(taskset)) {
      return null;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path launcher = dir.resolve("java-on-cpu-" + cpu);
    Files.writeString(
        launcher,
        "#!/bin/sh\nexec " + taskset + " -c " + cpu + " '" + java + "' \"$@\"\n",
        StandardCharsets.UTF_8);
    return launcher.toFile().setExecutable(true) ? launcher : null;
  }
}
