package net.cdapkit.benchmarks.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import net.cdapkit.BatchProgress;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.Synthese;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The batch benchmark's process, run with a small heap ({@code -Xmx64m}): reads numéros of one CAF
 * from a file as a stream, one per line, and consults each through the SDK's own batch API ({@link
 * net.cdapkit.BatchConsultation}: look-up and synthèse, bounded concurrency, paced at the rate the
 * server declares, the SDK's default), then prints one {@code batch-result} line of counters for
 * the parent to parse.
 *
 * <p>{@code java -Xmx64m ... BatchMain <baseUrl> <caf> <numerosFile> <concurrency>}
 */
public final class BatchMain {
  private BatchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: BatchMain <baseUrl> <caf> <numerosFile> <concurrency>");
      System.exit(2);
    }
    String baseUrl = args[0];
    CafCode caf = CafCode.of(args[1]);
    Path file = Path.of(args[2]);
    int concurrency = Integer.parseInt(args[3]);

    StatusCounter statuses = new StatusCounter();
    CdapClient client =
        SdkConfig.batchClient(baseUrl, SdkConfig.Variant.PARTNER_DEFAULT, concurrency, statuses);
    LongAdder mismatched = new LongAdder();
    Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    BatchProgress summary;
    try (CdapSession session = client.authenticate();
        BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      resetHeapPeaks();
      long gcBefore = gcMillis();
      summary =
          session
              .selectCaf(caf)
              .batch()
              .finalite(SdkConfig.FINALITE)
              .tabs(Tab.SYNTHESE)
              .concurrency(concurrency)
              .onProgress(
                  p -> {
                    if (p.completed() % 1000 == 0) {
                      System.out.printf(
                          Locale.ROOT,
                          "batch-progress done=%d t_ms=%d%n",
                          p.completed(),
                          p.elapsed().toMillis());
                    }
                  })
              .runNumeros(
                  lines.lines().filter(line -> !line.isBlank()).map(String::trim),
                  item -> {
                    if (!item.succeeded()) {
                      // The type only: a message could name the dossier.
                      failures
                          .computeIfAbsent(
                              item.failure().get().getClass().getSimpleName(), k -> new LongAdder())
                          .increment();
                    } else if (!item.tab(Tab.SYNTHESE, Synthese.class).get().caf().equals(caf)) {
                      mismatched.increment();
                    }
                  });
      System.out.printf(
          Locale.ROOT,
          "batch-result completed=%d ok=%d failed=%d mismatched=%d wall_ms=%d http_429=%d"
              + " responses=%d heap_peak_mb=%.1f heap_max_mb=%d gc_ms=%d%n",
          summary.completed(),
          summary.succeeded(),
          summary.failed(),
          mismatched.sum(),
          summary.elapsed().toMillis(),
          statuses.http429.get(),
          statuses.responses.get(),
          heapPeakMb(),
          Runtime.getRuntime().maxMemory() / (1024 * 1024),
          gcMillis() - gcBefore);
      failures.forEach((type, count) -> System.out.println("batch-failure " + type + "=" + count));
    }
    System.out.flush();
    System.exit(0);
  }

  private static void resetHeapPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
  private static double heapPeakMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024.0 * 1024.0);
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** Counts responses and 429s as they come off the wire, retried attempts included. */
  static final class StatusCounter implements Interceptor {
    final AtomicLong responses = new AtomicLong();
    final AtomicLong http429 = new AtomicLong();

    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      responses.incrementAndGet();
      if (response.code() == 429) {
        http429.incrementAndGet();
      }
      return response;
    }
  }
}
