package net.cdapkit.internal.http;

/** The body of {@code POST auth/token}. Not API; never logged. */
public final class CredentialsPayload {
  final String login;
  final String password;

  public CredentialsPayload(String login, String password) {
    this.login = login;
    this.password = password;
  }

  @Override
  public String toString() {
    return "CredentialsPayload{****}";
  }
}
