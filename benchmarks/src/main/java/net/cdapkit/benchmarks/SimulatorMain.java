package net.cdapkit.benchmarks;

import java.io.IOException;
import net.cdapkit.testkit.CdapSimulator;

/**
 * Runs the test kit's simulator in its own process for the batch benchmark, until its standard
 * input closes. Prints {@code simulator <baseUrl>} once listening.
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    try (CdapSimulator simulator = CdapSimulator.builder().port(port).build().start()) {
      System.out.println("simulator " + simulator.baseUrl());
      System.out.flush();
      while (System.in.read() >= 0) {
        // The parent ends the simulator by closing the pipe.
      }
    }
    System.exit(0);
  }
}
