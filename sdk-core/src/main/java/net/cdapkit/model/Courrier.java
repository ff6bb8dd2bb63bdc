package net.cdapkit.model;

import java.time.LocalDate;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * One line of the courriers tab: a letter the CAF sent the allocataire, so an agent can tell the
 * household which request it answers; the subject is free text and prints masked.
 */
@Value.Immutable
@CdapStyle
public abstract class Courrier {
  /** {@return the date} */
  public abstract LocalDate date();

  /** {@return the subject, in the CAF's words: free text, may describe the household} */
  @Value.Redacted
  public abstract String objet();

  /** {@return the channel the letter went through} */
  public abstract CanalCourrier canal();

  /** {@return a new builder of {@link Courrier}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Courrier}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableCourrier.Builder {}
}
