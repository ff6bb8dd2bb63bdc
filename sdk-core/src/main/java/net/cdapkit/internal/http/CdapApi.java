package net.cdapkit.internal.http;

import net.cdapkit.internal.json.DialogueRequest;
import net.cdapkit.internal.json.DossierLookup;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Tag;

/**
 * The contract ({@code openapi.yaml}) as a Retrofit interface. Not API.
 *
 * <p>Session headers (authorization, agent, finalité, idempotency key) are not parameters: they
 * travel in each call's {@link CallTag} and {@link SdkInterceptor} applies them.
 *
 * <p>Responses are taken as raw bodies so that {@link ApiCaller} can tell a network failure while
 * reading (transport) from a body that does not decode (protocol), and bound the size.
 */
public interface CdapApi {
  String AUTHORIZATION = "Authorization";
  String FINALITE = "X-Cdap-Finalite";

  /** The acting agent's identifier, percent-encoded; on every authenticated operation. */
  String AGENT = "X-Cdap-Agent";

  String IDEMPOTENCY_KEY = "Idempotency-Key";
  String REQUEST_ID = "X-Request-Id";

  @POST("auth/token")
  Call<ResponseBody> authenticate(@Tag CallTag session, @Body CredentialsPayload credentials);

  @DELETE("sessions/courante")
  Call<ResponseBody> logout(@Tag CallTag session);

  @POST("dossiers/recherche")
  Call<ResponseBody> lookupDossier(@Tag CallTag session, @Body DossierLookup lookup);

  /** The non-paged tabs: synthese, resume, droits, famille, ressources, rsa, logement, creances. */
  @GET("dossiers/{reference}/{tab}")
  Call<ResponseBody> tab(
      @Tag CallTag session, @Path("reference") String reference, @Path("tab") String tab);

  /** The paged tabs: paiements and courriers. */
  @GET("dossiers/{reference}/{tab}")
  Call<ResponseBody> pagedTab(
      @Tag CallTag session,
      @Path("reference") String reference,
      @Path("tab") String tab,
      @Query("du") String du,
      @Query("au") String au,
      @Query("page") int page,
      @Query("taille") int taille);

  @GET("dossiers/{reference}/attestations/{type}")
  Call<ResponseBody> attestationPdf(
      @Tag CallTag session, @Path("reference") String reference, @Path("type") String type);

  @POST("dossiers/{reference}/attestations/{type}/envois-postaux")
  Call<ResponseBody> attestationPostale(
      @Tag CallTag session, @Path("reference") String reference, @Path("type") String type);

  @POST("cafs/{caf}/dialogues")
  Call<ResponseBody> sendDialogue(
      @Tag CallTag session, @Path("caf") String caf, @Body DialogueRequest message);

  @GET("aide/fiches")
  Call<ResponseBody> help(@Tag CallTag session);
}
