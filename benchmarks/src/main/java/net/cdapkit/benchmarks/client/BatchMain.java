package net.cdapkit.benchmarks.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Synthese;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The batch benchmark's process, run with a small heap ({@code -Xmx64m}): reads targets from a file
 * as a stream, one {@code "caf numero"} per line, consults them through {@link BatchDriver}, and
 * prints one {@code batch-result} line of counters for the parent to parse.
 *
 * <p>{@code java -Xmx64m ... BatchMain <baseUrl> <targetsFile> <ratePerSecond> <concurrency>}
 */
public final class BatchMain {
  private BatchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: BatchMain <baseUrl> <targetsFile> <ratePerSecond> <concurrency>");
      System.exit(2);
    }
    String baseUrl = args[0];
    Path file = Path.of(args[1]);
    double rate = Double.parseDouble(args[2]);
    int concurrency = Integer.parseInt(args[3]);

    StatusCounter statuses = new StatusCounter();
    CdapClient client =
        SdkConfig.batchClient(
            baseUrl,
            SdkConfig.Variant.PARTNER_DEFAULT,
            concurrency,
            // a consultation is two requests: the lookup and the tab
            2 * rate,
            statuses);
    LongAdder mismatched = new LongAdder();
    AtomicLong done = new AtomicLong();
    long[] startedAt = new long[1];
    Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    BatchDriver.Summary summary;
    try (CdapSession session = client.authenticate();
        BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      resetHeapPeaks();
      long gcBefore = gcMillis();
      startedAt[0] = System.nanoTime();
      summary =
          new BatchDriver(session, SdkConfig.FINALITE, rate, concurrency)
              .run(
                  targets(lines),
                  new BatchDriver.Listener() {
                    @Override
                    public void onResult(BatchDriver.Target target, Synthese synthese) {
                      if (!synthese.caf().equals(target.caf())) {
                        mismatched.increment();
                      }
                      progress();
                    }

                    @Override
                    public void onFailure(BatchDriver.Target target, RuntimeException failure) {
                      // The type only: a message could name the dossier.
                      failures
                          .computeIfAbsent(failure.getClass().getSimpleName(), k -> new LongAdder())
                          .increment();
                      progress();
                    }

                    private void progress() {
                      long n = done.incrementAndGet();
                      if (n % 1000 == 0) {
                        System.out.printf(
                            Locale.ROOT,
                            "batch-progress done=%d t_ms=%d%n",
                            n,
                            (System.nanoTime() - startedAt[0]) / 1_000_000);
                      }
                    }
                  });
      System.out.printf(
          Locale.ROOT,
          "batch-result started=%d ok=%d failed=%d mismatched=%d wall_ms=%d http_429=%d"
              + " responses=%d heap_peak_mb=%.1f heap_max_mb=%d gc_ms=%d behind_schedule_ms=%d%n",
          summary.started(),
          summary.succeeded(),
          summary.failed(),
          mismatched.sum(),
          summary.wallNanos() / 1_000_000,
          statuses.http429.get(),
          statuses.responses.get(),
          heapPeakMb(),
          Runtime.getRuntime().maxMemory() / (1024 * 1024),
          gcMillis() - gcBefore,
          summary.behindScheduleNanos() / 1_000_000);
      failures.forEach((type, count) -> System.out.println("batch-failure " + type + "=" + count));
    }
    System.out.flush();
    System.exit(0);
  }

  /** The file's lines as targets, read as the batch consumes them. */
  static Iterator<BatchDriver.Target> targets(BufferedReader lines) {
    return new Iterator<>() {
      private String next = read();

      private String read() {
        try {
          String line;
          do {
            line = lines.readLine();
          } while (line != null && line.isBlank());
          return line;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public BatchDriver.Target next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        String[] parts = next.trim().split("\\s+");
        next = read();
        return new BatchDriver.Target(CafCode.of(parts[0]), NumeroAllocataire.of(parts[1]));
      }
    };
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
