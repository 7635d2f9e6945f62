package dev.wellspring.ingest.vendor.adapters.crm;

import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.CsvRows;
import dev.wellspring.ingest.vendor.adapters.common.Timestamps;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates of one Salesforce file. The API, the weekly Data Export and Data Loader write ISO-8601
 * ({@code 2026-03-04}, {@code 2026-03-04T14:05:00.000Z}); those are always read. A report export
 * (Reports → Export → Details Only) writes the exporting user's locale instead; for the US locale
 * that is {@code 3/4/2026} and {@code 3/4/2026 2:05 PM}.
 *
 * <p>{@code 3/4/2026} is 4 March in the US and 3 April in most other locales, and the file does not
 * say which locale wrote it. So the US form is read only when the whole file settles it: among the
 * slash dates of its date columns at least one can only be month/day ({@code 3/14/2026}) and none
 * can only be day/month ({@code 14/3/2026}). A file whose slash dates all fit both orders, or that
 * proves day/month, keeps rejecting those rows as {@code bad_timestamp}, with a file warning saying
 * why ({@code ambiguous_locale_dates}, {@code not_us_locale_dates}); a file read as US gets the
 * warning {@code us_locale_dates}. Locale times carry no zone: like ISO values without an offset
 * (DESIGN.md) they are read as UTC.
 *
 * <p>Configuration key {@code salesforce_date_format} ({@code mdy}, {@code dmy}, {@code iso})
 * replaces the judgement for every Salesforce file, for users who know their locale: a UK or German
 * report export ({@code 4/3/2026 14:05}, {@code 04.03.2026}) is read with {@code dmy}.
 */
final class SalesforceDates {
  // 3/4/2026, 03/04/2026, 3/4/2026 2:05 PM, 3/4/2026, 2:05 PM, 3/4/2026 2:05:09 PM
  private static final Pattern SLASH_DATE =
      Pattern.compile("(\\d{1,2})/(\\d{1,2})/\\d{4}(?:\\D.*)?");

  private static final DateTimeFormatter US_DATE = us("M/d/uuuu");
  private static final List<DateTimeFormatter> US_DATE_TIMES =
      List.of(
          us("M/d/uuuu h:mm a"),
          us("M/d/uuuu, h:mm a"),
          us("M/d/uuuu h:mm:ss a"),
          us("M/d/uuuu, h:mm:ss a"));

  // Day first, as most non-US locales write it: 4/3/2026, 4/3/2026 14:05, 04.03.2026 14:05,
  // 4/3/2026 2:05 PM.
  private static final List<DateTimeFormatter> DMY_DATES = List.of(us("d/M/uuuu"), us("d.M.uuuu"));
  private static final List<DateTimeFormatter> DMY_DATE_TIMES =
      List.of(
          us("d/M/uuuu H:mm"),
          us("d/M/uuuu, H:mm"),
          us("d/M/uuuu H:mm:ss"),
          us("d/M/uuuu, H:mm:ss"),
          us("d.M.uuuu H:mm"),
          us("d.M.uuuu, H:mm"),
          us("d.M.uuuu H:mm:ss"),
          us("d/M/uuuu h:mm a"),
          us("d/M/uuuu, h:mm a"));

  /** How a file's non-ISO dates are read. */
  private enum Order {
    ISO_ONLY,
    MONTH_FIRST,
    DAY_FIRST
  }

  private final Order order;

  private SalesforceDates(Order order) {
    this.order = order;
  }

  /** Dates read as ISO only (no file to judge by). */
  static final SalesforceDates ISO = new SalesforceDates(Order.ISO_ONLY);

  /**
   * The file's dates under configuration key {@code salesforce_date_format}: {@code mdy} reads
   * slash dates month first and {@code dmy} day first (also {@code 04.03.2026}, 24-hour times),
   * whatever the file's dates look like; {@code iso} reads ISO only; {@code auto} judges the file
   * ({@link #of(List, List, RecordSink)}).
   */
  static SalesforceDates of(
      List<CsvRows.Row> rows, List<String> columns, RecordSink sink, String format) {
    return switch (format == null ? "auto" : format) {
      case "mdy" -> new SalesforceDates(Order.MONTH_FIRST);
      case "dmy" -> new SalesforceDates(Order.DAY_FIRST);
      case "iso" -> ISO;
      default -> of(rows, columns, sink);
    };
  }

  /**
   * Judges the file's slash dates in {@code columns} over all its {@code rows} (see the class
   * comment) and tells {@code sink} the outcome as a file warning (line 0) when there are any.
   */
  static SalesforceDates of(List<CsvRows.Row> rows, List<String> columns, RecordSink sink) {
    String example = null;
    String monthFirst = null;
    String dayFirst = null;
    for (CsvRows.Row row : rows) {
      for (String column : columns) {
        Matcher m = SLASH_DATE.matcher(clean(row.get(column)));
        if (!m.matches()) {
          continue;
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        example = example == null ? m.group() : example;
        if (first > 12 && second <= 12 && dayFirst == null) {
          dayFirst = m.group();
        } else if (second > 12 && first <= 12 && monthFirst == null) {
          monthFirst = m.group();
        }
      }
    }
    if (example == null) {
      return ISO;
    }
    if (dayFirst != null) {
      sink.warning(
          0,
          "not_us_locale_dates",
          dayFirst + " (day/month/year; export with Data Loader for ISO dates)");
      return ISO;
    }
    if (monthFirst == null) {
      sink.warning(
          0,
          "ambiguous_locale_dates",
          example + " (month/day or day/month; export with Data Loader for ISO dates)");
      return ISO;
    }
    sink.warning(0, "us_locale_dates", monthFirst + " (month/day/year; times read as UTC)");
    return new SalesforceDates(Order.MONTH_FIRST);
  }

  /** Whether this file's slash dates are read as US month/day/year. */
  boolean usLocale() {
    return order == Order.MONTH_FIRST;
  }

  /**
   * The canonical form of a date or timestamp ({@link Timestamps#canonical}: a date alone stays a
   * date); empty when the value is neither ISO nor, in a US file, a US date.
   */
  Optional<String> canonical(String value) {
    Optional<String> iso = Timestamps.canonical(value, false);
    if (iso.isPresent() || order == Order.ISO_ONLY) {
      return iso;
    }
    String v = clean(value);
    for (DateTimeFormatter f : order == Order.MONTH_FIRST ? List.of(US_DATE) : DMY_DATES) {
      try {
        return Optional.of(LocalDate.parse(v, f).toString());
      } catch (DateTimeParseException e) {
        // a date and time, or the next form
      }
    }
    return localDateTime(v).map(Timestamps::format);
  }

  /** A date-time value (not a date alone) as an instant; empty when it is not one. */
  Optional<Instant> instant(String value) {
    Optional<Instant> iso = Timestamps.instant(value);
    return iso.isPresent() || order == Order.ISO_ONLY ? iso : localDateTime(clean(value));
  }

  private Optional<Instant> localDateTime(String v) {
    for (DateTimeFormatter f : order == Order.MONTH_FIRST ? US_DATE_TIMES : DMY_DATE_TIMES) {
      try {
        return Optional.of(LocalDateTime.parse(v, f).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  /** No-break and narrow no-break spaces (spreadsheets, recent JDKs before AM/PM) as spaces. */
  private static String clean(String value) {
    return value.replace('\u00A0', ' ').replace('\u202F', ' ').strip().replaceAll("\\s+", " ");
  }

  private static DateTimeFormatter us(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.US)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
