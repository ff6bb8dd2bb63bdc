package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A bare HTTP client for the tests: the JDK's {@link HttpClient} and a generic Moshi parse, so that
 * the simulator is checked against the contract and not through the SDK.
 */
final class SimClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private final String baseUrl;
  private final String root;

  SimClient(CdapSimulator simulator) {
    this.baseUrl = simulator.baseUrl();
    this.root = "http://127.0.0.1:" + simulator.port();
  }

  /** A request to a path relative to the base URL, or absolute when it starts with '/'. */
  Req req(String method, String path) {
    return new Req(method, path);
  }

  Req get(String path) {
    return req("GET", path);
  }

  Req post(String path) {
    return req("POST", path);
  }

  /** Logs in a demo agent and returns the bearer token. */
  String login(String login) {
    Resp r =
        post("auth/token")
            .json("{\"login\":\"" + login + "\",\"password\":\"demo-password\"}")
            .send();
    assertThat(r.status()).as("login of %s", login).isEqualTo(200);
    return r.str("accessToken");
  }

  /** Looks a dossier up and returns its reference. */
  String lookup(String token, String caf, String numero, String finalite) {
    Resp r =
        post("dossiers/recherche")
            .bearer(token)
            .finalite(finalite)
            .json("{\"caf\":\"" + caf + "\",\"numeroAllocataire\":\"" + numero + "\"}")
            .send();
    assertThat(r.status()).as("lookup").isEqualTo(200);
    return r.str("reference");
  }

  final class Req {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;

    Req(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Req header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Req bearer(String token) {
      return header("Authorization", "Bearer " + token);
    }

    Req finalite(String code) {
      return header("X-Cdap-Finalite", code);
    }

    Req key(String idempotencyKey) {
      return header("Idempotency-Key", idempotencyKey);
    }

    Req json(String json) {
      this.body = json;
      return header("Content-Type", "application/json");
    }

    private HttpRequest build() {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create((path.startsWith("/") ? root : baseUrl) + path))
              .timeout(Duration.ofSeconds(10));
      headers.forEach(b::header);
      b.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      return b.build();
    }

    Resp send() {
      try {
        HttpResponse<byte[]> r = HTTP.send(build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Resp(r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    CompletableFuture<Resp> sendAsync() {
      return HTTP.sendAsync(build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(Resp::new);
    }
  }

  static final class Resp {
    private final HttpResponse<byte[]> response;
    private Object json;

    Resp(HttpResponse<byte[]> response) {
      this.response = response;
    }

    int status() {
      return response.statusCode();
    }

    byte[] bytes() {
      return response.body();
    }

    String body() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    Object json() {
      if (json == null) {
        try {
          json = JSON.fromJson(body());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return json;
    }

    /** The value at a dotted path, list indexes as numbers: {@code errors.0.code}. */
    Object at(String path) {
      Object v = json();
      if (path.isEmpty()) {
        return v;
      }
      for (String part : path.split("\\.")) {
        if (v instanceof Map<?, ?> m) {
          v = m.get(part);
        } else if (v instanceof List<?> l) {
          v = l.get(Integer.parseInt(part));
        } else {
          return null;
        }
      }
      return v;
    }

    String str(String path) {
      return (String) at(path);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String path) {
      return (List<Map<String, Object>>) at(path);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String path) {
      return (Map<String, Object>) at(path);
    }

    /** The first error's code. */
    String errorCode() {
      return str("errors.0.code");
    }

    @Override
    public String toString() {
      return "Resp[" + status() + "] " + body();
    }
  }
}
