package net.cdapkit.model;

import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/** The agent acting in the session, as the server knows them. */
@Value.Immutable
@CdapStyle
public abstract class Agent {
  /** {@return the agent's identifier at the partner (their login)} */
  public abstract String id();

  /** {@return the agent's display name; personal, so redacted in {@code toString()}} */
  @Value.Redacted
  public abstract Optional<String> nom();

  /** {@return a new builder of {@link Agent}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Agent}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableAgent.Builder {}
}
