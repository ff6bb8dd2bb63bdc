package net.cdapkit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.cdapkit.CafContext;
import net.cdapkit.CdapClient;
import net.cdapkit.Dossier;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.audit.AuditSink;
import net.cdapkit.benchmarks.client.SdkConfig;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Paiement;

/**
 * Where the file audit journal's cost goes. Consultations against the canned server, taking turns
 * in one JVM: raw OkHttp + Moshi; the SDK without a journal; the SDK with a sink that is given
 * every record and keeps nothing (the cost of making records); with a sink that writes a constant
 * line of a record's length per record (the system call and nothing else); and with the file
 * journal. Ratios to raw are taken per cycle, as in the interleaved JMH benchmarks; run it on one
 * CPU as they are:
 *
 * <pre>
 * taskset -c 1 java -cp benchmarks/target/benchmarks.jar \
 *     net.cdapkit.benchmarks.JournalCostBreakdown [cycles] [ms per turn]
 * </pre>
 *
 * Prints one line, the medians of the per-cycle ratios to raw:
 *
 * <pre>journal-breakdown: sdk= records_only= constant_write= journal=</pre>
 */
public final class JournalCostBreakdown {
  private static final int LINE_BYTES = 630; // a journal record of a consultation, newline included

  private JournalCostBreakdown() {}

  /** A sink that is given each record and keeps nothing. */
  private static class RecordsOnly implements AuditSink {
    private final AuditKey key = AuditKey.generate();

    @Override
    public void append(AuditRecord record) {}

    @Override
    public String pseudonym(CafCode caf, NumeroAllocataire numero) {
      return key.pseudonym(caf, numero);
    }
  }

  /** A sink that appends a constant line per record to a temporary file: the write, no content. */
  private static final class ConstantWrite extends RecordsOnly {
    private final FileChannel file;
    private final ByteBuffer line = ByteBuffer.allocateDirect(LINE_BYTES);
    private long size;

    ConstantWrite() throws IOException {
      Path dir = Files.createTempDirectory("cdapkit-bench-constant");
      dir.toFile().deleteOnExit();
      Path path = dir.resolve("constant.jsonl");
      path.toFile().deleteOnExit();
      file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @Override
    public synchronized void append(AuditRecord record) {
      line.clear();
      try {
        while (line.hasRemaining()) {
          size += file.write(line, size);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One client's consultation, as the benchmarks make it. */
  private interface Consultation {
    void run() throws IOException;
  }

  public static void main(String[] args) throws IOException {
    int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    long turnNanos = (args.length > 1 ? Long.parseLong(args[1]) : 300) * 1_000_000L;
    ConsultationBenchmark.Server server = new ConsultationBenchmark.Server();
    server.start();
    try {
      ConsultationBenchmark.Raw raw = new ConsultationBenchmark.Raw();
      raw.open(server);
      String baseUrl = server.server.baseUrl();
      Map<String, Consultation> clients = new LinkedHashMap<>();
      clients.put("raw", () -> ConsultationBenchmark.consult(raw));
      clients.put("sdk", sdk(SdkConfig.builder(baseUrl, SdkConfig.Variant.PARTNER_DEFAULT)));
      clients.put(
          "records_only",
          sdk(
              SdkConfig.builder(baseUrl, SdkConfig.Variant.PARTNER_DEFAULT)
                  .auditSink(new RecordsOnly())));
      clients.put(
          "constant_write",
          sdk(
              SdkConfig.builder(baseUrl, SdkConfig.Variant.PARTNER_DEFAULT)
                  .auditSink(new ConstantWrite())));
      clients.put("journal", sdk(SdkConfig.builder(baseUrl, SdkConfig.Variant.WITH_AUDIT_JOURNAL)));
      Map<String, List<Double>> micros = new LinkedHashMap<>();
      for (int cycle = -3; cycle < cycles; cycle++) { // three cycles of warm-up
        for (Map.Entry<String, Consultation> client : clients.entrySet()) {
          long start = System.nanoTime();
          long end = start + turnNanos;
          long n = 0;
          while (System.nanoTime() < end) {
            client.getValue().run();
            n++;
          }
          if (cycle >= 0) {
            micros
                .computeIfAbsent(client.getKey(), k -> new ArrayList<>())
                .add((System.nanoTime() - start) / 1e3 / n);
          }
        }
      }
      List<Double> rawMicros = micros.get("raw");
      StringBuilder line = new StringBuilder("journal-breakdown:");
      for (Map.Entry<String, List<Double>> client : micros.entrySet()) {
        if (client.getKey().equals("raw")) {
          continue;
        }
        double[] ratios = new double[rawMicros.size()];
        for (int i = 0; i < ratios.length; i++) {
          ratios[i] = client.getValue().get(i) / rawMicros.get(i);
        }
        Arrays.sort(ratios);
        System.out.printf(
            Locale.ROOT,
            "%-15s / raw: median %.3f, quartiles %.3f–%.3f (%d cycles)%n",
            client.getKey(),
            ratios[ratios.length / 2],
            ratios[ratios.length / 4],
            ratios[3 * ratios.length / 4],
            ratios.length);
        line.append(
            String.format(Locale.ROOT, " %s=%.3f", client.getKey(), ratios[ratios.length / 2]));
      }
      System.out.println(line);
    } finally {
      server.stop();
    }
    System.exit(0);
  }

  private static Consultation sdk(CdapClient.Builder builder) {
    CafContext caf = builder.build().authenticate().selectCaf(SdkConfig.CAF);
    return () -> {
      Dossier dossier = caf.consultDossier(SdkConfig.NUMERO, SdkConfig.FINALITE);
      int n = dossier.synthese().nombreEnfants();
      for (Paiement p : dossier.paiements()) {
        n += p.montant().signum();
      }
      Checks.expect(n == 2 + 3, "SDK consultation");
    };
  }
}
