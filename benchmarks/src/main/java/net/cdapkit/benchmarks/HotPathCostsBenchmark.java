package net.cdapkit.benchmarks;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.cdapkit.benchmarks.client.Demo;
import net.cdapkit.benchmarks.client.RawModel;
import net.cdapkit.internal.http.CallTag;
import net.cdapkit.internal.http.CdapApi;
import net.cdapkit.internal.json.CdapJson;
import net.cdapkit.model.Synthese;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import retrofit2.Retrofit;

/**
 * The pieces of work the SDK does on every request that a hand-written client does not, each alone
 * and without a socket, so that the profile of the consultation benchmark can be read in
 * nanoseconds: request-id and reference checks, the request id itself, Retrofit's request building,
 * and decoding one small tab.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HotPathCostsBenchmark {
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private String requestId;
  private CdapApi api;
  private HttpUrl base;
  private byte[] synthese;
  private JsonAdapter<RawModel.Synthese> records;

  @Setup
  public void setUp() {
    requestId = UUID.randomUUID().toString();
    base = HttpUrl.get("http://127.0.0.1:8080/api/v1/");
    api = new Retrofit.Builder().baseUrl(base).build().create(CdapApi.class);
    synthese = Fixtures.canned("synthese.json");
    records = RawModel.moshi().adapter(RawModel.Synthese.class);
  }

  /** What the SDK does with each response's X-Request-Id: {@code String.matches}. */
  @Benchmark
  public boolean requestIdCheckStringMatches() {
    return requestId.matches("[A-Za-z0-9._-]{1,64}");
  }

  /** The same check with the pattern compiled once. */
  @Benchmark
  public boolean requestIdCheckPrecompiled() {
    return REQUEST_ID.matcher(requestId).matches();
  }

  /** The request id the SDK's interceptor makes for every attempt. */
  @Benchmark
  public String requestIdRandomUuid() {
    return UUID.randomUUID().toString();
  }

  /** Retrofit building the tab request from the SDK's interface (proxy, request factory). */
  @Benchmark
  public Request retrofitTabRequest() {
    CallTag tag = new CallTag(Demo.LOGIN, Demo.FINALITE, null);
    tag.authorization("Bearer x");
    return api.tab(tag, "dos_EXEMPLE0123456789", "synthese").request();
  }

  /** The same request built by hand with OkHttp. */
  @Benchmark
  public Request okhttpTabRequest() {
    return new Request.Builder()
        .url(
            base.newBuilder()
                .addPathSegment("dossiers")
                .addPathSegment("dos_EXEMPLE0123456789")
                .addPathSegment("synthese")
                .build())
        .header("Authorization", "Bearer x")
        .header("X-Cdap-Finalite", Demo.FINALITE)
        .build();
  }

  /** The SDK decoding the synthèse (a 358-byte body). */
  @Benchmark
  public Synthese decodeSyntheseSdk() throws IOException {
    return CdapJson.decode(Synthese.class, new Buffer().write(synthese));
  }

  /** Moshi decoding the same bytes into a record. */
  @Benchmark
  public RawModel.Synthese decodeSyntheseRecords() throws IOException {
    return records.fromJson(new Buffer().write(synthese));
  }
}
