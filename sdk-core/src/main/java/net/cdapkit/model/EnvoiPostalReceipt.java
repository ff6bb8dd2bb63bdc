package net.cdapkit.model;

import java.time.LocalDate;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The receipt for an attestation the CAF will post to the allocataire: proof the request was taken,
 * without the address, which the partner never sees.
 */
@Value.Immutable
@CdapStyle
public abstract class EnvoiPostalReceipt {
  /** {@return the receipt reference, e.g. {@code ENV-751-000123}} */
  public abstract String reference();

  /** {@return the type} */
  public abstract AttestationType type();

  /** {@return when the CAF plans to post it} */
  public abstract LocalDate dateEnvoiPrevue();

  /** {@return a new builder of {@link EnvoiPostalReceipt}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link EnvoiPostalReceipt}; {@code build()} throws {@link IllegalStateException} when
   * a required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableEnvoiPostalReceipt.Builder {}
}
