package dev.wellspring.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of single field values by the reading rules of DESIGN.md ("Precise rules / Reading").
 * Every method takes an already trimmed, non-empty value and returns null when the value breaks
 * the rule, so the caller decides the reject reason.
 */
public final class Values {
  private Values() {}

  // Date, optional time (T or space, seconds and fraction optional), optional offset after a time.
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})"
              + "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?"
              + "(Z|[+-]\\d{2}:?\\d{2})?)?");

  // A plain decimal or scientific literal; no grouping, currency, units, hex, NaN or Infinity.
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  /**
   * The instant of a timestamp: {@code YYYY-MM-DD} (00:00 UTC), or a date and a time joined by
   * {@code T} or a space, seconds and fraction optional, offset optional ({@code Z}, {@code
   * ±hh:mm}, {@code ±hhmm}; none means UTC). Null for anything else, including impossible dates
   * such as 2025-02-30.
   */
  public static Instant timestamp(String s) {
    Matcher m = TIMESTAMP.matcher(s);
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      if (m.group(4) == null) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      int nanos = 0;
      if (m.group(7) != null) {
        // Right-pad the fraction to nine digits: ".5" is 500 ms.
        nanos = Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
      }
      LocalDateTime local =
          date.atTime(
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
              nanos);
      return local.toInstant(offset(m.group(8)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The UTC date of a date column: a date alone, or a timestamp taken at its UTC date. */
  public static LocalDate date(String s) {
    Instant t = timestamp(s);
    return t == null ? null : LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  /**
   * A finite number written as a plain decimal or scientific literal ({@code 12}, {@code 0.5},
   * {@code 1e3}); null for {@code 1,5}, {@code $100}, {@code 45 min}, NaN, Infinity, hex, and
   * literals that overflow to infinity. Negative zero becomes zero.
   */
  public static Double number(String s) {
    if (!NUMBER.matcher(s).matches()) {
      return null;
    }
    double d = Double.parseDouble(s);
    if (Double.isInfinite(d)) {
      return null;
    }
    return d + 0.0;
  }

  private static ZoneOffset offset(String s) {
    if (s == null || s.equals("Z")) {
      return ZoneOffset.UTC;
    }
    int sign = s.charAt(0) == '-' ? -1 : 1;
    String digits = s.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = Integer.parseInt(digits.substring(2, 4));
    if (minutes > 59) {
      throw new DateTimeException("offset minutes out of range: " + s);
    }
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }
}
