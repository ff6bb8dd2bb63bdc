package net.cdapkit.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Timeout;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * A Retrofit call that plays a script of outcomes, one per attempt, without any network: answers,
 * I/O failures, or attempts that hang until their timeout (moving a {@link FakeTiming} by it).
 * Clones share the script and the record of timeouts set, as real clones share a server.
 */
final class FakeCall implements Call<ResponseBody> {
  /** One attempt's outcome. */
  interface Step {
    Response<ResponseBody> play(FakeCall call) throws IOException;
  }

  private static final Request REQUEST =
      new Request.Builder()
          .url("http://127.0.0.1:1/api/v1/dossiers/dos_abcdefgh12345678/synthese?numero=9900001")
          .header(CdapApi.REQUEST_ID, "req-fake-1")
          .build();

  private final Deque<Step> script;
  private final List<Duration> timeoutsSet;
  private final FakeTiming timing;
  private final Timeout timeout = new Timeout();
  private boolean executed;

  private FakeCall(Deque<Step> script, List<Duration> timeoutsSet, FakeTiming timing) {
    this.script = script;
    this.timeoutsSet = timeoutsSet;
    this.timing = timing;
    timeout.timeout(60, TimeUnit.SECONDS); // as an OkHttp client's call timeout would be
  }

  static FakeCall of(FakeTiming timing, Step... steps) {
    return new FakeCall(new ArrayDeque<>(List.of(steps)), new ArrayList<>(), timing);
  }

  static Step answer(int code, String contentType, String body, String... headers) {
    return call ->
        response(
            code, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
  }

  static Step answerBytes(int code, String contentType, byte[] body) {
    return call -> response(code, contentType, body);
  }

  static Step json(int code, String body, String... headers) {
    return answer(code, "application/json", body, headers);
  }

  static Step error(int code, String errorCode, String... headers) {
    return json(
        code,
        "{\"errors\":[{\"code\":\""
            + errorCode
            + "\",\"title\":\"Erreur\",\"detail\":\"Dossier 9900001 de EXEMPLE Camille\"}]}",
        headers);
  }

  static Step fail(IOException e) {
    return call -> {
      throw e;
    };
  }

  /** An attempt that takes {@code took} before failing with {@code e}. */
  static Step slowFail(Duration took, IOException e) {
    return call -> {
      call.timing.advance(took);
      throw e;
    };
  }

  /** An attempt the server never answers: it ends when the call's timeout fires. */
  static Step hang() {
    return call -> {
      call.timing.advance(Duration.ofNanos(call.timeout.timeoutNanos()));
      throw new InterruptedIOException("timeout");
    };
  }

  static Response<ResponseBody> response(
      int code, String contentType, byte[] body, String... headers) {
    okhttp3.Response raw =
        new okhttp3.Response.Builder()
            .request(REQUEST)
            .protocol(Protocol.HTTP_1_1)
            .code(code)
            .message("fake")
            .headers(Headers.of(headers))
            .build();
    ResponseBody rb =
        ResponseBody.create(body, contentType == null ? null : MediaType.parse(contentType));
    return code >= 200 && code < 300 ? Response.success(rb, raw) : Response.error(rb, raw);
  }

  /** How many attempts were made with this call and its clones. */
  int attempts() {
    return timeoutsSet.size();
  }

  /** The timeout each attempt was given. */
  List<Duration> timeoutsSet() {
    return List.copyOf(timeoutsSet);
  }

  @Override
  public Response<ResponseBody> execute() throws IOException {
    if (executed) {
      throw new IllegalStateException("Already executed");
    }
    executed = true;
    timeoutsSet.add(Duration.ofNanos(timeout.timeoutNanos()));
    Step step = script.poll();
    if (step == null) {
      throw new AssertionError("No more scripted attempts");
    }
    return step.play(this);
  }

  @Override
  public void enqueue(Callback<ResponseBody> callback) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean isExecuted() {
    return executed;
  }

  @Override
  public void cancel() {}

  @Override
  public boolean isCanceled() {
    return false;
  }

  @Override
  public FakeCall clone() {
    return new FakeCall(script, timeoutsSet, timing);
  }

  @Override
  public Request request() {
    return REQUEST;
  }

  @Override
  public Timeout timeout() {
    return timeout;
  }
}
