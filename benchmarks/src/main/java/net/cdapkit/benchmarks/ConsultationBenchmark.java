package net.cdapkit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import net.cdapkit.CafContext;
import net.cdapkit.CdapClient;
import net.cdapkit.CdapSession;
import net.cdapkit.Dossier;
import net.cdapkit.benchmarks.client.Demo;
import net.cdapkit.benchmarks.client.RawClient;
import net.cdapkit.benchmarks.client.RawModel;
import net.cdapkit.benchmarks.client.SdkConfig;
import net.cdapkit.benchmarks.generated.invoker.ApiException;
import net.cdapkit.model.Paiement;
import net.cdapkit.model.Synthese;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same consultation by three clients against the canned loopback server: the SDK, raw OkHttp +
 * Moshi into records, and the client openapi-generator makes from the contract. Each session is
 * authenticated once per trial.
 *
 * <p>{@code consultation}: look the dossier up, read its synthèse and its (one) page of paiements,
 * three requests. {@code synthese}: one tab read on a dossier already looked up, one request, the
 * unit of "per call" figures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ConsultationBenchmark {

  /** The canned server, one per trial, shared by the three clients. */
  @State(Scope.Benchmark)
  public static class Server {
    CannedServer server;

    @Setup(Level.Trial)
    public void start() throws IOException {
      server = CannedServer.start(Fixtures.consultationRoutes());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      server.close();
    }
  }

  /** The SDK, configured by {@link SdkConfig}: one run per {@link SdkConfig.Variant}. */
  @State(Scope.Benchmark)
  public static class Sdk {
    @Param public SdkConfig.Variant variant;

    CdapSession session;
    CafContext caf;
    Dossier dossier;

    @Setup(Level.Trial)
    public void open(Server server) {
      CdapClient client = SdkConfig.client(server.server.baseUrl(), variant);
      session = client.authenticate();
      caf = session.selectCaf(SdkConfig.CAF);
      dossier = caf.consultDossier(SdkConfig.NUMERO, SdkConfig.FINALITE);
      Checks.expect(consult(this) == 2 + 3, "SDK consultation");
    }

    @TearDown(Level.Trial)
    public void close() {
      session.close();
    }
  }

  /** Raw OkHttp + Moshi. */
  @State(Scope.Benchmark)
  public static class Raw {
    RawClient client;
    String authorization;
    String reference;

    @Setup(Level.Trial)
    public void open(Server server) throws IOException {
      client = new RawClient(server.server.baseUrl());
      authorization = client.authenticate(Demo.LOGIN, Demo.PASSWORD);
      reference = client.lookup(authorization, Demo.FINALITE, Demo.CAF, Demo.NUMERO).reference();
      Checks.expect(consult(this) == 2 + 3, "raw consultation");
    }
  }

  /** The generated client. */
  @State(Scope.Benchmark)
  public static class Generated {
    GeneratedClient client;
    String reference;

    @Setup(Level.Trial)
    public void open(Server server) throws ApiException {
      client = new GeneratedClient(server.server.baseUrl());
      client.authenticate();
      reference = client.lookup();
      Checks.expect(consult(this) == 2 + 3, "generated consultation");
    }
  }

  @Benchmark
  public int sdkConsultation(Sdk sdk) {
    return consult(sdk);
  }

  @Benchmark
  public int rawConsultation(Raw raw) throws IOException {
    return consult(raw);
  }

  @Benchmark
  public int generatedConsultation(Generated generated) throws ApiException {
    return consult(generated);
  }

  @Benchmark
  public Synthese sdkSynthese(Sdk sdk) {
    return sdk.dossier.synthese();
  }

  @Benchmark
  public RawModel.Synthese rawSynthese(Raw raw) throws IOException {
    return raw.client.synthese(raw.authorization, Demo.FINALITE, raw.reference);
  }

  @Benchmark
  public net.cdapkit.benchmarks.generated.model.Synthese generatedSynthese(Generated generated)
      throws ApiException {
    return generated.client.synthese(generated.reference);
  }

  static int consult(Sdk sdk) {
    Dossier dossier = sdk.caf.consultDossier(SdkConfig.NUMERO, SdkConfig.FINALITE);
    int n = dossier.synthese().nombreEnfants();
    for (Paiement p : dossier.paiements()) {
      n += p.montant().signum();
    }
    return n;
  }

  static int consult(Raw raw) throws IOException {
    String reference =
        raw.client.lookup(raw.authorization, Demo.FINALITE, Demo.CAF, Demo.NUMERO).reference();
    int n = raw.client.synthese(raw.authorization, Demo.FINALITE, reference).nombreEnfants();
    for (RawModel.Paiement p :
        raw.client
            .paiements(raw.authorization, Demo.FINALITE, reference, 0, Demo.PAGE_SIZE)
            .elements()) {
      n += p.montant().signum();
    }
    return n;
  }

  static int consult(Generated generated) throws ApiException {
    String reference = generated.client.lookup();
    int n = generated.client.synthese(reference).getNombreEnfants();
    for (var p : generated.client.paiements(reference).getElements()) {
      n += p.getMontant().isEmpty() ? 0 : 1;
    }
    return n;
  }
}
