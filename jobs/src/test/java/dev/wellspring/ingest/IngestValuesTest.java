package dev.wellspring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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
        "2026-03-04T18:30:00+19:00", "2026-03-04T18:30:00+01:75", "2026-03-04t18:30", "2026-03-04T18:30:00.Z"
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
      value = {"12|12.0", "0.5|0.5", "1e3|1000.0", "1E-2|0.01", "-3|-3.0", "+4.|4.0", ".25|0.25", "-0|0.0"})
  void plainAndScientificLiteralsAreNumbers(String text, double expected) {
    assertThat(Values.number(text)).isEqualTo(expected);
  }

  @Test
  void negativeZeroIsStoredAsZero() {
    assertThat(Double.doubleToRawLongBits(Values.number("-0"))).isEqualTo(0L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1,5", "$100", "45 min", "NaN", "Infinity", "-Infinity", "0x10", "1e309", "1e", "e3", ".", "1.2.3", "12d", "1_000"})
  void everythingElseIsABadNumber(String text) {
    assertThat(Values.number(text)).as(text).isNull();
  }
}
