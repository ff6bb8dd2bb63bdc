package net.cdapkit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.cdapkit.capability.Tab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone simulator, started from the fat jar in one process, answers the CLI run from the
 * fat jar in other processes, for every tab of the demo dossier; then stops cleanly on SIGTERM
 * (what Ctrl-C sends through the shell is SIGINT; both run the JVM's shutdown hooks).
 */
class StandaloneSimulatorIntegrationTest {
  private static final Path JAR = Path.of("target", "cdap.jar");
  private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:[0-9]+/api/v1/)");
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private static Process simulator;
  private static final LinkedBlockingQueue<String> simulatorOut = new LinkedBlockingQueue<>();
  private static String baseUrl;

  /** The consult runs' audit journals and key: never the module directory nor the user's home. */
  @TempDir static Path audit;

  @BeforeAll
  static void startSimulator() throws Exception {
    assertThat(JAR).as("the fat jar, built in the package phase").exists();
    simulator =
        new ProcessBuilder(
                JAVA, "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "simulator", "--port", "0")
            .redirectErrorStream(true)
            .start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  simulatorOut.add(line);
                }
              } catch (IOException e) {
                simulatorOut.add("(read failed: " + e.getClass().getSimpleName() + ")");
              }
            },
            "simulator-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<String> seen = new ArrayList<>();
    while (baseUrl == null && System.nanoTime() < deadline) {
      String line = simulatorOut.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        seen.add(line);
        Matcher m = URL.matcher(line);
        if (m.find()) {
          baseUrl = m.group(1);
        }
      }
    }
    assertThat(baseUrl).as("the simulator's address, in %s", seen).isNotNull();
    // The banner lists every demo agent before the server is used.
    for (int i = 0; i < 40 && seen.stream().noneMatch(l -> l.contains("Ctrl-C")); i++) {
      String line = simulatorOut.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        seen.add(line);
      }
    }
    assertThat(String.join("\n", seen))
        .contains("demo-t1", "demo-t2", "demo-t3", "demo-t4", "demo-t5", "demo-password")
        .contains("simulateur seulement");
  }

  @AfterAll
  static void stopSimulator() throws Exception {
    if (simulator == null) {
      return;
    }
    // SIGTERM through the handle: Process.destroy() would also close our end of its output.
    simulator.toHandle().destroy();
    boolean exited = simulator.waitFor(20, TimeUnit.SECONDS);
    if (!exited) {
      simulator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(exited).as("the simulator stops on SIGTERM").isTrue();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < 50 && rest.stream().noneMatch(l -> l.startsWith("Simulateur arr")); i++) {
      String line = simulatorOut.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        rest.add(line);
      }
    }
    // The child writes in the platform encoding, which may not be UTF-8: match the ASCII part.
    assertThat(rest).as("the shutdown hook ran").anyMatch(l -> l.startsWith("Simulateur arr"));
  }

  private record Result(Tab tab, int code, String output) {}

  private static Result consult(Tab tab) throws IOException, InterruptedException {
    Path out = Files.createTempFile("cdap-consult-", ".txt");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(
                  JAVA,
                  "-XX:TieredStopAtLevel=1",
                  "-jar",
                  JAR.toString(),
                  "consult",
                  "--server",
                  baseUrl,
                  "--caf",
                  "751",
                  "--allocataire",
                  "9900001",
                  "--tab",
                  tab.wireName(),
                  "--audit-file",
                  audit.resolve("audit-" + tab.wireName() + ".jsonl").toString(),
                  "--key-file",
                  audit.resolve("audit.key").toString())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      pb.environment().put("CDAP_LOGIN", "demo-t1");
      pb.environment().put("CDAP_PASSWORD", "demo-password");
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(tab, -1, "timed out");
      }
      return new Result(tab, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  @Test
  void consult_inAnotherProcess_answersEveryTabOfTheDemoDossier() throws Exception {
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Result>> results = new ArrayList<>();
      for (Tab tab : Tab.values()) {
        results.add(pool.submit(() -> consult(tab)));
      }
      for (Future<Result> f : results) {
        Result r = f.get(120, TimeUnit.SECONDS);
        assertThat(r.code()).as("exit code of consult --tab %s: %s", r.tab(), r.output()).isZero();
        assertThat(r.output()).contains("== " + r.tab().label() + " ==");
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "Standalone simulator: 10 consult processes answered in %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
  }
}
