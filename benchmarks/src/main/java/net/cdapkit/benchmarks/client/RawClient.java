package net.cdapkit.benchmarks.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The same calls as the SDK's, hand-written on OkHttp and Moshi with plain records: no retries, no
 * capability checks, no size bound, no typed errors. What the SDK's overhead is measured against.
 */
public final class RawClient {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final HttpUrl base;
  private final JsonAdapter<RawModel.Credentials> credentials;
  private final JsonAdapter<RawModel.TokenResponse> token;
  private final JsonAdapter<RawModel.DossierLookup> lookup;
  private final JsonAdapter<RawModel.DossierReference> reference;
  private final JsonAdapter<RawModel.Synthese> synthese;
  private final JsonAdapter<RawModel.PaiementsPage> paiements;

  public RawClient(String baseUrl) {
    this(baseUrl, new OkHttpClient());
  }

  public RawClient(String baseUrl, OkHttpClient http) {
    this.http = http;
    this.base = HttpUrl.get(baseUrl);
    Moshi moshi = RawModel.moshi();
    this.credentials = moshi.adapter(RawModel.Credentials.class);
    this.token = moshi.adapter(RawModel.TokenResponse.class);
    this.lookup = moshi.adapter(RawModel.DossierLookup.class);
    this.reference = moshi.adapter(RawModel.DossierReference.class);
    this.synthese = moshi.adapter(RawModel.Synthese.class);
    this.paiements = moshi.adapter(RawModel.PaiementsPage.class);
  }

  /** Authenticates; returns the value of the {@code Authorization} header for later calls. */
  public String authenticate(String login, String password) throws IOException {
    Request request =
        new Request.Builder()
            .url(base.resolve("auth/token"))
            .post(
                RequestBody.create(
                    credentials.toJson(new RawModel.Credentials(login, password)), JSON))
            .build();
    return "Bearer " + execute(request, token).accessToken();
  }

  public RawModel.DossierReference lookup(
      String authorization, String finalite, String caf, String numero) throws IOException {
    Request request =
        new Request.Builder()
            .url(base.resolve("dossiers/recherche"))
            .header("Authorization", authorization)
            .header("X-Cdap-Finalite", finalite)
            .post(RequestBody.create(lookup.toJson(new RawModel.DossierLookup(caf, numero)), JSON))
            .build();
    return execute(request, reference);
  }

  public RawModel.Synthese synthese(String authorization, String finalite, String reference)
      throws IOException {
    HttpUrl url =
        base.newBuilder()
            .addPathSegment("dossiers")
            .addPathSegment(reference)
            .addPathSegment("synthese")
            .build();
    return execute(get(url, authorization, finalite), synthese);
  }

  public RawModel.PaiementsPage paiements(
      String authorization, String finalite, String reference, int page, int taille)
      throws IOException {
    HttpUrl url =
        base.newBuilder()
            .addPathSegment("dossiers")
            .addPathSegment(reference)
            .addPathSegment("paiements")
            .addQueryParameter("page", Integer.toString(page))
            .addQueryParameter("taille", Integer.toString(taille))
            .build();
    return execute(get(url, authorization, finalite), paiements);
  }

  private static Request get(HttpUrl url, String authorization, String finalite) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", authorization)
        .header("X-Cdap-Finalite", finalite)
        .build();
  }

  private <T> T execute(Request request, JsonAdapter<T> adapter) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      ResponseBody body = response.body();
      T value = adapter.fromJson(body.source());
      if (value == null) {
        throw new IOException("null body");
      }
      return value;
    }
  }
}
