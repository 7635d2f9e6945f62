package dev.wellspring.report;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers formatted for people: thousands separators, one or two decimals, half-up rounding (so a
 * test can round the CSV value the same way and find it in the PDF). Undefined is shown as a dash.
 */
public final class Formats {
  /** Shown for an undefined number. */
  public static final String UNDEFINED = "–";

  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.US);

  private Formats() {}

  /** {@code value} with exactly {@code decimals} decimals and thousands separators. */
  public static String fixed(Double value, int decimals) {
    if (value == null || !Double.isFinite(value)) {
      return UNDEFINED;
    }
    DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), SYMBOLS);
    f.setRoundingMode(RoundingMode.HALF_UP);
    // Through the decimal string, so 2.675 rounds the way it reads, not the way it is stored.
    String s = f.format(new java.math.BigDecimal(Double.toString(value)));
    return s.equals("-0") || s.matches("-0\\.0+") ? s.substring(1) : s;
  }

  /** An amount: no decimals from 1,000 up, else one decimal (hours, value). */
  public static String amount(Double value) {
    if (value == null || !Double.isFinite(value)) {
      return UNDEFINED;
    }
    return Math.abs(value) >= 1000 ? fixed(value, 0) : fixed(value, 1);
  }

  /** A whole count with thousands separators. */
  public static String count(long n) {
    return fixed((double) n, 0);
  }

  /** A ratio such as value per hour or a lift: two decimals. */
  public static String ratio(Double value) {
    return fixed(value, 2);
  }

  /** A share in [0, 1] as a whole percentage, e.g. {@code 58%}. */
  public static String percent(Double share) {
    if (share == null || !Double.isFinite(share)) {
      return UNDEFINED;
    }
    return fixed(share * 100, 0) + "%";
  }

  /** A lift as a multiple, e.g. {@code 3.42×}. */
  public static String times(Double lift) {
    return lift == null || !Double.isFinite(lift) ? UNDEFINED : ratio(lift) + "×";
  }
}
