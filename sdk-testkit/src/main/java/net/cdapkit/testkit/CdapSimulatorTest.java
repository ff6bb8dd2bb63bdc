package net.cdapkit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against one {@link CdapSimulator}, the declarative way: started before the
 * first test, reset before each, checked after each, stopped after the last; test methods declare
 * what they need as parameters.
 *
 * <pre>{@code
 * @CdapSimulatorTest(profile = "T5")
 * class RentCheckTest {
 *   @Test
 *   void check_whenTiersPayant_isPaidToTheLandlord(CdapSession session, CdapSimulator sim) { ... }
 * }
 * }</pre>
 *
 * <p>For a clock, token lifetime or catalogue of your own, register {@link
 * CdapSimulatorExtension#builder()} on a static field instead. Use one or the other, not both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CdapSimulatorExtension.class)
public @interface CdapSimulatorTest {
  /**
   * The profile of the demo agent of the injected client and session: T1 (default) to T5.
   *
   * @return the profile's name, {@code T1} by default
   */
  String profile() default "T1";

  /**
   * Whether a request for a route the contract does not define fails the test.
   *
   * @return {@code true} to fail the test on such a request; {@code false} by default
   */
  boolean failOnUnmatchedRequests() default false;

  /**
   * How much traffic is checked against the contract; a violation fails the test.
   *
   * @return the level of checking, {@link Conformance#REQUESTS_AND_RESPONSES} by default
   */
  Conformance conformance() default Conformance.REQUESTS_AND_RESPONSES;

  /**
   * Whether each test fails when its logs, or the exception that failed it, carry personal data of
   * a dossier it consulted, or when a consultation went out without a finalité.
   *
   * @return {@code true} (default) to check compliance after each test
   */
  boolean compliance() default true;
}
