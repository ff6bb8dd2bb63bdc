package net.cdapkit.model;

import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/** The agent acting in the session, as the server knows them. */
@Value.Immutable
@CdapStyle
public abstract class Agent {
  /** The agent's identifier at the partner (their login). */
  public abstract String id();

  /** The agent's display name; personal, so redacted in {@code toString()}. */
  @Value.Redacted
  public abstract Optional<String> nom();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableAgent.Builder {}
}
