package net.cdapkit;

/** The SDK's version, sent in the User-Agent. */
final class Version {
  static final String VALUE = "0.2.0";

  private Version() {}
}
