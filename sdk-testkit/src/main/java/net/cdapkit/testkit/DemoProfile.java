package net.cdapkit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the {@link CdapSimulatorExtension} for a {@link net.cdapkit.CdapSession} or {@link
 * net.cdapkit.CdapClient} of another demo profile than the test class's, so one test class can
 * compare what two profiles see.
 *
 * <pre>{@code
 * @CdapSimulatorTest // T1 by default
 * class TabsByProfileTest {
 *   @Test
 *   void rsa_whenProfileT5_isDenied(CdapSession t1, @DemoProfile("T5") CdapSession t5) { ... }
 * }
 * }</pre>
 *
 * <p>The session is opened on first use in the test and closed after it, like the default one.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DemoProfile {
  /**
   * The demo profile, {@code T1} to {@code T5}: the agent {@code demo-t1} to {@code demo-t5}.
   *
   * @return the profile's name, e.g. {@code T5}
   */
  String value();
}
