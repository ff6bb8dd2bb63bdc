package net.cdapkit.testkit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.cdapkit.testkit.internal.privacy.PersonalData;

/**
 * Checks that what an application writes (logs, exception messages, {@code toString} output) never
 * carries the personal data of the fictional dossiers it consulted: numéros allocataire, NIRs,
 * names, addresses, nor a password or token. Failures name the kind of data and where it was found,
 * never the value.
 *
 * <pre>{@code
 * Compliance compliance = simulator.compliance();
 * try (Compliance.Capture logs = Compliance.captureStandardStreams()) {
 *   myService.check(caf, numero);                      // logs through SLF4J to System.err
 *   compliance.assertNoPersonalDataIn("logs", logs.text());
 * }
 * compliance.assertNoPersonalData(myService.lastResult(), caughtException); // toString, messages
 * }</pre>
 *
 * <p>The {@link CdapSimulatorExtension} does this for every test: it captures the standard streams
 * (where slf4j-simple and console appenders write), checks exceptions that fail a test, and checks
 * that every consultation declared a finalité.
 */
public final class Compliance {
  private final CdapSimulator simulator;

  Compliance(CdapSimulator simulator) {
    this.simulator = Objects.requireNonNull(simulator, "simulator");
  }

  /**
   * Fails if the {@code toString()} of a value, or the message of an exception or of one of its
   * causes and suppressed exceptions, carries personal data of the dossiers consulted or added
   * since the simulator's last reset.
   *
   * @param values objects and exceptions to check; a null value is checked as the text {@code null}
   * @return this compliance, to chain further checks
   * @throws AssertionError naming each offending value by position and the kind of data found,
   *     never the data
   */
  public Compliance assertNoPersonalData(Object... values) {
    PersonalData data = simulator.personalData();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof Throwable t) {
        for (Throwable e : throwables(t, new IdentityHashMap<>())) {
          String where =
              "the message of " + e.getClass().getSimpleName() + " (value " + (i + 1) + ")";
          report(problems, where, data.find(String.valueOf(e.getMessage()), true));
        }
      } else {
        report(
            problems,
            "the toString() of value " + (i + 1) + " (" + typeName(v) + ")",
            data.find(String.valueOf(v), true));
      }
    }
    return fail(problems);
  }

  /**
   * Fails if this text (a log, a report, an export) carries personal data; {@code where} names it.
   *
   * @param where what the text is, for the failure message, e.g. {@code "logs"}
   * @param text the text to scan
   * @return this compliance, to chain further checks
   * @throws AssertionError naming {@code where} and the kind of data found, never the data
   */
  public Compliance assertNoPersonalDataIn(String where, CharSequence text) {
    List<String> problems = new ArrayList<>();
    report(problems, where, simulator.personalData().find(text, true));
    return fail(problems);
  }

  /**
   * Fails if a consultation reached the simulator without a finalité header.
   *
   * @return this compliance, to chain further checks
   * @throws AssertionError listing the consultations without an {@code X-Cdap-Finalite} header
   */
  public Compliance assertEveryConsultationHasFinalite() {
    simulator.verify().assertEveryConsultationHasFinalite();
    return this;
  }

  private static void report(List<String> problems, String where, List<String> found) {
    if (!found.isEmpty()) {
      problems.add(where + " carries " + String.join(", ", found));
    }
  }

  private Compliance fail(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "Personal data where it must not be (values not shown):\n  "
              + String.join("\n  ", problems));
    }
    return this;
  }

  private static List<Throwable> throwables(Throwable t, Map<Throwable, Boolean> seen) {
    List<Throwable> out = new ArrayList<>();
    if (t == null || seen.put(t, Boolean.TRUE) != null) {
      return out;
    }
    out.add(t);
    out.addAll(throwables(t.getCause(), seen));
    for (Throwable s : t.getSuppressed()) {
      out.addAll(throwables(s, seen));
    }
    return out;
  }

  private static String typeName(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName();
  }

  /**
   * Starts copying everything written to {@code System.out} and {@code System.err} (still shown)
   * until {@link Capture#close()}. slf4j-simple writes to {@code System.err} at each log call, so
   * its logs are captured; so are console appenders that write through {@code System.out}. The
   * streams are global: do not capture in tests that run in parallel.
   *
   * @return the capture, already running; close it, best in a try-with-resources
   */
  public static Capture captureStandardStreams() {
    return new Capture();
  }

  /** Output captured from the standard streams; {@link #close()} restores them. */
  public static final class Capture implements AutoCloseable {
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean closed;

    private Capture() {
      System.setOut(tee(originalOut));
      System.setErr(tee(originalErr));
    }

    private PrintStream tee(PrintStream original) {
      OutputStream both =
          new OutputStream() {
            @Override
            public void write(int b) {
              original.write(b);
              synchronized (buffer) {
                buffer.write(b);
              }
            }

            @Override
            public void write(byte[] b, int off, int len) {
              original.write(b, off, len);
              synchronized (buffer) {
                buffer.write(b, off, len);
              }
            }

            @Override
            public void flush() {
              original.flush();
            }
          };
      return new PrintStream(both, true, StandardCharsets.UTF_8);
    }

    /**
     * What was written so far, decoded as UTF-8.
     *
     * @return the text written to both streams since the capture started, interleaved
     */
    public String text() {
      synchronized (buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
      }
    }

    /** Restores the original streams; idempotent. */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
      }
    }

    @Override
    public String toString() {
      return "Capture[" + (closed ? "closed" : "open") + "]";
    }
  }
}
