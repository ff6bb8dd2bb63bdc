package net.cdapkit.spring.boot;

/**
 * {@code cdap.base-url} is not set and the application defines no {@code CdapClient} of its own.
 */
final class MissingBaseUrlException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  MissingBaseUrlException() {
    super(
        "cdap.base-url is not set: give the CDAP server's base URL, e.g."
            + " cdap.base-url=https://cdap.example.org/api/v1/, or define a CdapClient bean");
  }
}
