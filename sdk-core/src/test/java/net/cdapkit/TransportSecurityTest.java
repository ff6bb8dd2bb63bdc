package net.cdapkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import net.cdapkit.error.InvalidInputException;
import okhttp3.Cache;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transport rules that hold whatever the caller configures: HTTPS except loopback, no HTTP cache on
 * disk, optional certificate pins, credentials only through a provider and never in a toString.
 */
class TransportSecurityTest {
  private static final String PIN_A = pin((byte) 1);
  private static final String PIN_B = pin((byte) 2);

  @TempDir Path dir;

  private static String pin(byte fill) {
    byte[] hash = new byte[32];
    java.util.Arrays.fill(hash, fill);
    return "sha256/" + java.util.Base64.getEncoder().encodeToString(hash);
  }

  private static CdapClient.Builder https() {
    return CdapClient.builder().baseUrl("https://cdap.example.org/api/v1/");
  }

  @Test
  void build_whenPlainHttpToAnyNonLoopbackHost_refusesNamingHttps() {
    for (String url :
        new String[] {
          "http://cdap.example.org/api/v1/", "http://10.0.0.8/api/v1/", "http://[2001:db8::1]/"
        }) {
      assertThatThrownBy(() -> CdapClient.builder().baseUrl(url).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("must use https");
    }
    assertThat(CdapClient.builder().baseUrl("http://127.0.0.2:9/api/v1/").build()).isNotNull();
  }

  @Test
  void httpCache_isNeverUsed_evenWhenTheCallersClientHasOne() {
    assertThat(https().build().okHttpClient().cache()).isNull();
    OkHttpClient withCache =
        new OkHttpClient.Builder().cache(new Cache(dir.toFile(), 1024 * 1024)).build();
    assertThat(https().okHttpClient(withCache).build().okHttpClient().cache()).isNull();
  }

  @Test
  void certificatePins_areAppliedToTheHost_andKeepTheCallersOwn() {
    OkHttpClient mine =
        new OkHttpClient.Builder()
            .certificatePinner(
                new CertificatePinner.Builder().add("other.example.org", PIN_B).build())
            .build();

    CertificatePinner pinner =
        https()
            .okHttpClient(mine)
            .certificatePins("cdap.example.org", PIN_A, PIN_B)
            .build()
            .okHttpClient()
            .certificatePinner();

    assertThat(pinner.findMatchingPins("cdap.example.org"))
        .extracting(Object::toString)
        .containsExactlyInAnyOrder(PIN_A, PIN_B);
    assertThat(pinner.findMatchingPins("other.example.org"))
        .extracting(Object::toString)
        .containsExactly(PIN_B);
    assertThat(https().build().okHttpClient().certificatePinner().getPins()).isEmpty();
  }

  @Test
  void certificatePins_whenMalformed_areRefusedWithTheFormat() {
    assertThatThrownBy(() -> https().certificatePins("cdap.example.org", "sha1/AAAA"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sha256/");
    assertThatThrownBy(() -> https().certificatePins(" ", PIN_A))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> https().certificatePins("cdap.example.org"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void credentials_fromSystemProperties_areReadAtEachUseAndNeverShown() {
    CredentialsProvider provider = CredentialsProvider.fromSystemProperties();
    System.setProperty("cdap.login", "agent.props");
    System.setProperty("cdap.password", "secret-props-1");
    try {
      Credentials c = provider.credentials();
      assertThat(c.login()).isEqualTo("agent.props");
      assertThat(c.password()).isEqualTo("secret-props-1");
      assertThat(c.toString() + provider)
          .doesNotContain("secret-props-1")
          .doesNotContain("agent.props");
    } finally {
      System.clearProperty("cdap.login");
      System.clearProperty("cdap.password");
    }
    assertThatThrownBy(provider::credentials)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cdap.password");
  }

  @Test
  void credentials_fromEnvironment_nameTheVariablesWhenMissing() {
    CredentialsProvider provider = CredentialsProvider.fromEnvironment();
    assertThat(provider.toString()).contains("CDAP_LOGIN").contains("CDAP_PASSWORD");
    if (System.getenv("CDAP_PASSWORD") == null) {
      assertThatThrownBy(provider::credentials)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("CDAP_LOGIN");
    }
  }

  @Test
  void credentials_fromFile_areReadAtEachUseAndNeverShown() throws Exception {
    Path file = dir.resolve("cdap.credentials");
    Files.writeString(file, "login=agent.file\npassword=secret-file-1\n");
    CredentialsProvider provider = CredentialsProvider.fromFile(file);

    assertThat(provider.credentials().password()).isEqualTo("secret-file-1");
    Files.writeString(file, "login=agent.file\npassword=secret-file-2\n");
    assertThat(provider.credentials().password()).isEqualTo("secret-file-2");
    assertThat(provider.toString() + provider.credentials()).doesNotContain("secret-file");

    Files.writeString(file, "password=secret-file-3\n");
    assertThatThrownBy(provider::credentials)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("secret-file-3");
  }

  @Test
  void credentials_fromACustomProvider_areAskedAtEachAuthentication() {
    int[] asked = new int[1];
    CredentialsProvider vault =
        () -> {
          asked[0]++;
          return Credentials.of("agent.vault", "secret-vault-" + asked[0]);
        };
    CdapClient client = https().credentials(vault).build();

    assertThat(vault.credentials().password()).isEqualTo("secret-vault-1");
    assertThat(client.toString()).doesNotContain("secret").doesNotContain("agent.vault");
    assertThat(CredentialsProvider.of("agent.fixed", "secret-fixed").toString())
        .doesNotContain("secret-fixed")
        .doesNotContain("agent.fixed");
  }
}
