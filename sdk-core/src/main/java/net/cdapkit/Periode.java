package net.cdapkit;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import net.cdapkit.error.InvalidInputException;

/** A range of months, both ends included, to filter the paiements and courriers histories. */
public final class Periode {
  private static final Periode ALL = new Periode(null, null);

  private final YearMonth du;
  private final YearMonth au;

  private Periode(YearMonth du, YearMonth au) {
    this.du = du;
    this.au = au;
  }

  /**
   * The whole history.
   *
   * @return the period with no bounds
   */
  public static Periode all() {
    return ALL;
  }

  /**
   * From {@code du} to {@code au}, both included.
   *
   * @param du the first month included
   * @param au the last month included
   * @return the period
   * @throws InvalidInputException if either is null or {@code au} is before {@code du}
   */
  public static Periode between(YearMonth du, YearMonth au) {
    if (du == null || au == null) {
      throw new InvalidInputException("Periode needs both months; use from() or until() otherwise");
    }
    if (au.isBefore(du)) {
      throw new InvalidInputException("Periode must not end before it starts");
    }
    return new Periode(du, au);
  }

  /**
   * From {@code du} on.
   *
   * @param du the first month included
   * @return the period open at its end
   */
  public static Periode from(YearMonth du) {
    if (du == null) {
      throw new InvalidInputException("Periode start month is required");
    }
    return new Periode(du, null);
  }

  /**
   * Up to {@code au} included.
   *
   * @param au the last month included
   * @return the period open at its start
   */
  public static Periode until(YearMonth au) {
    if (au == null) {
      throw new InvalidInputException("Periode end month is required");
    }
    return new Periode(null, au);
  }

  /**
   * A single month.
   *
   * @param month the month
   * @return the period of that month only
   */
  public static Periode month(YearMonth month) {
    return between(month, month);
  }

  /**
   * The first month included.
   *
   * @return the first month; empty when the period has no start
   */
  public Optional<YearMonth> du() {
    return Optional.ofNullable(du);
  }

  /**
   * The last month included.
   *
   * @return the last month; empty when the period has no end
   */
  public Optional<YearMonth> au() {
    return Optional.ofNullable(au);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Periode
        && Objects.equals(((Periode) o).du, du)
        && Objects.equals(((Periode) o).au, au);
  }

  @Override
  public int hashCode() {
    return Objects.hash(du, au);
  }

  @Override
  public String toString() {
    return "Periode{" + (du == null ? "…" : du) + " – " + (au == null ? "…" : au) + "}";
  }
}
