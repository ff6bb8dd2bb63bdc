package net.cdapkit.event;

/** The listener that does nothing. */
final class NoEventListener implements CdapEventListener {
  static final NoEventListener INSTANCE = new NoEventListener();

  private NoEventListener() {}

  @Override
  public String toString() {
    return "CdapEventListener.none()";
  }
}
