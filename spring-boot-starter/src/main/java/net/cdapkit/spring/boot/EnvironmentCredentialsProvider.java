package net.cdapkit.spring.boot;

import net.cdapkit.Credentials;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.error.InvalidInputException;
import org.springframework.core.env.Environment;

/**
 * Reads {@code cdap.credentials.login} and {@code .password} from the Spring environment at each
 * authentication, so that a rotated secret (a refreshed property source, an environment variable
 * {@code CDAP_CREDENTIALS_PASSWORD}) is used without restarting, and the password is not kept.
 */
final class EnvironmentCredentialsProvider implements CredentialsProvider {
  static final String LOGIN = "cdap.credentials.login";
  static final String PASSWORD = "cdap.credentials.password";

  private final Environment environment;

  EnvironmentCredentialsProvider(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Credentials credentials() {
    String login = environment.getProperty(LOGIN);
    String password = environment.getProperty(PASSWORD);
    if (login == null || login.isBlank() || password == null || password.isEmpty()) {
      throw new InvalidInputException("Credentials missing: set " + LOGIN + " and " + PASSWORD);
    }
    return Credentials.of(login, password);
  }

  @Override
  public String toString() {
    return "CredentialsProvider(Spring environment " + LOGIN + ", " + PASSWORD + ")";
  }
}
