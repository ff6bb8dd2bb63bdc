package net.cdapkit.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import net.cdapkit.benchmarks.client.SdkConfig;

/**
 * The audit journal's cost in CPU time rather than wall time: consultations against the canned
 * server by raw OkHttp, the SDK, and the SDK with the file journal, taking turns, each turn
 * measured in process CPU time (client and in-process server together). On a machine shared with
 * other work, where JMH's wall-clock figures drift with the load, CPU time per consultation still
 * says what the journal adds.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar net.cdapkit.benchmarks.JournalCpuCost
 * [consultations per turn] [turns]}
 */
public final class JournalCpuCost {
  private JournalCpuCost() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int turns = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ConsultationBenchmark.Server server = new ConsultationBenchmark.Server();
    server.start();
    try {
      ConsultationBenchmark.Raw raw = new ConsultationBenchmark.Raw();
      raw.open(server);
      ConsultationBenchmark.Sdk plain = new ConsultationBenchmark.Sdk();
      plain.variant = SdkConfig.Variant.PARTNER_DEFAULT;
      plain.open(server);
      ConsultationBenchmark.Sdk journaled = new ConsultationBenchmark.Sdk();
      journaled.variant = SdkConfig.Variant.WITH_AUDIT_JOURNAL;
      journaled.open(server);
      for (int turn = 0; turn < turns; turn++) {
        long[] cpu = new long[3];
        for (int client = 0; client < 3; client++) {
          long start = os.getProcessCpuTime();
          for (int i = 0; i < n; i++) {
            switch (client) {
              case 0 -> ConsultationBenchmark.consult(raw);
              case 1 -> ConsultationBenchmark.consult(plain);
              default -> ConsultationBenchmark.consult(journaled);
            }
          }
          cpu[client] = os.getProcessCpuTime() - start;
        }
        System.out.printf(
            Locale.ROOT,
            "cpu per consultation: raw %.1f µs, sdk %.1f µs, journaled %.1f µs;"
                + " sdk/raw %.2f, journaled/raw %.2f, journal %.1f µs%n",
            cpu[0] / 1e3 / n,
            cpu[1] / 1e3 / n,
            cpu[2] / 1e3 / n,
            (double) cpu[1] / cpu[0],
            (double) cpu[2] / cpu[0],
            (cpu[2] - cpu[1]) / 1e3 / n);
      }
      plain.close();
      journaled.close();
    } finally {
      server.stop();
    }
    System.exit(0);
  }
}
