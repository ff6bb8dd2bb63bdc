package net.cdapkit.samples.webapp;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Nir;
import net.cdapkit.model.Perimetre;
import org.springframework.stereotype.Component;

/** Formatting for the pages, as {@code ${@fmt.…}}: French dates and amounts, absent values. */
@Component("fmt")
public final class Formats {
  private static final Locale FR = Locale.FRANCE;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", FR);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", FR);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", FR);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String ABSENT = "—";

  /** An amount in euros, e.g. {@code 1 234,56 €}. */
  public String euros(BigDecimal amount) {
    return amount == null ? ABSENT : NumberFormat.getCurrencyInstance(FR).format(amount);
  }

  /** An optional amount in euros. */
  public String euros(Optional<BigDecimal> amount) {
    return amount.map(this::euros).orElse(ABSENT);
  }

  /** A date, {@code dd/MM/yyyy}. */
  public String date(LocalDate date) {
    return date == null ? ABSENT : DATE.format(date);
  }

  /** An optional date. */
  public String date(Optional<LocalDate> date) {
    return date.map(this::date).orElse(ABSENT);
  }

  /** A month, e.g. {@code mars 2026}. */
  public String month(YearMonth month) {
    return month == null ? ABSENT : MONTH.format(month);
  }

  /** A time stamp in Paris time. */
  public String dateTime(OffsetDateTime time) {
    return time == null ? ABSENT : DATE_TIME.format(time.atZoneSameInstant(PARIS));
  }

  /** An optional value as text. */
  public String text(Optional<?> value) {
    return value.map(Object::toString).orElse(ABSENT);
  }

  /** A NIR grouped as printed on a carte Vitale; absent when the profile withholds it. */
  public String nir(Optional<Nir> nir) {
    return nir.map(
            n -> {
              String v = n.value();
              return v.length() == 15
                  ? String.join(
                      " ",
                      v.substring(0, 1),
                      v.substring(1, 3),
                      v.substring(3, 5),
                      v.substring(5, 7),
                      v.substring(7, 10),
                      v.substring(10, 13),
                      v.substring(13))
                  : v;
            })
        .orElse("non communiqué");
  }

  /** The label of a finalité. */
  public String finalite(FinaliteCode code) {
    return Libelles.finalite(code);
  }

  /** The label of an attestation type. */
  public String attestation(AttestationType type) {
    return Libelles.attestation(type);
  }

  /** Why a tab is narrowed, or {@code null}. */
  public String perimetre(Perimetre perimetre) {
    return Libelles.perimetre(perimetre);
  }
}
