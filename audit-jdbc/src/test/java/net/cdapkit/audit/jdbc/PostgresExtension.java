package net.cdapkit.audit.jdbc;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link TestPostgres} before a test class and stops it once the whole test run ends (the
 * root context closes its store), earlier than the shutdown hook would.
 */
final class PostgresExtension implements BeforeAllCallback {
  /** Closed by JUnit with the root context's store, at the end of the run. */
  static final class Stopper implements AutoCloseable {
    @Override
    public void close() {
      TestPostgres.stop();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    TestPostgres.server();
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(PostgresExtension.class))
        .getOrComputeIfAbsent("server", k -> new Stopper(), Stopper.class);
  }
}
