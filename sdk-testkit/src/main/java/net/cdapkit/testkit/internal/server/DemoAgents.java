package net.cdapkit.testkit.internal.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.cdapkit.capability.Profile;
import net.cdapkit.capability.Profiles;
import net.cdapkit.model.CafCode;

/** The simulator's fixed agents: {@code demo-t1} to {@code demo-t5} and two refused ones. */
public final class DemoAgents {
  public static final String PASSWORD = "demo-password";
  public static final List<CafCode> CAFS =
      List.of(CafCode.of("751"), CafCode.of("131"), CafCode.of("691"));
  public static final String PARTENAIRE_ID = "PART-DEMO-001";
  public static final String PARTENAIRE_NOM = "Partenaire de démonstration (fictif)";

  public enum Status {
    ACTIVE,
    SUSPENDED,
    PASSWORD_RENEWAL
  }

  public record Agent(String login, String nom, Profile profile, Status status) {}

  private static final Map<String, Agent> AGENTS =
      Map.of(
          "demo-t1", active("demo-t1", Profiles::t1),
          "demo-t2", active("demo-t2", Profiles::t2),
          "demo-t3", active("demo-t3", Profiles::t3),
          "demo-t4", active("demo-t4", Profiles::t4),
          "demo-t5", active("demo-t5", Profiles::t5),
          "demo-suspendu",
              new Agent(
                  "demo-suspendu", "Agent suspendu (fictif)", Profiles.t1(CAFS), Status.SUSPENDED),
          "demo-renouvellement",
              new Agent(
                  "demo-renouvellement",
                  "Agent en renouvellement (fictif)",
                  Profiles.t1(CAFS),
                  Status.PASSWORD_RENEWAL));

  private DemoAgents() {}

  private static Agent active(String login, Function<List<CafCode>, Profile> profile) {
    Profile p = profile.apply(CAFS);
    return new Agent(login, "Agent de démonstration " + p.code(), p, Status.ACTIVE);
  }

  /** The agent with these credentials; compares the password in constant time. */
  public static Optional<Agent> authenticate(String login, String password) {
    Agent agent = AGENTS.get(login);
    boolean passwordOk =
        MessageDigest.isEqual(
            PASSWORD.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    return agent != null && passwordOk ? Optional.of(agent) : Optional.empty();
  }
}
