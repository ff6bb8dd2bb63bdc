package net.cdapkit.model;

import java.util.Objects;
import java.util.Optional;
import net.cdapkit.error.InvalidInputException;

/**
 * The declared purpose of a consultation: a {@link FinaliteCode} the session is habilitated for,
 * and an optional free-text detail for the partner's own use. The code travels with every request
 * and into every audit record; the detail is never sent to the server and never logged — it may
 * mention the household — and goes into audit records only if the partner opts in ({@code
 * CdapClient.Builder.auditFinaliteDetail(true)}); otherwise they record only that one was given.
 */
public final class Finalite {
  /** Longest detail accepted, in characters. */
  public static final int MAX_DETAIL_LENGTH = 500;

  private final FinaliteCode code;
  private final String detail;

  private Finalite(FinaliteCode code, String detail) {
    this.code = code;
    this.detail = detail;
  }

  /**
   * {@return a finalité without detail}
   *
   * @param code the code
   */
  public static Finalite of(FinaliteCode code) {
    return of(code, null);
  }

  /**
   * {@return a finalité with a free-text detail (e.g. a case number of the partner's own)}
   *
   * @param code the code
   * @param detail the free-text detail the agent gives
   * @throws InvalidInputException if the code is null or the detail blank or too long
   */
  public static Finalite of(FinaliteCode code, String detail) {
    if (code == null) {
      throw new InvalidInputException("Finalité code is required");
    }
    if (detail != null) {
      if (detail.isBlank()) {
        throw new InvalidInputException("Finalité detail must not be blank when given");
      }
      if (detail.length() > MAX_DETAIL_LENGTH) {
        throw new InvalidInputException(
            "Finalité detail must be at most " + MAX_DETAIL_LENGTH + " characters");
      }
    }
    return new Finalite(code, detail == null ? null : detail.strip());
  }

  /** {@return the purpose's code} */
  public FinaliteCode code() {
    return code;
  }

  /** {@return the free-text detail} May describe the household: do not log it. */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Finalite)) {
      return false;
    }
    Finalite f = (Finalite) o;
    return f.code.equals(code) && Objects.equals(f.detail, detail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, detail);
  }

  /** Shows the code only; the detail is withheld. */
  @Override
  public String toString() {
    return "Finalite{" + code + (detail == null ? "" : ", detail=****") + "}";
  }
}
