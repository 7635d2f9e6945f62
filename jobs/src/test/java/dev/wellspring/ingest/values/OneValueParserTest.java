package dev.wellspring.ingest.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.ingest.vendor.adapters.common.Numbers;
import dev.wellspring.ingest.vendor.adapters.common.Timestamps;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Values} is the one grammar of both ingest paths: every form the canonical validator and
 * the vendor adapters' former regular expressions (adapters/common Timestamps, Numbers) accepted,
 * with the same value, and nothing more.
 */
class OneValueParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-03-04T18:30|2026-03-04T18:30:00Z",
        "2026-03-04 18:30|2026-03-04T18:30:00Z",
        "2026-03-04T18:30:05|2026-03-04T18:30:05Z",
        "2026-03-04T18:30:05.1|2026-03-04T18:30:05.100Z",
        "2026-03-04T18:30:05.123456789|2026-03-04T18:30:05.123456789Z",
        "2026-03-04T18:30Z|2026-03-04T18:30:00Z",
        "2026-03-04T18:30+01:00|2026-03-04T17:30:00Z",
        "2026-03-04T18:30-0230|2026-03-04T21:00:00Z",
        "2026-03-16T09:00:00.000+0000|2026-03-16T09:00:00Z",
        "2026-03-04T00:00+18:00|2026-03-03T06:00:00Z"
      })
  void dateTimesOfEveryVendorFormAreInstants(String text, String expected) {
    assertThat(Values.dateTime(text)).isEqualTo(Instant.parse(expected));
    assertThat(Timestamps.instant(" " + text + " ")).hasValue(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-04",
        "2026-03-04T18",
        "2026-03-04T18:30+19:00",
        "2026-03-04T18:30+01:60",
        "2026-02-30T10:00",
        "2026-03-04T18:30:05.1234567890",
        "2026-03-04T18:30:05."
      })
  void aDateAloneOrABrokenDateTimeIsNoDateTime(String text) {
    assertThat(Values.dateTime(text)).as(text).isNull();
    assertThat(Timestamps.instant(text)).as(text).isEmpty();
  }

  @Test
  void epochMillisHaveTenToThirteenDigits() {
    // 1,772,443,800,000 ms = 20,514 days (2026-03-02) + 34,200 s (09:30).
    assertThat(Values.epochMillis("1772443800000"))
        .isEqualTo(Instant.parse("2026-03-02T09:30:00Z"));
    assertThat(Values.epochMillis("1000000000")).isEqualTo(Instant.ofEpochSecond(1_000_000));
    assertThat(Values.epochMillis("999999999")).isNull();
    assertThat(Values.epochMillis("17724438000000")).isNull();
    assertThat(Values.epochMillis("177244380000a")).isNull();
    assertThat(Timestamps.canonical("1772443800000", true)).hasValue("2026-03-02T09:30:00Z");
    assertThat(Timestamps.canonical("1772443800000", false)).isEmpty();
  }

  @Test
  void vendorTimestampsKeepTheirCanonicalText() {
    assertThat(Timestamps.canonical("2026-03-04", false)).hasValue("2026-03-04");
    assertThat(Timestamps.canonical(" 2024-02-29 ", false)).hasValue("2024-02-29");
    assertThat(Timestamps.canonical("2026-02-30", false)).isEmpty();
    assertThat(Timestamps.canonical("2026030412", false)).isEmpty();
    assertThat(Timestamps.canonical("2026-03-04 18:30+01:00", false))
        .hasValue("2026-03-04T17:30:00Z");
    assertThat(Timestamps.canonical("11/03/2026", true)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"12,12", "+1.,1", "-.5,-0.5", "1e3,1E+3", "2.50E-1,0.250", "1e400,1E+400", "007,7"})
  void decimalsOfEveryFormKeepTheirExactValue(String text, String expected) {
    assertThat(Values.decimal(text)).isEqualTo(new BigDecimal(expected));
    assertThat(Numbers.parse(" " + text)).hasValue(new BigDecimal(expected));
  }

  @Test
  void aDecimalBeyondADoubleIsNoNumber() {
    assertThat(Values.decimal("1e400")).isNotNull();
    assertThat(Values.number("1e400")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "1,5", "$100", "45 min", "NaN", "Infinity", "0x1F", "1e", "+"})
  void everythingElseIsNoDecimal(String text) {
    assertThat(Values.decimal(text)).as(text).isNull();
    assertThat(Numbers.parse(text)).as(text).isEmpty();
  }

  // The adapters' former grammars, kept here as the reference the one parser must equal.
  private static final Pattern OLD_DATE_TIME =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)"
              + "(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern OLD_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern OLD_PLAIN =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static Instant oldInstant(String v) {
    Matcher m = OLD_DATE_TIME.matcher(v);
    if (!m.matches()) {
      return null;
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
      return local.toInstant(zone);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String oldDate(String v) {
    try {
      return OLD_DATE.matcher(v).matches() ? LocalDate.parse(v).toString() : null;
    } catch (DateTimeException e) {
      return null;
    }
  }

  @Test
  void onRandomTextTheOneParserEqualsTheAdaptersFormerGrammars() {
    Random random = new Random(25);
    String[] seeds = {
      "2026-03-04T18:30:05.123+01:00", "2024-02-29 23:59:59-0230", "2026-03-04", "1999-12-31T00:00Z"
    };
    String alphabet = "0123456789-:T Z+.eE";
    int dateTimes = 0;
    int dates = 0;
    int decimals = 0;
    for (int k = 0; k < 200_000; k++) {
      StringBuilder b = new StringBuilder(seeds[random.nextInt(seeds.length)]);
      for (int edits = random.nextInt(3); edits > 0 && b.length() > 0; edits--) {
        int at = random.nextInt(b.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> b.setCharAt(at, c);
          case 1 -> b.insert(at, c);
          default -> b.deleteCharAt(at);
        }
      }
      String v =
          random.nextInt(4) == 0 ? b.substring(0, random.nextInt(b.length() + 1)) : b.toString();
      Instant expected = oldInstant(v);
      assertThat(Values.dateTime(v)).as(v).isEqualTo(expected);
      dateTimes += expected == null ? 0 : 1;
      String date = oldDate(v);
      assertThat(
              v.length() == 10
                  ? Optional.ofNullable(Values.date(v)).map(LocalDate::toString).orElse(null)
                  : null)
          .as(v)
          .isEqualTo(date);
      dates += date == null ? 0 : 1;
      String number = v.replace('-', random.nextBoolean() ? '-' : '.').replace(":", "");
      number = number.substring(0, Math.min(number.length(), 1 + random.nextInt(8)));
      BigDecimal exact = OLD_PLAIN.matcher(number).matches() ? new BigDecimal(number) : null;
      assertThat(Values.decimal(number)).as(number).isEqualTo(exact);
      decimals += exact == null ? 0 : 1;
    }
    // Both outcomes occur often enough for the comparison to mean something.
    assertThat(dateTimes).isGreaterThan(1_000);
    assertThat(dates).isGreaterThan(1_000);
    assertThat(decimals).isGreaterThan(1_000);
  }
}
