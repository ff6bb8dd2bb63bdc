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
  /** The receipt reference, e.g. {@code ENV-751-000123}. */
  public abstract String reference();

  public abstract AttestationType type();

  /** When the CAF plans to post it. */
  public abstract LocalDate dateEnvoiPrevue();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableEnvoiPostalReceipt.Builder {}
}
