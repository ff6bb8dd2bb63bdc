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
  /** {@return the CAFs the session may consult} */
  public abstract Set<CafCode> cafs();

  /** {@return the tabs the session may read} */
  public abstract Set<Tab> tabs();

  /** {@return the actions the session may take} */
  public abstract Set<Action> actions();

  /** {@return the attestation types the session may request} */
  public abstract Set<AttestationType> attestationTypes();

  /** {@return the declared purposes the session may consult for} */
  public abstract Set<FinaliteCode> finalites();

  /** {@return the narrowing the server applies to what the tabs show} */
  public abstract Set<Restriction> restrictions();

  /**
   * {@return whether these habilitations allow {@code caf}}
   *
   * @param caf the CAF code
   */
  public boolean allowsCaf(CafCode caf) {
    return cafs().contains(caf);
  }

  /**
   * {@return whether these habilitations allow {@code tab}}
   *
   * @param tab the tab
   */
  public boolean allowsTab(Tab tab) {
    return tabs().contains(tab);
  }

  /**
   * {@return whether these habilitations allow {@code action}}
   *
   * @param action the action
   */
  public boolean allowsAction(Action action) {
    return actions().contains(action);
  }

  /**
   * {@return whether an attestation of this type may be viewed as PDF (and posted, if also
   * allowed)}
   *
   * @param type the attestation type
   */
  public boolean allowsAttestation(AttestationType type) {
    return attestationTypes().contains(type);
  }

  /**
   * {@return whether these habilitations allow {@code finalite}}
   *
   * @param finalite the purpose
   */
  public boolean allowsFinalite(FinaliteCode finalite) {
    return finalites().contains(finalite);
  }

  /** {@return a new builder of {@link Habilitations}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Habilitations}; {@code build()} throws {@link IllegalStateException} when a
   * required attribute is missing or invalid.
   */
  public static final class Builder extends ImmutableHabilitations.Builder {}
}
