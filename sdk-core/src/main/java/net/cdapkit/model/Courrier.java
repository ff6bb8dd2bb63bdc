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
  public abstract LocalDate date();

  /** The subject, in the CAF's words: free text, may describe the household. */
  @Value.Redacted
  public abstract String objet();

  public abstract CanalCourrier canal();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableCourrier.Builder {}
}
