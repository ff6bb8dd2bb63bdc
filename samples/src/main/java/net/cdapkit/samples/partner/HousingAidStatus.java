package net.cdapkit.samples.partner;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import net.cdapkit.model.Prestation;

/**
 * Whether and to whom a tenant's housing aid is paid, and its last payment. The amount concerns a
 * person: {@link #toString()} leaves it out.
 *
 * @param lastMonth the month the last payment was for
 */
public record HousingAidStatus(
    Payee payee,
    Optional<Prestation> aide,
    Optional<BigDecimal> lastAmount,
    Optional<YearMonth> lastMonth) {

  /** Who receives the housing aid. */
  public enum Payee {
    /** Paid to the landlord that asked (tiers payant): deduct it from the rent. */
    LANDLORD,
    /** Paid to another organisation (a previous landlord, a lender). */
    ANOTHER_THIRD_PARTY,
    /** Paid to the tenant. */
    TENANT,
    /** A beneficiary this code does not know (a newer contract). */
    UNKNOWN,
    /** No housing aid payment. */
    NONE
  }

  public HousingAidStatus {
    Objects.requireNonNull(payee, "payee");
    Objects.requireNonNull(aide, "aide");
    Objects.requireNonNull(lastAmount, "lastAmount");
    Objects.requireNonNull(lastMonth, "lastMonth");
  }

  static HousingAidStatus none() {
    return new HousingAidStatus(Payee.NONE, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Whether the landlord receives the aid directly. */
  public boolean paidToLandlord() {
    return payee == Payee.LANDLORD;
  }

  @Override
  public String toString() {
    return "HousingAidStatus[payee="
        + payee
        + ", aide="
        + aide.map(Enum::name).orElse("none")
        + ", lastMonth="
        + lastMonth.map(YearMonth::toString).orElse("none")
        + ", lastAmount=***]";
  }
}
