package net.cdapkit.benchmarks.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.cdapkit.CdapSession;
import net.cdapkit.RateLimit;
import net.cdapkit.benchmarks.CannedServer;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.model.Synthese;
import org.junit.jupiter.api.Test;

class BatchDriverTest {

  private static byte[] canned(String name) throws IOException {
    try (InputStream in =
        CannedServer.class.getResourceAsStream("/net/cdapkit/benchmarks/canned/" + name)) {
      return in.readAllBytes();
    }
  }

  private static List<BatchDriver.Target> targets(int n) {
    return Collections.nCopies(
        n, new BatchDriver.Target(CafCode.of("751"), NumeroAllocataire.of("9900001")));
  }

  @Test
  void run_whenEveryConsultationSucceeds_reportsEachResultOnce() throws Exception {
    Map<String, byte[]> routes =
        Map.of(
            "POST auth/token", canned("token.json"),
            "POST dossiers/recherche", canned("dossier-reference.json"),
            "GET dossiers/{ref}/synthese", canned("synthese.json"));
    try (CannedServer server = CannedServer.start(routes);
        CdapSession session =
            SdkConfig.builder(server.baseUrl(), SdkConfig.Variant.PARTNER_DEFAULT)
                .rateLimit(RateLimit.none())
                .build()
                .authenticate()) {
      AtomicInteger results = new AtomicInteger();

      BatchDriver.Summary summary =
          new BatchDriver(session, SdkConfig.FINALITE, 100_000, 4)
              .run(targets(200).iterator(), listener(results, new ArrayList<>()));

      assertThat(summary.started()).isEqualTo(200);
      assertThat(summary.succeeded()).isEqualTo(200);
      assertThat(summary.failed()).isZero();
      assertThat(results).hasValue(200);
    }
  }

  @Test
  void run_whenConsultationsFail_reportsThemAsFailuresAndFinishesTheBatch() throws Exception {
    Map<String, byte[]> noDossiers = Map.of("POST auth/token", canned("token.json"));
    try (CannedServer server = CannedServer.start(noDossiers);
        CdapSession session =
            SdkConfig.builder(server.baseUrl(), SdkConfig.Variant.PARTNER_DEFAULT)
                .rateLimit(RateLimit.none())
                .build()
                .authenticate()) {
      List<String> failures = Collections.synchronizedList(new ArrayList<>());

      BatchDriver.Summary summary =
          new BatchDriver(session, SdkConfig.FINALITE, 100_000, 4)
              .run(targets(20).iterator(), listener(new AtomicInteger(), failures));

      assertThat(summary.started()).isEqualTo(20);
      assertThat(summary.failed()).isEqualTo(20);
      assertThat(failures).hasSize(20).containsOnly("NotFoundException");
    }
  }

  private static BatchDriver.Listener listener(AtomicInteger results, List<String> failures) {
    return new BatchDriver.Listener() {
      @Override
      public void onResult(BatchDriver.Target target, Synthese synthese) {
        results.incrementAndGet();
      }

      @Override
      public void onFailure(BatchDriver.Target target, RuntimeException failure) {
        failures.add(failure.getClass().getSimpleName());
      }
    };
  }
}
