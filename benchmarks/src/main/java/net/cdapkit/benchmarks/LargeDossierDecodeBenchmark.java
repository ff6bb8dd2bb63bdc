package net.cdapkit.benchmarks;

import com.squareup.moshi.JsonAdapter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import net.cdapkit.benchmarks.client.RawModel;
import net.cdapkit.benchmarks.generated.invoker.JSON;
import net.cdapkit.internal.json.CdapJson;
import net.cdapkit.model.PaiementsPage;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a large dossier, ten years of payments in one body, from the same bytes: the SDK's
 * decoding of a response (its Moshi, its value types built through their validating builders),
 * Moshi straight into plain records, and the generated client's Gson models.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class LargeDossierDecodeBenchmark {
  /** Lines of payments: 1,200 is ten years of a large household. */
  @Param("1200")
  public int lines;

  private byte[] json;
  private JsonAdapter<RawModel.PaiementsPage> records;

  @Setup
  public void setUp() throws IOException {
    json = Fixtures.largePaiementsPage(lines);
    records = RawModel.moshi().adapter(RawModel.PaiementsPage.class);
    Checks.expect(sdk().elements().size() == lines, "SDK decoding");
    Checks.expect(moshiRecords().elements().size() == lines, "Moshi decoding");
    Checks.expect(generated().getElements().size() == lines, "generated decoding");
  }

  /** What the SDK does with every JSON response body. */
  @Benchmark
  public PaiementsPage sdk() throws IOException {
    return CdapJson.decode(PaiementsPage.class, new Buffer().write(json));
  }

  @Benchmark
  public RawModel.PaiementsPage moshiRecords() throws IOException {
    return records.fromJson(new Buffer().write(json));
  }

  /** What the generated client does with a response body: Gson from the byte stream. */
  @Benchmark
  public net.cdapkit.benchmarks.generated.model.PaiementsPage generated() throws IOException {
    return JSON.deserialize(
        new ByteArrayInputStream(json), net.cdapkit.benchmarks.generated.model.PaiementsPage.class);
  }
}
