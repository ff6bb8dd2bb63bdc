package net.cdapkit.testkit.internal.extension;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.cdapkit.CdapSession;
import net.cdapkit.testkit.Compliance;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the extension keeps per test, in a namespace of the test's own: the sessions it was given
 * (its class's profile's, then one per {@code @DemoProfile}) and the capture of its standard
 * streams. All of it is closed after the test.
 */
public final class TestResources {
  private static final String SESSION = "session";
  private static final String CAPTURE = "capture";

  /** The demo profiles a {@code @DemoProfile} may name. */
  private static final List<String> PROFILES = List.of("T1", "T2", "T3", "T4", "T5");

  private TestResources() {}

  /**
   * The test's session of this profile, opened on first use.
   *
   * @param profile a demo profile's code, or empty for the class's profile
   * @param open opens the session when the test has none of that profile yet
   */
  public static CdapSession session(
      ExtensionContext context, Optional<String> profile, Supplier<CdapSession> open) {
    ExtensionContext.Store store = store(context);
    String key = profile.map(code -> SESSION + ":" + code).orElse(SESSION);
    CdapSession session = store.get(key, CdapSession.class);
    if (session == null) {
      session = open.get();
      store.put(key, session);
    }
    return session;
  }

  /** Whether a demo profile's code names one of the demo profiles, T1 to T5. */
  public static boolean isDemoProfile(String code) {
    return PROFILES.contains(code);
  }

  /** Starts capturing the standard streams for the compliance check. */
  public static void captureStandardStreams(ExtensionContext context) {
    store(context).put(CAPTURE, Compliance.captureStandardStreams());
  }

  /**
   * Closes the test's sessions (logging them out) and its capture.
   *
   * @return what the test wrote to its standard streams; empty if nothing was captured
   */
  public static String close(ExtensionContext context) {
    ExtensionContext.Store store = store(context);
    closeSession(store, SESSION);
    PROFILES.forEach(code -> closeSession(store, SESSION + ":" + code));
    Compliance.Capture capture = store.remove(CAPTURE, Compliance.Capture.class);
    if (capture == null) {
      return "";
    }
    capture.close();
    return capture.text();
  }

  private static void closeSession(ExtensionContext.Store store, String key) {
    CdapSession session = store.remove(key, CdapSession.class);
    if (session != null) {
      session.close();
    }
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(ClassResources.NAMESPACE.append(context.getUniqueId()));
  }
}
