package net.cdapkit;

import java.util.Objects;
import net.cdapkit.error.InvalidInputException;

/**
 * An agent's Mon Compte Partenaire identifiers. The password never appears in {@link #toString()},
 * a log line or an exception message.
 */
public final class Credentials {
  private final String login;
  private final String password;

  private Credentials(String login, String password) {
    this.login = login;
    this.password = password;
  }

  /**
   * An agent's login and password, checked before any network call.
   *
   * @param login the agent's login
   * @param password the agent's password; secret
   * @return the credentials, whose {@code toString} hides the password
   * @throws InvalidInputException if the login or the password is null or blank
   */
  public static Credentials of(String login, String password) {
    if (login == null || login.isBlank()) {
      throw new InvalidInputException("Login is required");
    }
    if (password == null || password.isEmpty()) {
      throw new InvalidInputException("Password is required");
    }
    if (login.length() > 128 || password.length() > 256) {
      throw new InvalidInputException("Login is at most 128 characters, password at most 256");
    }
    return new Credentials(login.strip(), password);
  }

  /**
   * The agent's login.
   *
   * @return the login, never blank
   */
  public String login() {
    return login;
  }

  /**
   * The password. Secret: do not log.
   *
   * @return the password, never blank
   */
  public String password() {
    return password;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials
        && ((Credentials) o).login.equals(login)
        && ((Credentials) o).password.equals(password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(login, password);
  }

  /** Shows neither the login nor the password. */
  @Override
  public String toString() {
    return "Credentials{****}";
  }
}
