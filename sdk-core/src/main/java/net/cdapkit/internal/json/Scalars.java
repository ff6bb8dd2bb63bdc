package net.cdapkit.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.Nir;
import net.cdapkit.model.NumeroAllocataire;

/**
 * Adapters for amounts, dates and identifiers, all carried as JSON strings. A value that does not
 * parse fails with a message naming what was expected and where, never the value: a birth date or a
 * NIR is personal, and messages end up in logs. Causes are not chained for the same reason ({@link
 * DateTimeParseException} quotes its input).
 */
final class Scalars {
  /** Longest amount integer part accepted: far above any real amount, far below a fuzz blow-up. */
  static final int MAX_INTEGER_DIGITS = 15;

  /** Longest amount fraction accepted; the contract sends two decimals. */
  static final int MAX_FRACTION_DIGITS = 10;

  private Scalars() {}

  static void register(Moshi.Builder builder) {
    builder
        .add(BigDecimal.class, new MontantAdapter().nullSafe())
        .add(
            LocalDate.class,
            new TextAdapter<>(
                    "date (yyyy-MM-dd)",
                    10,
                    IsoDates::localDate,
                    DateTimeFormatter.ISO_LOCAL_DATE::format)
                .nullSafe())
        .add(
            YearMonth.class,
            new TextAdapter<>("month (yyyy-MM)", 7, IsoDates::yearMonth, YearMonth::toString)
                .nullSafe())
        .add(
            OffsetDateTime.class,
            new TextAdapter<>(
                    "date-time (ISO 8601 with offset)",
                    -64,
                    OffsetDateTime::parse,
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME::format)
                .nullSafe())
        .add(
            CafCode.class,
            new TextAdapter<>("CAF code (3 digits)", -3, CafCode::of, CafCode::value).nullSafe())
        .add(
            NumeroAllocataire.class,
            new TextAdapter<>(
                    "numéro allocataire (1 to 7 digits)",
                    -7,
                    NumeroAllocataire::of,
                    NumeroAllocataire::value)
                .nullSafe())
        .add(
            Nir.class,
            new TextAdapter<>("NIR (13 digits and a valid 2-digit key)", -15, Nir::of, Nir::value)
                .nullSafe())
        .add(
            FinaliteCode.class,
            new TextAdapter<>(
                    "finalité code (A-Z, 0-9, _)", -64, FinaliteCode::of, FinaliteCode::code)
                .nullSafe());
  }

  /**
   * An amount in euros: a decimal string ({@code "141.99"}) or, tolerated, a JSON number. Written
   * back as a string with its scale kept ({@code "12.50"} stays {@code "12.50"}).
   */
  static final class MontantAdapter extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      JsonReader.Token token = reader.peek();
      if (token != JsonReader.Token.STRING && token != JsonReader.Token.NUMBER) {
        throw new JsonDataException(
            "Expected an amount (decimal string) but was " + token + " at " + reader.getPath());
      }
      String text = reader.nextString();
      if (!isPlainDecimal(text)) {
        throw new JsonDataException(
            "Invalid amount at "
                + reader.getPath()
                + ": expected a decimal such as \"141.99\", at most "
                + MAX_INTEGER_DIGITS
                + " integer digits");
      }
      return new BigDecimal(text);
    }

    @Override
    public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
      writer.value(value.toPlainString());
    }

    /** {@code -?digits(.digits)?} within the digit limits; no sign, exponent or blank otherwise. */
    static boolean isPlainDecimal(String text) {
      int length = text.length();
      int i = 0;
      if (i < length && text.charAt(i) == '-') {
        i++;
      }
      int integerStart = i;
      while (i < length && isDigit(text.charAt(i))) {
        i++;
      }
      int integerDigits = i - integerStart;
      if (integerDigits == 0 || integerDigits > MAX_INTEGER_DIGITS) {
        return false;
      }
      if (i == length) {
        return true;
      }
      if (text.charAt(i) != '.') {
        return false;
      }
      int fractionStart = ++i;
      while (i < length && isDigit(text.charAt(i))) {
        i++;
      }
      int fractionDigits = i - fractionStart;
      return i == length && fractionDigits >= 1 && fractionDigits <= MAX_FRACTION_DIGITS;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }

  /**
   * A value carried as a JSON string and parsed by a factory method. {@code length} is the exact
   * length when positive, the maximum length when negative: checked before parsing so that a huge
   * string never reaches a parser.
   */
  static final class TextAdapter<T> extends JsonAdapter<T> {
    private final String expected;
    private final int length;
    private final Function<String, T> parse;
    private final Function<T, String> format;

    TextAdapter(
        String expected, int length, Function<String, T> parse, Function<T, String> format) {
      this.expected = expected;
      this.length = length;
      this.parse = parse;
      this.format = format;
    }

    @Override
    public T fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      boolean lengthOk = length > 0 ? text.length() == length : text.length() <= -length;
      if (lengthOk) {
        try {
          return parse.apply(text);
        } catch (InvalidInputException | DateTimeParseException e) {
          // Fall through: neither message nor cause may travel, both can quote the value.
        }
      }
      throw new JsonDataException(
          "Invalid " + expected + " at " + reader.getPath() + " (value not shown)");
    }

    @Override
    public void toJson(JsonWriter writer, T value) throws IOException {
      writer.value(format.apply(value));
    }
  }
}
