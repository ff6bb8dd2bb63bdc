package net.cdapkit.testkit.internal.contract;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.cdapkit.testkit.Operation;
import net.cdapkit.testkit.internal.server.SimRequest;
import net.cdapkit.testkit.internal.server.SimResponse;
import okio.Buffer;

/**
 * Writes each exchange the conformance check graded to a JSON-lines file, so that the kit's own
 * build can grade the same exchanges with an independent validator. Off unless the system property
 * {@value #PROPERTY} names a directory (the kit's integration tests set it); the data written is
 * the simulator's fictional data only.
 */
public final class ExchangeTap {
  public static final String PROPERTY = "cdapkit.testkit.exchanges";

  private final Path file;

  private ExchangeTap(Path file) {
    this.file = file;
  }

  /** The tap the system property asks for, or empty. */
  public static Optional<ExchangeTap> fromSystemProperty() {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isBlank()) {
      return Optional.empty();
    }
    try {
      Path d = Files.createDirectories(Path.of(dir));
      return Optional.of(new ExchangeTap(d.resolve("exchanges-" + UUID.randomUUID() + ".jsonl")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends one graded exchange: the request as received, the answer as checked. */
  public synchronized void record(Operation op, SimRequest req, SimResponse res) {
    try (Buffer buffer = new Buffer()) {
      JsonWriter w = JsonWriter.of(buffer);
      w.beginObject();
      w.name("operation").value(op.name());
      w.name("method").value(req.method());
      w.name("path").value(req.path());
      w.name("query").value(req.rawQuery());
      headers(w.name("requestHeaders"), req.headers());
      w.name("requestBody").value(new String(req.body(), StandardCharsets.UTF_8));
      w.name("status").value(res.status());
      headers(w.name("responseHeaders"), res.headers());
      String type = res.headers().getOrDefault("Content-Type", "");
      w.name("responseBody")
          .value(
              type.startsWith("application/pdf")
                  ? ""
                  : new String(res.body(), StandardCharsets.UTF_8));
      w.endObject();
      w.close();
      Files.writeString(
          file,
          buffer.readUtf8() + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void headers(JsonWriter w, Map<String, String> headers) throws IOException {
    w.beginObject();
    for (Map.Entry<String, String> h : headers.entrySet()) {
      w.name(h.getKey()).value(h.getValue());
    }
    w.endObject();
  }
}
