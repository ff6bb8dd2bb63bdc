package net.cdapkit.example;

/** Names a type of sdk-core's implementation package, which the module does not export. */
public final class UsesInternal {
  private UsesInternal() {}

  /** The implementation's annotation type: visible on the class path, not to a module. */
  public static final Class<?> STYLE = net.cdapkit.internal.CdapStyle.class;
}
