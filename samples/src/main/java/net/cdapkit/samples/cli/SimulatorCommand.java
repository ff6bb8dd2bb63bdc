package net.cdapkit.samples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.cdapkit.capability.Profile;
import net.cdapkit.capability.Profiles;
import net.cdapkit.model.CafCode;
import net.cdapkit.testkit.CdapSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Serves the simulator's catalogue on a local port until Ctrl-C, for teams that do not write Java
 * and for demos: any HTTP client can play the contract against it.
 */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the CDAP contract with the synthetic catalogue on 127.0.0.1 until Ctrl-C.",
      "Prints the demo agents' credentials (valid on the simulator only)."
    })
final class SimulatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    // A long-running server: keep nothing per request.
    CdapSimulator simulator = CdapSimulator.builder().port(port).recordRequests(false).build();
    simulator.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.stop();
                  out.println("Simulateur arrêté.");
                  out.flush();
                  stopped.countDown();
                },
                "cdap-simulator-stop"));
    String url = simulator.baseUrl();
    out.println("Simulateur CDAP (données fictives uniquement) à l'écoute sur " + url);
    out.println();
    out.println("Agents de démonstration — valables sur ce simulateur seulement :");
    List<CafCode> cafs = List.of(CafCode.of("751"), CafCode.of("131"), CafCode.of("691"));
    for (Profile p : Profiles.all(cafs)) {
      out.printf(
          "  %-8s  identifiant demo-%s  mot de passe %s  (%s)%n",
          p.code(),
          p.code().toLowerCase(java.util.Locale.ROOT),
          CdapSimulator.DEMO_PASSWORD,
          p.label());
    }
    out.println("  CAF habilitées : 751, 131, 691 ; dossier de démonstration : 9900001 (CAF 751)");
    out.println();
    out.println("Exemple :");
    out.println(
        "  CDAP_LOGIN=demo-t1 CDAP_PASSWORD="
            + CdapSimulator.DEMO_PASSWORD
            + " java -jar cdap.jar consult --server "
            + url
            + " --caf 751 --allocataire 9900001");
    out.println();
    out.println("Ctrl-C pour arrêter.");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
