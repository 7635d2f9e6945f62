package dev.wellspring.ingest.values;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Parsing of single field values by the reading rules of DESIGN.md ("Precise rules / Reading"): the
 * one timestamp and number grammar of both ingest paths (the canonical files' validator and the
 * vendor adapters). Every method takes an already trimmed value and returns null when the value
 * breaks the rule, so the caller decides the reject reason.
 */
public final class Values {
  private Values() {}

  // The grammars, as regular expressions (IngestValuesTest checks the scanners below against them
  // on random text):
  //   timestamp  (\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?
  //              (Z|[+-]\d{2}:?\d{2})?)?
  //   number     [+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?
  // Hand-written scanners, not java.util.regex: ingest reads two timestamps or numbers per row,
  // and matching with groups was the largest part of parsing at 10 M rows (docs/benchmarks.md).

  /**
   * The instant of a timestamp: {@code YYYY-MM-DD} (00:00 UTC), or a date and a time joined by
   * {@code T} or a space, seconds and fraction optional, offset optional ({@code Z}, {@code
   * ±hh:mm}, {@code ±hhmm}; none means UTC). Null for anything else, including impossible dates
   * such as 2025-02-30.
   */
  public static Instant timestamp(String s) {
    int n = s.length();
    if (n < 10
        || !digits(s, 0, 4)
        || s.charAt(4) != '-'
        || !digits(s, 5, 2)
        || s.charAt(7) != '-'
        || !digits(s, 8, 2)) {
      return null;
    }
    try {
      LocalDate date = LocalDate.of(value(s, 0, 4), value(s, 5, 2), value(s, 8, 2));
      if (n == 10) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      char sep = s.charAt(10);
      if ((sep != 'T' && sep != ' ')
          || n < 16
          || !digits(s, 11, 2)
          || s.charAt(13) != ':'
          || !digits(s, 14, 2)) {
        return null;
      }
      int second = 0;
      int nanos = 0;
      int i = 16;
      if (i < n && s.charAt(i) == ':') {
        if (i + 3 > n || !digits(s, i + 1, 2)) {
          return null;
        }
        second = value(s, i + 1, 2);
        i += 3;
        if (i < n && s.charAt(i) == '.') {
          int from = ++i;
          while (i < n && isDigit(s.charAt(i))) {
            i++;
          }
          int count = i - from;
          if (count == 0 || count > 9) {
            return null;
          }
          // Right-pad the fraction to nine digits: ".5" is 500 ms.
          nanos = value(s, from, count);
          for (int k = count; k < 9; k++) {
            nanos *= 10;
          }
        }
      }
      ZoneOffset offset = ZoneOffset.UTC;
      if (i < n) {
        offset = offset(s, i);
        if (offset == null) {
          return null;
        }
      }
      return date.atTime(value(s, 11, 2), value(s, 14, 2), second, nanos).toInstant(offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The offset that s holds from index i to its end ({@code Z}, ±hh:mm or ±hhmm), else null. */
  private static ZoneOffset offset(String s, int i) {
    int rest = s.length() - i;
    char c = s.charAt(i);
    if (c == 'Z') {
      return rest == 1 ? ZoneOffset.UTC : null;
    }
    if (c != '+' && c != '-') {
      return null;
    }
    int minutesAt;
    if (rest == 5 && digits(s, i + 1, 4)) {
      minutesAt = i + 3;
    } else if (rest == 6 && digits(s, i + 1, 2) && s.charAt(i + 3) == ':' && digits(s, i + 4, 2)) {
      minutesAt = i + 4;
    } else {
      return null;
    }
    int sign = c == '-' ? -1 : 1;
    int hours = value(s, i + 1, 2);
    int minutes = value(s, minutesAt, 2);
    if (minutes > 59) {
      return null;
    }
    // Throws DateTimeException beyond ±18:00, which the caller turns into null.
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
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
    if (!decimalLiteral(s)) {
      return null;
    }
    double d = Double.parseDouble(s);
    if (Double.isInfinite(d)) {
      return null;
    }
    return d + 0.0;
  }

  /**
   * The exact value of a literal of the number grammar ({@link #number}), as vendor adapters keep
   * it: no overflow to infinity (a BigDecimal has none), null for anything outside the grammar.
   */
  public static BigDecimal decimal(String s) {
    return decimalLiteral(s) ? new BigDecimal(s) : null;
  }

  /**
   * The instant of a date and time ({@link #timestamp}'s grammar without the date-alone form), as
   * vendor exports write their date-times; null for a date alone or anything else.
   */
  public static Instant dateTime(String s) {
    return s.length() > 10 ? timestamp(s) : null;
  }

  /**
   * A count of milliseconds since the epoch as HubSpot writes it: 10 to 13 ASCII digits (epoch
   * milliseconds since 2001-09-09 have 13; 10 to 13 covers every plausible export); null otherwise.
   */
  public static Instant epochMillis(String s) {
    int n = s.length();
    if (n < 10 || n > 13 || !digits(s, 0, n)) {
      return null;
    }
    return Instant.ofEpochMilli(Long.parseLong(s));
  }

  /** Whether s is a plain decimal or scientific literal of the number grammar. */
  private static boolean decimalLiteral(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int integer = run(s, i);
    i += integer;
    int fraction = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      fraction = run(s, i);
      i += fraction;
    }
    if (integer == 0 && fraction == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponent = run(s, i);
      if (exponent == 0) {
        return false;
      }
      i += exponent;
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether s has count ASCII digits from index from. */
  private static boolean digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The number of ASCII digits in a row from index from. */
  private static int run(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i - from;
  }

  /** The value of count (at most 9) ASCII digits from index from. */
  private static int value(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }
}
