package net.cdapkit.spring.boot;

import net.cdapkit.CdapClient;

/**
 * Adjusts the auto-configured {@code CdapClient}'s builder after the {@code cdap.*} properties are
 * applied: a bean of this type is the way to set what properties do not cover (an own {@code
 * OkHttpClient}, certificate pins, a clock) without replacing the whole client.
 */
@FunctionalInterface
public interface CdapClientBuilderCustomizer {
  /**
   * Changes {@code builder} in place.
   *
   * @param builder the client's builder, with the {@code cdap.*} properties and listeners already
   *     applied; not yet built
   */
  void customize(CdapClient.Builder builder);
}
