package net.cdapkit.benchmarks.client;

import java.io.IOException;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.model.Synthese;

/**
 * The cold-start flow, run in a fresh JVM per measurement: build a client, authenticate, consult
 * the demo dossier and read its synthèse, print one line, exit. The parent process times it from
 * the process start to that line.
 *
 * <p>{@code java ... ColdStart sdk|raw <baseUrl>}. The session is not closed: the measurement ends
 * at the first result, and a logout would only add a request after it.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ColdStart sdk|raw <baseUrl>");
      System.exit(2);
    }
    int enfants =
        switch (args[0]) {
          case "sdk" -> sdk(args[1]);
          case "raw" -> raw(args[1]);
          default -> throw new IllegalArgumentException("flow must be sdk or raw");
        };
    System.out.println("result nombreEnfants=" + enfants);
    System.out.flush();
    System.exit(0);
  }

  static int sdk(String baseUrl) {
    CdapClient client = SdkConfig.client(baseUrl, SdkConfig.Variant.PARTNER_DEFAULT);
    CdapSession session = client.authenticate();
    Synthese synthese =
        session
            .selectCaf(SdkConfig.CAF)
            .consultDossier(SdkConfig.NUMERO, SdkConfig.FINALITE)
            .synthese();
    return synthese.nombreEnfants();
  }

  static int raw(String baseUrl) throws IOException {
    RawClient client = new RawClient(baseUrl);
    String auth = client.authenticate(Demo.LOGIN, Demo.PASSWORD);
    String reference = client.lookup(auth, Demo.FINALITE, Demo.CAF, Demo.NUMERO).reference();
    return client.synthese(auth, Demo.FINALITE, reference).nombreEnfants();
  }
}
