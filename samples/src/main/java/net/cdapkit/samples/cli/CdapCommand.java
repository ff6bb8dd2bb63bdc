package net.cdapkit.samples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cdap} command: the SDK's demo and a small consultation tool. */
@Command(
    name = "cdap",
    mixinStandardHelpOptions = true,
    version = "cdap 0.2.0 (cdapkit)",
    description = {
      "Consult CAF dossiers through the cdapkit SDK.",
      "Without --server, every command runs against an embedded simulator with synthetic data.",
      "Every consultation is recorded in an audit journal (--audit-file, default"
          + " ./cdap-audit.jsonl) chained under a key (--key-file, default ~/.cdapkit/audit.key);"
          + " 'cdap audit verify' checks it.",
      "Exit codes: 0 success, 2 bad input, 3 capability denied or atypical use refused,"
          + " 4 not found, 5 server, transport or journal failure, 6 audit journal not intact."
    },
    subcommands = {
      DemoCommand.class,
      ConsultCommand.class,
      AuditCommand.class,
      BatchCommand.class,
      SmokeCommand.class,
      SimulatorCommand.class
    })
public final class CdapCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with the project's exit-code mapping. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, CommandLine.defaultFactory());
  }

  /** The same, its commands made by {@code factory} (tests give {@code smoke} credentials so). */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
    CommandLine cl = new CommandLine(new CdapCommand(), factory);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("cdap: " + TerminalText.clean(e.getMessage()));
          commandLine.getErr().flush();
          return ExitCodes.of(e);
        });
    cl.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine c = e.getCommandLine();
          c.getErr().println("cdap: " + e.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          c.getErr().flush();
          return ExitCodes.BAD_INPUT;
        });
    return cl;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
