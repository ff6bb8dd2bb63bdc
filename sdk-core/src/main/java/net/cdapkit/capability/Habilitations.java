package net.cdapkit.capability;

import java.util.Set;
import net.cdapkit.internal.CdapStyle;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import org.immutables.value.Value;

/**
 * What a session may see and do: the CAFs, tabs, actions, attestation types and finalités, and the
 * narrowing the server applies. Returned by the server at authentication, and authoritative: the
 * SDK's {@link Profiles} catalogue only documents the usual profiles.
 */
@Value.Immutable
@CdapStyle
public abstract class Habilitations {
  public abstract Set<CafCode> cafs();

  public abstract Set<Tab> tabs();

  public abstract Set<Action> actions();

  public abstract Set<AttestationType> attestationTypes();

  public abstract Set<FinaliteCode> finalites();

  public abstract Set<Restriction> restrictions();

  public boolean allowsCaf(CafCode caf) {
    return cafs().contains(caf);
  }

  public boolean allowsTab(Tab tab) {
    return tabs().contains(tab);
  }

  public boolean allowsAction(Action action) {
    return actions().contains(action);
  }

  /** Whether an attestation of this type may be viewed as PDF (and posted, if also allowed). */
  public boolean allowsAttestation(AttestationType type) {
    return attestationTypes().contains(type);
  }

  public boolean allowsFinalite(FinaliteCode finalite) {
    return finalites().contains(finalite);
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ImmutableHabilitations.Builder {}
}
