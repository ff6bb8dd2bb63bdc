package net.cdapkit.model;

import java.util.List;
import java.util.Objects;
import net.cdapkit.error.InvalidInputException;

/**
 * The code of a declared purpose (finalité). The constants are the purposes this project models; a
 * server may grant others, which {@link #of(String)} accepts as long as they are well-formed. Which
 * ones a session may declare comes with its habilitations.
 */
public final class FinaliteCode {
  /** Social support of a household by a social worker (CD, CCAS). */
  public static final FinaliteCode ACCOMPAGNEMENT_SOCIAL =
      new FinaliteCode("ACCOMPAGNEMENT_SOCIAL");

  /** Instruction of an optional local aid by a CCAS. */
  public static final FinaliteCode AIDE_SOCIALE_FACULTATIVE =
      new FinaliteCode("AIDE_SOCIALE_FACULTATIVE");

  /** Prevention of evictions (CCAPEX, social landlords). */
  public static final FinaliteCode PREVENTION_EXPULSIONS =
      new FinaliteCode("PREVENTION_EXPULSIONS");

  /** Instruction of an RSA application. */
  public static final FinaliteCode INSTRUCTION_RSA = new FinaliteCode("INSTRUCTION_RSA");

  /** Orientation and follow-up of an RSA beneficiary by the referent. */
  public static final FinaliteCode ACCOMPAGNEMENT_RSA = new FinaliteCode("ACCOMPAGNEMENT_RSA");

  /** Management of a legal protection measure by a mandataire judiciaire. */
  public static final FinaliteCode PROTECTION_MAJEURS = new FinaliteCode("PROTECTION_MAJEURS");

  /** Setting a fee from the quotient familial (crèche, school canteen, leisure centre). */
  public static final FinaliteCode TARIFICATION_QUOTIENT_FAMILIAL =
      new FinaliteCode("TARIFICATION_QUOTIENT_FAMILIAL");

  /** A social landlord's management of a tenancy and its housing aid. */
  public static final FinaliteCode GESTION_LOCATIVE = new FinaliteCode("GESTION_LOCATIVE");

  private static final List<FinaliteCode> KNOWN =
      List.of(
          ACCOMPAGNEMENT_SOCIAL,
          AIDE_SOCIALE_FACULTATIVE,
          PREVENTION_EXPULSIONS,
          INSTRUCTION_RSA,
          ACCOMPAGNEMENT_RSA,
          PROTECTION_MAJEURS,
          TARIFICATION_QUOTIENT_FAMILIAL,
          GESTION_LOCATIVE);

  private final String code;

  private FinaliteCode(String code) {
    this.code = code;
  }

  /**
   * {@return the finalité with this code: a known constant, or a server-defined one}
   *
   * @param code the code
   * @throws InvalidInputException unless the code is 3 to 64 upper-case letters, digits or
   *     underscores, starting with a letter
   */
  public static FinaliteCode of(String code) {
    if (code == null || !code.matches("[A-Z][A-Z0-9_]{2,63}")) {
      throw new InvalidInputException(
          "Finalité code must be 3 to 64 characters A-Z, 0-9 or _, starting with a letter,"
              + " e.g. ACCOMPAGNEMENT_SOCIAL");
    }
    for (FinaliteCode known : KNOWN) {
      if (known.code.equals(code)) {
        return known;
      }
    }
    return new FinaliteCode(code);
  }

  /** {@return the finalités this project models, in a stable order} */
  public static List<FinaliteCode> known() {
    return KNOWN;
  }

  /** {@return the code as sent in the {@code X-Cdap-Finalite} header} */
  public String code() {
    return code;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FinaliteCode && ((FinaliteCode) o).code.equals(code);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code);
  }

  @Override
  public String toString() {
    return code;
  }
}
