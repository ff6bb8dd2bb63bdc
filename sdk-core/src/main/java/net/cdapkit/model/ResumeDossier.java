package net.cdapkit.model;

import java.time.LocalDate;
import java.util.Optional;
import net.cdapkit.internal.CdapStyle;
import org.immutables.value.Value;

/**
 * The résumé du dossier tab: address, affiliation, scheme, family situation and status, what an
 * agent checks before acting on a dossier; the address and the date of the family situation print
 * masked.
 */
@Value.Immutable
@CdapStyle
public abstract class ResumeDossier {
  /** {@return the postal address} */
  public abstract Adresse adresse();

  /** {@return the date of affiliation to the CAF} */
  public abstract LocalDate dateAffiliation();

  /** {@return the social security scheme} */
  public abstract Regime regime();

  /** {@return the family situation} */
  public abstract SituationFamiliale situationFamiliale();

  /** {@return Since when the family situation holds (a marriage, a separation…): personal} */
  @Value.Redacted
  public abstract Optional<LocalDate> dateSituationFamiliale();

  /** {@return the status of the dossier} */
  public abstract StatutDossier statut();

  /** {@return the last time the CAF changed the dossier} */
  public abstract LocalDate derniereModification();

  /** {@return a new builder of {@link ResumeDossier}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link ResumeDossier}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableResumeDossier.Builder {}
}
