package net.cdapkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.cdapkit.error.InvalidInputException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class CdapClientBuilderTest {

  @Test
  void build_whenBaseUrlMissing_failsNamingTheField() {
    assertThatThrownBy(() -> CdapClient.builder().build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("baseUrl is required");
  }

  @Test
  void build_whenPlainHttpToRemoteHost_refusesIt() {
    assertThatThrownBy(
            () -> CdapClient.builder().baseUrl("http://cdap.example.org/api/v1/").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("https");
  }

  @Test
  void build_whenPlainHttpToLoopback_acceptsIt() {
    assertThat(CdapClient.builder().baseUrl("http://127.0.0.1:8080/api/v1").build().baseUrl())
        .hasToString("http://127.0.0.1:8080/api/v1/");
    assertThat(CdapClient.builder().baseUrl("http://localhost:1/api/v1/").build()).isNotNull();
    assertThat(CdapClient.builder().baseUrl("http://[::1]:1/api/v1/").build()).isNotNull();
  }

  @Test
  void build_whenHostnameOnlyLooksLocal_doesNotResolveItAndRefusesHttp() {
    assertThatThrownBy(() -> CdapClient.builder().baseUrl("http://127.0.0.1.example.org/").build())
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void build_whenUrlIsMalformed_failsWithFormat() {
    assertThatThrownBy(() -> CdapClient.builder().baseUrl("ftp://x").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("http(s) URL");
  }

  @Test
  void build_whenUrlCarriesCredentials_refusesIt() {
    assertThatThrownBy(
            () -> CdapClient.builder().baseUrl("https://user:pw@cdap.example.org/").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("must not carry credentials")
        .hasMessageNotContaining("pw");
  }

  @Test
  void timeouts_whenZeroOrNegativeOrNull_areRejected() {
    CdapClient.Builder b = CdapClient.builder();
    assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.writeTimeout(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.callTimeout(Duration.ZERO))
        .hasMessageContaining("callTimeout must be positive");
    assertThatThrownBy(() -> b.retryPolicy(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.maxResponseBytes(10)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void authenticate_whenNoCredentialsProvider_failsBeforeAnyRequest() {
    CdapClient client = CdapClient.builder().baseUrl("http://127.0.0.1:9/api/v1/").build();
    assertThatThrownBy(client::authenticate)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("credentials");
  }

  @Test
  void newBuilder_derivesAVariantWithoutChangingTheOriginal() {
    CdapClient a = CdapClient.builder().baseUrl("https://a.example.org/api/v1/").build();
    CdapClient b = a.newBuilder().baseUrl("https://b.example.org/api/v1/").build();
    assertThat(a.baseUrl().getHost()).isEqualTo("a.example.org");
    assertThat(b.baseUrl().getHost()).isEqualTo("b.example.org");
  }

  @Test
  void okHttpClient_whenCallerSuppliesOne_keepsTheirInterceptorsAndAddsTheSdks() {
    OkHttpClient mine =
        new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(chain.request())).build();
    CdapClient client =
        CdapClient.builder().baseUrl("https://cdap.example.org/api/v1/").okHttpClient(mine).build();
    assertThat(client).isNotNull();
    assertThat(mine.interceptors()).hasSize(1);
  }

  @Test
  void toString_showsNoSecrets() {
    CdapClient client =
        CdapClient.builder()
            .baseUrl("https://cdap.example.org/api/v1/")
            .credentials(CredentialsProvider.of("agent.secret", "s3cret-password"))
            .build();
    assertThat(client.toString()).doesNotContain("s3cret-password").doesNotContain("agent.secret");
    assertThat(Credentials.of("agent.secret", "s3cret-password").toString())
        .doesNotContain("s3cret")
        .doesNotContain("agent.secret");
  }
}
