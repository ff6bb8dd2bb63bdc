package net.cdapkit.samples.cli;

import java.io.PrintWriter;
import java.util.List;
import javax.sql.DataSource;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.audit.jdbc.JdbcAuditQueries;
import net.cdapkit.audit.jdbc.JdbcAuditVerifier;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cdap audit verify|who --jdbc-url}: the same tools on a PostgreSQL audit table. */
final class JdbcAudit {
  static final String USER_VARIABLE = "CDAP_JDBC_USER";
  static final String PASSWORD_VARIABLE = "CDAP_JDBC_PASSWORD";

  private JdbcAudit() {}

  /** What {@code who} found, whether every chain verified, and where (the URL without secrets). */
  record Found(List<AuditRecord> records, boolean intact, String source) {}

  static DataSource dataSource(String url) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new InvalidInputException("--jdbc-url must be a jdbc:postgresql: URL");
    }
    if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
      // Kept out of the command line, where the process list and shell history would show it.
      throw new InvalidInputException(
          "--jdbc-url must not carry a password: set " + PASSWORD_VARIABLE);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    String user = System.getenv(USER_VARIABLE);
    if (user != null && !user.isBlank()) {
      ds.setUser(user);
    }
    String password = System.getenv(PASSWORD_VARIABLE);
    if (password != null && !password.isEmpty()) {
      ds.setPassword(password);
    }
    return ds;
  }

  static String source(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  static int verify(CommandSpec spec, String url, AuditKey key, long expectSeq) {
    DataSource ds = dataSource(url);
    List<JdbcAuditVerifier.Result> results = JdbcAuditVerifier.verifyAll(ds, key);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean intact = true;
    for (JdbcAuditVerifier.Result r : results) {
      boolean ok = r.intact() && r.lastSeq() >= expectSeq;
      intact &= ok;
      (ok ? out : err).println((ok ? "" : "cdap: not intact: ") + source(url) + ": " + r);
    }
    if (results.isEmpty()) {
      out.println(source(url) + ": no audit chain yet");
    }
    out.flush();
    err.flush();
    return intact ? ExitCodes.OK : ExitCodes.JOURNAL_NOT_INTACT;
  }

  static Found who(
      CommandSpec spec, String url, AuditKey key, CafCode caf, NumeroAllocataire numero) {
    DataSource ds = dataSource(url);
    List<JdbcAuditVerifier.Result> results = JdbcAuditVerifier.verifyAll(ds, key);
    boolean intact = results.stream().allMatch(JdbcAuditVerifier.Result::intact);
    if (!intact) {
      PrintWriter err = spec.commandLine().getErr();
      results.stream()
          .filter(r -> !r.intact())
          .forEach(r -> err.println("cdap: " + source(url) + " is not intact: " + r));
      err.flush();
    }
    return new Found(JdbcAuditQueries.who(ds, key, caf, numero), intact, source(url));
  }
}
