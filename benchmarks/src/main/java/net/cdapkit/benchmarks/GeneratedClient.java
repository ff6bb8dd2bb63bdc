package net.cdapkit.benchmarks;

import net.cdapkit.benchmarks.client.Demo;
import net.cdapkit.benchmarks.generated.api.DefaultApi;
import net.cdapkit.benchmarks.generated.invoker.ApiClient;
import net.cdapkit.benchmarks.generated.invoker.ApiException;
import net.cdapkit.benchmarks.generated.model.Credentials;
import net.cdapkit.benchmarks.generated.model.DossierLookup;
import net.cdapkit.benchmarks.generated.model.PaiementsPage;
import net.cdapkit.benchmarks.generated.model.Synthese;

/**
 * The client openapi-generator makes from the contract (java, okhttp-gson), used as its README
 * shows: one {@code ApiClient} with the bearer token set after authentication.
 */
final class GeneratedClient {
  private final ApiClient apiClient;
  private final DefaultApi api;

  GeneratedClient(String baseUrl) {
    this.apiClient = new ApiClient();
    // The generator's base path has no trailing slash.
    apiClient.setBasePath(
        baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    this.api = new DefaultApi(apiClient);
  }

  void authenticate() throws ApiException {
    String token =
        api.authenticate(new Credentials().login(Demo.LOGIN).password(Demo.PASSWORD), null)
            .getAccessToken();
    apiClient.setBearerToken(token);
  }

  String lookup() throws ApiException {
    return api.lookupDossier(
            Demo.FINALITE,
            new DossierLookup().caf(Demo.CAF).numeroAllocataire(Demo.NUMERO),
            null,
            Demo.LOGIN)
        .getReference();
  }

  Synthese synthese(String reference) throws ApiException {
    return api.synthese(reference, Demo.FINALITE, null, Demo.LOGIN);
  }

  PaiementsPage paiements(String reference) throws ApiException {
    return api.paiements(reference, Demo.FINALITE, null, Demo.LOGIN, null, null, 0, Demo.PAGE_SIZE);
  }
}
