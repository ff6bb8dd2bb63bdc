package net.cdapkit.benchmarks;

import java.io.IOException;
import net.cdapkit.testkit.CdapSimulator;

/**
 * Runs the test kit's simulator in its own process for the batch benchmark, until its standard
 * input closes. Prints {@code simulator <baseUrl>} once listening.
 *
 * <p>{@code SimulatorMain [port [requestsPerSecond]]}: with a rate, the simulator declares it to
 * each token and answers 429 beyond it ({@link CdapSimulator.Builder#enforceRateLimit}).
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    CdapSimulator.Builder builder = CdapSimulator.builder().port(port).recordRequests(false);
    if (args.length > 1) {
      builder.enforceRateLimit(Integer.parseInt(args[1]));
    }
    try (CdapSimulator simulator = builder.build().start()) {
      System.out.println("simulator " + simulator.baseUrl());
      System.out.flush();
      while (System.in.read() >= 0) {
        // The parent ends the simulator by closing the pipe.
      }
    }
    System.exit(0);
  }
}
