package dev.wellspring.aggregate;

import static dev.wellspring.aggregate.Fixtures.credit;
import static dev.wellspring.aggregate.Fixtures.outcome;
import static dev.wellspring.aggregate.Fixtures.tp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.aggregate.PeriodComparison.Period;
import dev.wellspring.schema.Tables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class PeriodComparisonTest {
  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void theCurrentPeriodEndsWithTheRunDateAndBothEndsAreInclusive() {
    // 2026-03-01 minus 89 days: back over February (28 days) and January (31) into December.
    // Dec 2..31 = 30, Jan = 31, Feb = 28, Mar 1 = 1: 90 days. The previous 90 days: Sep 3..30 =
    // 28, Oct 31, Nov 30, Dec 1: 90 days, across the year boundary.
    assertThat(PeriodComparison.periods(d("2026-03-01"), 90))
        .containsExactly(
            new Period("current", d("2025-12-02"), d("2026-03-01")),
            new Period("previous", d("2025-09-03"), d("2025-12-01")));
  }

  @Test
  void aRunDateOnTheFirstOfAYearOrAMonth() {
    // Jan 1: the current 31 days are Dec 2..Jan 1, the previous Nov 1..Dec 1.
    assertThat(PeriodComparison.periods(d("2026-01-01"), 31))
        .containsExactly(
            new Period("current", d("2025-12-02"), d("2026-01-01")),
            new Period("previous", d("2025-11-01"), d("2025-12-01")));
    // A leap February: Mar 1 2028 minus 29 days is Feb 1; the 30 days before are Jan 2..31.
    assertThat(PeriodComparison.periods(d("2028-03-01"), 30))
        .containsExactly(
            new Period("current", d("2028-02-01"), d("2028-03-01")),
            new Period("previous", d("2028-01-02"), d("2028-01-31")));
    // One day: the run date against the day before.
    assertThat(PeriodComparison.periods(d("2026-05-01"), 1))
        .containsExactly(
            new Period("current", d("2026-05-01"), d("2026-05-01")),
            new Period("previous", d("2026-04-30"), d("2026-04-30")));
    assertThatThrownBy(() -> PeriodComparison.periods(d("2026-05-01"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a period has at least one day, got 0");
  }

  // Run date 2026-01-10, 5 days: current Jan 6..10, previous Jan 1..5.
  private static final LocalDate RUN = d("2026-01-10");

  private static Dataset<Row> touchpoints() {
    return Fixtures.touchpoints(
        // the last second of the previous period, and the first of the current one
        tp("t1", "ann", "2026-01-05T23:59:59Z", "meeting", "c1", 60, 0, "DIRECTED", "g1"),
        tp("t2", "ann", "2026-01-06T00:00:00Z", "call", "c2", 30, 0, "UNDIRECTED", null),
        tp("t3", "ann", "2026-01-10T12:00:00Z", "meeting", "c1", 120, 0, "DIRECTED", "g1"),
        // before both periods
        tp("t4", "ann", "2025-12-31T23:00:00Z", "email", "c3", 600, 0, "UNDIRECTED", null),
        tp("t5", "ann", "2026-01-01T00:00:00Z", "call", "c3", 90, 0, "UNDIRECTED", null),
        tp("t6", "bob", "2026-01-08T09:00:00Z", "event", null, 240, 0, "EMBEDDED", null));
  }

  private static Dataset<Row> credits(Dataset<Row> touchpoints) {
    Dataset<Row> outcomes =
        Fixtures.outcomes(
            outcome("o1", "ann", "2026-01-10", "speaking", 300, "c1"),
            outcome("o2", "ann", "2026-01-09", "revenue", 60, "c2"),
            outcome("o3", "ann", "2026-01-02", "revenue", 90, "c3"),
            outcome("o4", "bob", "2026-01-09", "revenue", 100, null));
    return Fixtures.wide(
        List.of(
            credit("o1", "t1", "linear", 0.5, 300),
            credit("o1", "t3", "linear", 0.5, 300),
            credit("o2", "t2", "linear", 1, 60),
            credit("o3", "t4", "linear", 0.5, 90),
            credit("o3", "t5", "linear", 0.5, 90),
            credit("o4", "t6", "linear", 1, 100),
            // another model's credit must not count
            credit("o1", "t1", "first_touch", 1, 300)),
        touchpoints,
        outcomes);
  }

  private static List<Row> compare(LocalDate runDate, int days) {
    Dataset<Row> tps = touchpoints();
    Dataset<Row> df = PeriodComparison.compare(tps, credits(tps), "linear", runDate, days, 200, 7L);
    assertThat(df.schema().simpleString())
        .isEqualTo(Tables.PERIOD_COMPARISON_SCHEMA.simpleString());
    return df.orderBy("period", "class").collectAsList();
  }

  private static Row row(
      String period,
      String start,
      String end,
      String cls,
      double hours,
      double value,
      Double perHour,
      Double lift,
      Double low,
      Double high) {
    return RowFactory.create(
        period,
        Date.valueOf(start),
        Date.valueOf(end),
        cls,
        hours,
        value,
        perHour,
        lift,
        low,
        high);
  }

  @Test
  void hoursValueAndLiftPerPeriodAsComputedByHand() {
    // current: DIRECTED t3 2 h, o1's half 150 -> 75/h; EMBEDDED t6 4 h, 100 -> 25/h;
    //   UNDIRECTED t2 0.5 h, 60 -> 120/h; lift 75 / 120 = 0.625.
    // previous: DIRECTED t1 1 h (23:59:59 on the 5th is still the 5th), 150 -> 150/h; EMBEDDED
    //   nothing; UNDIRECTED t5 1.5 h, o3's half 45 (t4's half is before the period) -> 30/h;
    //   lift 150 / 30 = 5.
    // The interval: each period has one DIRECTED unit (ann, c1) and one UNDIRECTED unit, so every
    // resample that defines the lift (both units drawn) gives exactly the period's lift.
    assertThat(compare(RUN, 5))
        .containsExactly(
            row(
                "current",
                "2026-01-06",
                "2026-01-10",
                "DIRECTED",
                2,
                150,
                75.0,
                0.625,
                0.625,
                0.625),
            row(
                "current",
                "2026-01-06",
                "2026-01-10",
                "EMBEDDED",
                4,
                100,
                25.0,
                0.625,
                0.625,
                0.625),
            row(
                "current",
                "2026-01-06",
                "2026-01-10",
                "UNDIRECTED",
                0.5,
                60,
                120.0,
                0.625,
                0.625,
                0.625),
            row("previous", "2026-01-01", "2026-01-05", "DIRECTED", 1, 150, 150.0, 5.0, 5.0, 5.0),
            row("previous", "2026-01-01", "2026-01-05", "EMBEDDED", 0, 0, null, 5.0, 5.0, 5.0),
            row(
                "previous",
                "2026-01-01",
                "2026-01-05",
                "UNDIRECTED",
                1.5,
                45,
                30.0,
                5.0,
                5.0,
                5.0));
  }

  @Test
  void aPeriodWithNoActivityHasZeroHoursAndNoRatios() {
    // Run date 2026-01-20, 5 days: current Jan 16..20 holds nothing; previous Jan 11..15 neither.
    List<Row> rows = compare(d("2026-01-20"), 5);
    assertThat(rows).hasSize(6);
    for (Row r : rows) {
      assertThat(r.getDouble(4)).as("hours").isZero();
      assertThat(r.getDouble(5)).as("credited value").isZero();
      for (int i = 6; i < 10; i++) {
        assertThat(r.isNullAt(i)).as("column %d of %s", i, r).isTrue();
      }
    }
    // Run date 2026-01-15: current Jan 11..15 is empty, previous Jan 6..10 is the current of the
    // test above.
    List<Row> later = compare(d("2026-01-15"), 5);
    assertThat(later.get(0))
        .isEqualTo(
            row("current", "2026-01-11", "2026-01-15", "DIRECTED", 0, 0, null, null, null, null));
    assertThat(later.get(3))
        .isEqualTo(
            row(
                "previous",
                "2026-01-06",
                "2026-01-10",
                "DIRECTED",
                2,
                150,
                75.0,
                0.625,
                0.625,
                0.625));
  }
}
