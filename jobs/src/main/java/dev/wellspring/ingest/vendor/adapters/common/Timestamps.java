package dev.wellspring.ingest.vendor.adapters.common;

import dev.wellspring.ingest.values.Values;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Vendor timestamps to the canonical forms of DESIGN.md: an instant written {@code
 * 2026-03-04T17:30:00Z}, or a date alone {@code 2026-03-04}.
 */
public final class Timestamps {
  private Timestamps() {}

  /**
   * Parses a DESIGN.md timestamp (date alone, or date and time joined by {@code T} or a space,
   * seconds and fraction optional, offset {@code Z}, {@code ±hh:mm} or {@code ±hhmm} optional, none
   * meaning UTC) and, when {@code epochMillis} is set, a count of milliseconds since the epoch as
   * HubSpot writes them. Empty when the value is none of these. The grammar is {@link Values}'.
   */
  public static Optional<String> canonical(String value, boolean epochMillis) {
    String v = Text.clean(value);
    if (epochMillis) {
      Instant millis = Values.epochMillis(v);
      if (millis != null) {
        return Optional.of(format(millis));
      }
    }
    if (v.length() == 10) {
      return Optional.ofNullable(Values.date(v)).map(LocalDate::toString);
    }
    return instant(v).map(Timestamps::format);
  }

  /** A date-time value (not a date alone) as an instant; empty when it is not one. */
  public static Optional<Instant> instant(String value) {
    return Optional.ofNullable(Values.dateTime(Text.clean(value)));
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
