package net.cdapkit.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.benchmarks.client.Demo;
import net.cdapkit.benchmarks.client.RawClient;
import net.cdapkit.benchmarks.client.SdkConfig;
import net.cdapkit.internal.http.CallTag;
import net.cdapkit.internal.http.CdapApi;
import net.cdapkit.internal.http.SdkInterceptor;
import net.cdapkit.internal.json.CdapJson;
import net.cdapkit.model.Synthese;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Where the SDK's time over raw OkHttp goes, for one tab read: the hand-written client gains the
 * SDK's features one at a time, in turns as in {@link InterleavedBenchmark} (iteration {@code k}
 * measures step {@code STEPS[k % 5]}), each step's cost being the difference with the previous.
 *
 * <ol>
 *   <li>{@code raw}: OkHttp's defaults, Moshi into a record;
 *   <li>{@code +callTimeout}: the SDK's whole-call deadline (60 s), which Okio enforces with its
 *       watchdog thread;
 *   <li>{@code +headers}: the SDK's User-Agent and a random X-Request-Id per attempt, added by an
 *       interceptor;
 *   <li>{@code +retrofit}: the request built by Retrofit from the SDK's own interface, the body
 *       decoded into the SDK's value types;
 *   <li>{@code sdk}: the SDK itself (session, capability check, retry loop, bounded read, typed
 *       errors).
 * </ol>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 100, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 150, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class OverheadBreakdownBenchmark {
  /** The steps, in the order they take turns. */
  public static final List<String> STEPS =
      List.of("raw", "+callTimeout", "+headers", "+retrofit", "sdk");

  /** Every step's client, against one canned server. */
  @State(Scope.Benchmark)
  public static class Steps {
    CannedServer server;
    RawClient raw;
    RawClient rawCallTimeout;
    RawClient rawHeaders;
    CdapApi retrofit;
    CdapSession session;
    Dossier dossier;
    String authorization;
    String reference;
    CallTag tag;

    @Setup(Level.Trial)
    public void start() throws IOException {
      server = CannedServer.start(Fixtures.consultationRoutes());
      String url = server.baseUrl();
      raw = new RawClient(url);
      authorization = raw.authenticate(Demo.LOGIN, Demo.PASSWORD);
      reference = raw.lookup(authorization, Demo.FINALITE, Demo.CAF, Demo.NUMERO).reference();
      OkHttpClient withDeadline =
          new OkHttpClient.Builder().callTimeout(60, TimeUnit.SECONDS).build();
      rawCallTimeout = new RawClient(url, withDeadline);
      Interceptor headers =
          chain ->
              chain.proceed(
                  chain
                      .request()
                      .newBuilder()
                      .header("User-Agent", "cdapkit-java/bench")
                      .header("X-Request-Id", UUID.randomUUID().toString())
                      .build());
      OkHttpClient withHeaders =
          withDeadline
              .newBuilder()
              .addInterceptor(headers)
              .addInterceptor(new SdkInterceptor("cdapkit-java/bench"))
              .build();
      tag = new CallTag(Demo.LOGIN, Demo.FINALITE, null);
      tag.authorization(authorization);
      rawHeaders = new RawClient(url, withHeaders);
      retrofit =
          new Retrofit.Builder().baseUrl(url).client(withHeaders).build().create(CdapApi.class);
      session = SdkConfig.client(url, SdkConfig.Variant.PARTNER_DEFAULT).authenticate();
      dossier =
          session.selectCaf(SdkConfig.CAF).consultDossier(SdkConfig.NUMERO, SdkConfig.FINALITE);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      session.close();
      server.close();
    }
  }

  /** Which step the current iteration measures. */
  @State(Scope.Thread)
  public static class Turn {
    int iteration = -1;
    int step;

    @Setup(Level.Iteration)
    public void next() {
      iteration++;
      step = iteration % STEPS.size();
    }
  }

  @Benchmark
  public Object tabRead(Turn turn, Steps s) throws IOException {
    switch (turn.step) {
      case 0:
        return s.raw.synthese(s.authorization, Demo.FINALITE, s.reference);
      case 1:
        return s.rawCallTimeout.synthese(s.authorization, Demo.FINALITE, s.reference);
      case 2:
        return s.rawHeaders.synthese(s.authorization, Demo.FINALITE, s.reference);
      case 3:
        Response<ResponseBody> response = s.retrofit.tab(s.tag, s.reference, "synthese").execute();
        try (ResponseBody body = response.body()) {
          return CdapJson.decode(Synthese.class, body.source());
        }
      default:
        return s.dossier.synthese();
    }
  }
}
