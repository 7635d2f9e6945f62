package dev.wellspring.ingest.vendor.adapters.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Parses the date forms vendors write into UTC instants. A form without a zone is taken as UTC
 * (LinkedIn writes its archive in UTC). Two-digit years are 2000-2099. Month names are English, any
 * case; {@code AM}/{@code PM} any case; no-break and narrow no-break spaces (written by some
 * spreadsheets and recent JDKs before AM/PM) count as spaces.
 */
public final class VendorDates {
  private VendorDates() {}

  /** {@code 16 Dec 2024}, {@code 29-Mar-21}, {@code 2024-12-16}: a date alone. */
  private static final List<DateTimeFormatter> DATES =
      List.of(
          f("d MMM uuuu"),
          f("d-MMM-uu"),
          f("d-MMM-uuuu"),
          f("uuuu-MM-dd"),
          f("M/d/uu"),
          f("M/d/uuuu"));

  /** Date and time forms, in the order tried. */
  private static final List<DateTimeFormatter> DATE_TIMES =
      List.of(
          f("M/d/uu, h:mm a"), // 1/8/18, 6:14 PM  10/16/18, 8:36 AM  11/27/24, 09:51 AM
          f("M/d/uuuu, h:mm a"),
          f("M/d/uu h:mm a"),
          f("uuuu-MM-dd HH:mm:ss 'UTC'"), // 2023-04-22 08:18:59 UTC
          f("uuuu-MM-dd HH:mm:ss"),
          f("uuuu-MM-dd HH:mm 'UTC'"),
          f("uuuu/MM/dd HH:mm:ss 'UTC'"), // 2024/12/07 14:51:07 UTC
          f("uuuu/MM/dd HH:mm:ss"),
          f("MMM d, uuuu h:mm a"), // Jan 12, 2022 04:00 PM
          f("MMM d, uuuu, h:mm a"),
          f("d MMM uuuu HH:mm"));

  private static DateTimeFormatter f(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.US)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * Parses a vendor timestamp or date (a date alone is 00:00 UTC). Returns null when no form
   * matches, so the caller rejects the row as {@code bad_timestamp}.
   */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    String s = clean(text);
    if (s.isEmpty()) {
      return null;
    }
    for (DateTimeFormatter f : DATE_TIMES) {
      try {
        return LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    for (DateTimeFormatter f : DATES) {
      try {
        return LocalDate.parse(s, f).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * A range {@code <start> - <end>} (LinkedIn Events: {@code Jan 12, 2022 04:00 PM - Jan 12, 2022
   * 05:00 PM}); null when it is not two parseable timestamps. A single timestamp gives a range with
   * a null end.
   */
  public static Instant[] parseRange(String text) {
    if (text == null) {
      return null;
    }
    String s = clean(text);
    int sep = s.indexOf(" - ");
    if (sep < 0) {
      Instant one = parse(s);
      return one == null ? null : new Instant[] {one, null};
    }
    Instant start = parse(s.substring(0, sep));
    Instant end = parse(s.substring(sep + 3));
    return start == null || end == null ? null : new Instant[] {start, end};
  }

  /**
   * ISO-8601 UTC text of an instant, as canonical files carry it ({@code 2024-12-16T00:00:00Z}).
   */
  public static String iso(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static String clean(String text) {
    return text.replace('\u00A0', ' ').replace('\u202F', ' ').strip().replaceAll("\\s+", " ");
  }
}
