package net.cdapkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.MockWebServer;
import net.cdapkit.error.TransportException;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate pinning over a real TLS handshake, with a certificate the JDK's keytool makes for
 * localhost (a separate process, hence an integration test).
 */
class CertificatePinningIntegrationTest {
  private static final char[] PASS = "changeit".toCharArray();

  @TempDir static Path dir;
  private static MockWebServer server;
  private static OkHttpClient trusting;
  private static X509Certificate certificate;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = dir.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "cdap",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASS),
                "-keypass",
                new String(PASS))
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, PASS);
    }
    certificate = (X509Certificate) ks.getCertificate("cdap");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASS);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    server = new MockWebServer();
    server.useHttps(serverTls.getSocketFactory());
    server.start(InetAddress.getByName("127.0.0.1"), 0);

    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("cdap", certificate);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
    SSLContext clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
    trusting =
        new OkHttpClient.Builder().sslSocketFactory(clientTls.getSocketFactory(), tm).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static CdapClient.Builder client() {
    return CdapClient.builder()
        .baseUrl("https://localhost:" + server.getPort() + "/api/v1/")
        .okHttpClient(trusting)
        .retryPolicy(RetryPolicy.none())
        .credentials(CredentialsProvider.of("agent-test", "pw-test-123"));
  }

  @Test
  void authenticate_whenServerKeyMatchesAPin_goesThrough() {
    server.enqueue(
        ClientPipelineTest.json(
            200, ClientPipelineTest.token("T1", "\"synthese\"", "", "\"ACCOMPAGNEMENT_SOCIAL\"")));

    CdapSession session =
        client()
            .certificatePins("localhost", CertificatePinner.pin(certificate))
            .build()
            .authenticate();

    assertThat(session.profile()).isEqualTo("T1");
  }

  @Test
  void authenticate_whenNoPinMatches_failsBeforeSendingTheCredentials() {
    int before = server.getRequestCount();
    String wrong = "sha256/" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    assertThatThrownBy(() -> client().certificatePins("localhost", wrong).build().authenticate())
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("SSLPeerUnverifiedException")
        .hasMessageNotContaining("pw-test-123");
    assertThat(server.getRequestCount()).isEqualTo(before);
  }
}
