package net.cdapkit.audit.jdbc;

import java.util.Objects;
import javax.sql.DataSource;
import net.cdapkit.audit.AuditException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Creates or upgrades the tables of this module with Flyway: the audit chain, its head and
 * checkpoints, the usage guard's counts and the rate limit's buckets. Its own schema history table,
 * {@value #HISTORY_TABLE}, so that it lives beside the application's own Flyway migrations in the
 * same schema without mixing versions.
 */
public final class AuditSchema {
  /** The Flyway schema history table of this module. */
  public static final String HISTORY_TABLE = "cdap_audit_schema_history";

  private static final String LOCATION = "classpath:db/cdapkit-audit";

  private AuditSchema() {}

  /**
   * Brings the tables to this version of the module; safe to call from every node at start-up
   * (Flyway serialises concurrent migrations with a lock of its own).
   *
   * @param dataSource the database holding the audit tables; its user must be allowed to create and
   *     alter tables; not null
   * @throws AuditException if the database refuses
   */
  public static void migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    try {
      Flyway.configure(AuditSchema.class.getClassLoader())
          .dataSource(dataSource)
          .table(HISTORY_TABLE)
          .locations(LOCATION)
          // The application's schema may already hold its own tables.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new AuditException(
          "Audit tables cannot be created or upgraded (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
