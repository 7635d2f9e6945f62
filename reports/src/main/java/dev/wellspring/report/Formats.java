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
    DecimalFormat f =
        new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), SYMBOLS);
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

  /** A value with its unit, e.g. {@code 1,234 EUR}; without a unit just the amount. */
  public static String value(Double v, String unit) {
    String a = amount(v);
    return unit.isEmpty() || a.equals(UNDEFINED) ? a : a + " " + unit;
  }

  /** A value per hour with its unit, e.g. {@code 12.50 EUR per hour} or {@code 12.50 per hour}. */
  public static String perHour(Double v, String unit) {
    return ratio(v) + (unit.isEmpty() ? "" : " " + unit) + " per hour";
  }

  /** A column header or axis label with the unit in brackets, e.g. {@code Credited value (EUR)}. */
  public static String withUnit(String label, String unit) {
    return unit.isEmpty() ? label : label + " (" + unit + ")";
  }

  /**
   * The relative change from {@code before} to {@code now} as a signed percentage, e.g. {@code
   * +19%}.
   */
  public static String change(Double now, Double before) {
    if (now == null
        || before == null
        || before == 0.0
        || !Double.isFinite(now)
        || !Double.isFinite(before)) {
      return UNDEFINED;
    }
    String p = percent((now - before) / Math.abs(before));
    return p.startsWith("-") ? "−" + p.substring(1) : p.equals("0%") ? p : "+" + p;
  }

  /** A difference with its sign, e.g. {@code +12.5} or {@code −3.0} (amount rules). */
  public static String signed(Double d) {
    if (d == null || !Double.isFinite(d)) {
      return UNDEFINED;
    }
    String a = amount(Math.abs(d));
    return a.matches("0(\\.0)?") ? a : (d < 0 ? "−" : "+") + a;
  }
}
