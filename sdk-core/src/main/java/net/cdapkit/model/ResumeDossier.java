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
  public abstract Adresse adresse();

  public abstract LocalDate dateAffiliation();

  public abstract Regime regime();

  public abstract SituationFamiliale situationFamiliale();

  /** Since when the family situation holds (a marriage, a separation…): personal. */
  @Value.Redacted
  public abstract Optional<LocalDate> dateSituationFamiliale();

  public abstract StatutDossier statut();

  /** The last time the CAF changed the dossier. */
  public abstract LocalDate derniereModification();

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableResumeDossier.Builder {}
}
