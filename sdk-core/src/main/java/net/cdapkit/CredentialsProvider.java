package net.cdapkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.cdapkit.error.InvalidInputException;

/**
 * Supplies the agent's credentials each time the client authenticates, so that a vault or a rotated
 * secret can be read at that moment rather than kept in the client.
 *
 * <p>Implementations must be thread-safe and must not log what they return.
 */
@FunctionalInterface
public interface CredentialsProvider {

  /**
   * The credentials to use for the authentication about to happen; asked at each one.
   *
   * @return the credentials to authenticate with now
   * @throws InvalidInputException when no usable credentials are available
   */
  Credentials credentials();

  /**
   * Fixed credentials, e.g. in tests or when the caller already read them from a vault.
   *
   * @param login the agent's login
   * @param password the agent's password; secret
   * @return a provider that always answers these credentials
   */
  static CredentialsProvider of(String login, String password) {
    Credentials credentials = Credentials.of(login, password);
    return new CredentialsProvider() {
      @Override
      public Credentials credentials() {
        return credentials;
      }

      @Override
      public String toString() {
        return "CredentialsProvider.of(****)";
      }
    };
  }

  /**
   * Reads {@code CDAP_LOGIN} and {@code CDAP_PASSWORD} from the environment, at each use.
   *
   * @return a provider reading the environment at each authentication
   */
  static CredentialsProvider fromEnvironment() {
    return fromMap(System::getenv, "CDAP_LOGIN", "CDAP_PASSWORD", "environment variables");
  }

  /**
   * Reads {@code cdap.login} and {@code cdap.password} system properties, at each use.
   *
   * @return a provider reading the system properties at each authentication
   */
  static CredentialsProvider fromSystemProperties() {
    return fromMap(System::getProperty, "cdap.login", "cdap.password", "system properties");
  }

  /**
   * Reads a file of two lines, {@code login=…} and {@code password=…}, at each use. Keep the file
   * readable by the service account only.
   *
   * @param file the credentials file, read at each authentication so a rotated password is picked
   *     up
   * @return a provider reading that file
   */
  static CredentialsProvider fromFile(Path file) {
    if (file == null) {
      throw new InvalidInputException("Credentials file path is required");
    }
    return new CredentialsProvider() {
      @Override
      public Credentials credentials() {
        List<String> lines;
        try {
          lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new InvalidInputException("Credentials file cannot be read: " + file);
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : lines) {
          int eq = line.indexOf('=');
          if (eq > 0) {
            values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
          }
        }
        if (!values.containsKey("login") || !values.containsKey("password")) {
          throw new InvalidInputException(
              "Credentials file must have two lines, login=… and password=…: " + file);
        }
        return Credentials.of(values.get("login"), values.get("password"));
      }

      @Override
      public String toString() {
        return "CredentialsProvider.fromFile(" + file + ")";
      }
    };
  }

  private static CredentialsProvider fromMap(
      java.util.function.Function<String, String> source,
      String loginKey,
      String passwordKey,
      String where) {
    return new CredentialsProvider() {
      @Override
      public Credentials credentials() {
        String login = source.apply(loginKey);
        String password = source.apply(passwordKey);
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
          throw new InvalidInputException(
              "Credentials missing: set the " + where + " " + loginKey + " and " + passwordKey);
        }
        return Credentials.of(login, password);
      }

      @Override
      public String toString() {
        return "CredentialsProvider(" + where + " " + loginKey + ", " + passwordKey + ")";
      }
    };
  }
}
