package dev.wellspring.ingest.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IngestValuesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-03-04|2026-03-04T00:00:00Z",
        "2026-03-04T18:30:00+01:00|2026-03-04T17:30:00Z",
        "2026-03-04T18:30+01:00|2026-03-04T17:30:00Z",
        "2026-03-04 18:30:00|2026-03-04T18:30:00Z",
        "2026-03-04T18:30|2026-03-04T18:30:00Z",
        "2026-03-04T18:30:00Z|2026-03-04T18:30:00Z",
        "2026-03-04T18:30:00.25-0230|2026-03-04T21:00:00.25Z",
        "2026-03-04T00:15:00+02:00|2026-03-03T22:15:00Z",
        "2026-03-04T18:30:00.123456789Z|2026-03-04T18:30:00.123456789Z",
        "2024-02-29|2024-02-29T00:00:00Z"
      })
  void timestampsOfEveryAllowedFormAreUtcInstants(String text, String expected) {
    assertThat(Values.timestamp(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-02-30", "2026-13-01", "2026-03-04T24:00", "2026-03-04T18:60", "2026-3-4",
        "04/03/2026", "2026-03-04T18", "2026-03-04+01:00", "2026-03-04T18:30:00+1", "yesterday",
        "2026-03-04T18:30:00+19:00", "2026-03-04T18:30:00+01:75", "2026-03-04t18:30",
            "2026-03-04T18:30:00.Z"
      })
  void malformedOrImpossibleTimestampsAreRefused(String text) {
    assertThat(Values.timestamp(text)).as(text).isNull();
  }

  @Test
  void dateColumnsTakeTheUtcDateOfATimestamp() {
    assertThat(Values.date("2025-02-03")).isEqualTo(LocalDate.of(2025, 2, 3));
    assertThat(Values.date("2025-02-03T23:30:00-02:00")).isEqualTo(LocalDate.of(2025, 2, 4));
    assertThat(Values.date("2025-02-03T00:30:00+01:00")).isEqualTo(LocalDate.of(2025, 2, 2));
    assertThat(Values.date("2025-02-30")).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "12|12.0",
        "0.5|0.5",
        "1e3|1000.0",
        "1E-2|0.01",
        "-3|-3.0",
        "+4.|4.0",
        ".25|0.25",
        "-0|0.0"
      })
  void plainAndScientificLiteralsAreNumbers(String text, double expected) {
    assertThat(Values.number(text)).isEqualTo(expected);
  }

  @Test
  void negativeZeroIsStoredAsZero() {
    assertThat(Double.doubleToRawLongBits(Values.number("-0"))).isEqualTo(0L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1,5",
        "$100",
        "45 min",
        "NaN",
        "Infinity",
        "-Infinity",
        "0x10",
        "1e309",
        "1e",
        "e3",
        ".",
        "1.2.3",
        "12d",
        "1_000"
      })
  void everythingElseIsABadNumber(String text) {
    assertThat(Values.number(text)).as(text).isNull();
  }

  // The reading rules as the regular expressions they are written as (DESIGN.md "Reading"); the
  // scanners in Values must accept exactly what these accept and give the same values.
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})"
              + "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?"
              + "(Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private static Instant referenceTimestamp(String s) {
    Matcher m = TIMESTAMP.matcher(s);
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      if (m.group(4) == null) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      int nanos =
          m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
      LocalDateTime local =
          date.atTime(
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
              nanos);
      String o = m.group(8);
      ZoneOffset offset = ZoneOffset.UTC;
      if (o != null && !o.equals("Z")) {
        int sign = o.charAt(0) == '-' ? -1 : 1;
        String digits = o.substring(1).replace(":", "");
        int minutes = Integer.parseInt(digits.substring(2, 4));
        if (minutes > 59) {
          return null;
        }
        offset =
            ZoneOffset.ofHoursMinutes(
                sign * Integer.parseInt(digits.substring(0, 2)), sign * minutes);
      }
      return local.toInstant(offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Double referenceNumber(String s) {
    if (!NUMBER.matcher(s).matches()) {
      return null;
    }
    double d = Double.parseDouble(s);
    return Double.isInfinite(d) ? null : d + 0.0;
  }

  /** Random near-misses: valid values with characters replaced, inserted, dropped or appended. */
  private static String mutate(Random r, String valid, String alphabet) {
    StringBuilder b = new StringBuilder(valid);
    int edits = r.nextInt(3);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = r.nextInt(b.length() + 1);
      char c = alphabet.charAt(r.nextInt(alphabet.length()));
      switch (r.nextInt(4)) {
        case 0 -> b.insert(at, c);
        case 1 -> b.deleteCharAt(Math.min(at, b.length() - 1));
        case 2 -> b.setCharAt(Math.min(at, b.length() - 1), c);
        default -> b.setLength(Math.min(at, b.length()));
      }
    }
    return b.toString();
  }

  @Test
  void theTimestampScannerAcceptsExactlyWhatTheRuleAcceptsWithTheSameInstant() {
    Random r = new Random(11);
    String alphabet = "0123456789-:T .Z+t z9";
    String[] forms = {
      "%04d-%02d-%02d",
      "%04d-%02d-%02dT%02d:%02d",
      "%04d-%02d-%02d %02d:%02d:%02d",
      "%04d-%02d-%02dT%02d:%02d:%02d.%s",
      "%04d-%02d-%02dT%02d:%02d:%02dZ",
      "%04d-%02d-%02dT%02d:%02d:%02d+%02d:%02d",
      "%04d-%02d-%02dT%02d:%02d-%02d%02d"
    };
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      String form = forms[r.nextInt(forms.length)];
      Object[] parts = {
        r.nextInt(10_000),
        r.nextInt(14),
        r.nextInt(33),
        r.nextInt(26),
        r.nextInt(62),
        r.nextInt(62),
        r.nextInt(26),
        r.nextInt(62)
      };
      String valid = String.format(form, parts);
      if (form.contains("%s")) {
        valid =
            String.format(
                form,
                parts[0],
                parts[1],
                parts[2],
                parts[3],
                parts[4],
                parts[5],
                String.valueOf(r.nextLong() & Long.MAX_VALUE).substring(0, 1 + r.nextInt(11)));
      }
      String text = r.nextBoolean() ? valid : mutate(r, valid, alphabet);
      Instant expected = referenceTimestamp(text);
      assertThat(Values.timestamp(text)).as(text).isEqualTo(expected);
      accepted += expected == null ? 0 : 1;
    }
    // Both outcomes are well represented, so agreement is not agreement on "null" alone.
    assertThat(accepted).isBetween(20_000, 180_000);
  }

  @Test
  void theNumberScannerAcceptsExactlyWhatTheRuleAcceptsWithTheSameValue() {
    Random r = new Random(12);
    String alphabet = "0123456789+-.eE ,x";
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(8);
      for (int k = 0; k < len; k++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String text =
          r.nextInt(3) == 0
              ? b.toString()
              : mutate(r, String.valueOf(r.nextGaussian() * 1e3), alphabet);
      Double expected = referenceNumber(text);
      Double actual = Values.number(text);
      assertThat(actual).as(text).isEqualTo(expected);
      if (expected != null) {
        assertThat(Double.doubleToRawLongBits(actual))
            .as(text)
            .isEqualTo(Double.doubleToRawLongBits(expected));
        accepted++;
      }
    }
    assertThat(accepted).isBetween(20_000, 180_000);
  }
}
