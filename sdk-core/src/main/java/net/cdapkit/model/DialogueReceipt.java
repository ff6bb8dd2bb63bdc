package net.cdapkit.model;

import java.time.OffsetDateTime;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The CAF's receipt for a "Dialogue" message, the reference an agent quotes when following the
 * message up.
 */
@Value.Immutable
@CdapStyle
public abstract class DialogueReceipt {
  /** {@return the receipt reference, e.g. {@code DLG-751-000042}} */
  public abstract String reference();

  /** {@return when the CAF received the message} */
  public abstract OffsetDateTime recuLe();

  /** {@return a new builder of {@link DialogueReceipt}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link DialogueReceipt}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableDialogueReceipt.Builder {}
}
