package dev.wellspring.ingest.vendor.adapters.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vendor timestamps to the canonical forms of DESIGN.md: an instant written {@code
 * 2026-03-04T17:30:00Z}, or a date alone {@code 2026-03-04}.
 */
public final class Timestamps {
  private Timestamps() {}

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)"
              + "(Z|[+-]\\d{2}:?\\d{2})?");
  // Epoch milliseconds since 2001-09-09 have 13 digits; 10 to 13 covers every plausible export.
  private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{10,13}");

  /**
   * Parses a DESIGN.md timestamp (date alone, or date and time joined by {@code T} or a space,
   * seconds and fraction optional, offset {@code Z}, {@code ±hh:mm} or {@code ±hhmm} optional, none
   * meaning UTC) and, when {@code epochMillis} is set, a count of milliseconds since the epoch as
   * HubSpot writes them. Empty when the value is none of these.
   */
  public static Optional<String> canonical(String value, boolean epochMillis) {
    String v = Text.clean(value);
    try {
      if (epochMillis && EPOCH_MILLIS.matcher(v).matches()) {
        return Optional.of(format(Instant.ofEpochMilli(Long.parseLong(v))));
      }
      if (DATE.matcher(v).matches()) {
        return Optional.of(LocalDate.parse(v).toString());
      }
      return instant(v).map(Timestamps::format);
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A date-time value (not a date alone) as an instant; empty when it is not one. */
  public static Optional<Instant> instant(String value) {
    Matcher m = DATE_TIME.matcher(Text.clean(value));
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      String time = m.group(2).length() == 5 ? m.group(2) + ":00" : m.group(2);
      LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + time);
      String offset = m.group(3);
      ZoneOffset zone =
          offset == null || offset.equals("Z")
              ? ZoneOffset.UTC
              : ZoneOffset.of(
                  offset.length() == 5
                      ? offset.substring(0, 3) + ":" + offset.substring(3)
                      : offset);
      return Optional.of(local.toInstant(zone));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The canonical text of an instant: UTC, whole seconds unless a fraction is present. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /** The UTC date of a canonical timestamp (a date-only value is its own date). */
  public static String utcDate(String canonical) {
    return canonical.length() == 10
        ? canonical
        : Instant.parse(canonical).atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
