package net.cdapkit.model;

import java.util.List;
import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The synthèse tab: the first screen an agent reads, with who the allocataire is, the household
 * size, the current quotient familial and what is paid.
 */
@Value.Immutable
@CdapStyle
public abstract class Synthese {
  /**
   * {@return which prestations the list shows: {@link Perimetre#AIDES_LOGEMENT} when the profile
   * sees housing aids only (a landlord never learns, say, that the household receives the RSA)}
   */
  public abstract Perimetre perimetre();

  /** {@return the allocataire} */
  public abstract Personne allocataire();

  /** {@return the CAF that manages the dossier} */
  public abstract CafCode caf();

  /** {@return the family situation} */
  public abstract SituationFamiliale situationFamiliale();

  /** {@return the number of dependent children} */
  public abstract int nombreEnfants();

  /** {@return the quotient familial of the current month, when the CAF computed one} */
  public abstract Optional<QuotientFamilial> quotientFamilial();

  /** {@return the open prestations with their last monthly amount} */
  public abstract List<PrestationVersee> prestations();

  @Value.Check
  void check() {
    if (nombreEnfants() < 0) {
      throw new IllegalStateException("Synthese.nombreEnfants must not be negative");
    }
  }

  /** {@return a new builder of {@link Synthese}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Synthese}; {@code build()} throws {@link IllegalStateException} when a required
   * attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableSynthese.Builder {}
}
