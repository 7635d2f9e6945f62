package dev.wellspring.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The period headline, sentence and table against hand-computed numbers. */
class PeriodSummaryTest {
  private static final LocalDate CS = LocalDate.parse("2025-11-03");
  private static final LocalDate CE = LocalDate.parse("2026-01-31");
  private static final LocalDate PS = LocalDate.parse("2025-08-05");
  private static final LocalDate PE = LocalDate.parse("2025-11-02");

  private static List<RunData.PeriodRow> period(
      String name,
      LocalDate start,
      LocalDate end,
      double[] hours,
      double[] values,
      Double lift,
      Double lo,
      Double hi) {
    List<RunData.PeriodRow> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(
          new RunData.PeriodRow(
              name,
              start,
              end,
              RunData.CLASSES.get(i),
              hours[i],
              values[i],
              hours[i] > 0 ? values[i] / hours[i] : null,
              lift,
              lo,
              hi));
    }
    return rows;
  }

  // Current: D 55 h / 5,225 (95 per hour), E 30 h / 1,500 (50), U 20 h / 400 (20); lift 4.75.
  private static final List<RunData.PeriodRow> CURRENT =
      period(
          "current",
          CS,
          CE,
          new double[] {55, 30, 20},
          new double[] {5225, 1500, 400},
          4.75,
          3.1,
          6.9);
  // Previous: D 40 h / 3,200 (80), E 35 h / 1,400 (40), U 30 h / 750 (25); lift 3.2.
  private static final List<RunData.PeriodRow> PREVIOUS =
      period(
          "previous",
          PS,
          PE,
          new double[] {40, 35, 30},
          new double[] {3200, 1400, 750},
          3.2,
          2.1,
          4.8);

  private static PeriodSummary.Period cur() {
    return PeriodSummary.of(CURRENT, "current");
  }

  private static PeriodSummary.Period prev() {
    return PeriodSummary.of(PREVIOUS, "previous");
  }

  @Test
  void periodLengthsCountBothEndsAcrossMonthAndYearBoundaries() {
    // 2025-11-03..2026-01-31: 28 + 31 + 31 days; 2025-08-05..2025-11-02: 27 + 30 + 31 + 2.
    assertThat(cur().days()).isEqualTo(90);
    assertThat(prev().days()).isEqualTo(90);
    // A leap February, and a one-day period.
    assertThat(
            PeriodSummary.of(
                    period(
                        "current",
                        LocalDate.parse("2024-02-01"),
                        LocalDate.parse("2024-02-29"),
                        new double[] {1, 1, 1},
                        new double[] {1, 1, 1},
                        1.0,
                        null,
                        null),
                    "current")
                .days())
        .isEqualTo(29);
    assertThat(
            PeriodSummary.of(
                    period(
                        "current",
                        CE,
                        CE,
                        new double[] {1, 1, 1},
                        new double[] {1, 1, 1},
                        1.0,
                        null,
                        null),
                    "current")
                .days())
        .isEqualTo(1);
    assertThat(PeriodSummary.of(CURRENT, "previous")).isNull();
    assertThat(PeriodSummary.of(null, "current")).isNull();
  }

  @Test
  void headlineQuotesBothPeriodsLiftsWithIntervals() {
    assertThat(PeriodSummary.headline(cur(), prev(), "linear"))
        .isEqualTo(
            "In the last 90 days goal-directed "
                + "networking earned 4.75× the value per hour of undirected networking (95% interval 3.10–6.90) under the "
                + "linear model; in the 90 days before, 3.20× (95% interval 2.10–4.80).");
    PeriodSummary.Period noUndirected =
        PeriodSummary.of(
            period(
                "current",
                CS,
                CE,
                new double[] {55, 30, 0},
                new double[] {5225, 1500, 0},
                null,
                null,
                null),
            "current");
    assertThat(PeriodSummary.headline(noUndirected, null, "markov"))
        .isEqualTo(
            "In the last 90 days the lift is "
                + "undefined: there were no undirected hours to compare with (markov model); the previous 90 days hold no data.");
  }

  @Test
  void sentenceSaysBetterOrWorseAndWhy() {
    // 95 against 80: +18.75% -> +19%. D hours 40 -> 55 of 105 and 105: 38% -> 52%.
    assertThat(PeriodSummary.sentence(cur(), prev(), "EUR"))
        .isEqualTo(
            "Goal-directed work paid better than in the "
                + "previous 90 days: 95.00 EUR per hour against 80.00 (+19%). Its hours went up from 40.0 to 55.0 (from 38% to "
                + "52% of all hours); undirected work earned 20.00 per hour against 25.00, so the lift went from 3.20× to 4.75×.");
    // Swapped: 80 against 95 is -15.79% -> -16%; hours 55 -> 40.
    PeriodSummary.Period a =
        PeriodSummary.of(
            period(
                "current",
                CS,
                CE,
                new double[] {40, 35, 30},
                new double[] {3200, 1400, 750},
                3.2,
                2.1,
                4.8),
            "current");
    PeriodSummary.Period b =
        PeriodSummary.of(
            period(
                "previous",
                PS,
                PE,
                new double[] {55, 30, 20},
                new double[] {5225, 1500, 400},
                4.75,
                3.1,
                6.9),
            "previous");
    assertThat(PeriodSummary.sentence(a, b, ""))
        .isEqualTo(
            "Goal-directed work paid worse than in the previous 90 days: "
                + "80.00 per hour against 95.00 (−16%). Its hours went down from 55.0 to 40.0 (from 52% to 38% of all hours); "
                + "undirected work earned 25.00 per hour against 20.00, so the lift went from 4.75× to 3.20×.");
    assertThat(PeriodSummary.sentence(a, a, ""))
        .isEqualTo(
            "Goal-directed work paid the same as in the previous 90 days: "
                + "80.00 per hour against 80.00. Its hours stayed at 40.0 (38% of all hours); undirected work earned 25.00 per "
                + "hour against 25.00, so the lift stayed at 3.20×.");
  }

  @Test
  void sentenceForAPeriodWithoutActivityOrWithoutAPreviousOne() {
    PeriodSummary.Period empty =
        PeriodSummary.of(
            period(
                "current",
                CS,
                CE,
                new double[] {0, 0, 0},
                new double[] {0, 0, 0},
                null,
                null,
                null),
            "current");
    assertThat(PeriodSummary.sentence(empty, prev(), ""))
        .isEqualTo(
            "No goal-directed hours were logged in the last 90 "
                + "days (40.0 in the 90 days before), so goal-directed work earned nothing this period.");
    PeriodSummary.Period emptyBefore =
        PeriodSummary.of(
            period(
                "previous",
                PS,
                PE,
                new double[] {0, 0, 0},
                new double[] {0, 0, 0},
                null,
                null,
                null),
            "previous");
    assertThat(PeriodSummary.sentence(cur(), emptyBefore, "EUR"))
        .isEqualTo(
            "There were no goal-directed hours in the "
                + "90 days before, so this period's 95.00 EUR per hour has no earlier figure to compare with.");
    assertThat(PeriodSummary.sentence(empty, emptyBefore, ""))
        .isEqualTo(
            "No goal-directed hours were logged in the "
                + "last 90 days or the 90 days before, so there is nothing to compare.");
    assertThat(PeriodSummary.sentence(cur(), null, ""))
        .isEqualTo(
            "There is no previous period in the data, so there is "
                + "nothing to compare with yet.");
  }

  @Test
  void tableHasBothPeriodsAndTheChangePerClass() {
    Block.Table t = PeriodSummary.table(cur(), prev(), "EUR");
    assertThat(t.headers())
        .containsExactly(
            "Class",
            "Hours before",
            "Hours now",
            "Change",
            "Value/h before (EUR)",
            "Value/h now (EUR)",
            "Change",
            "Value now (EUR)");
    // All classes: before 5,350 / 105 = 50.95 per hour, now 7,125 / 105 = 67.86, +33.2%.
    assertThat(t.rows())
        .extracting(Block.Row::cells)
        .containsExactly(
            List.of("DIRECTED", "40.0", "55.0", "+15.0", "80.00", "95.00", "+19%", "5,225"),
            List.of("EMBEDDED", "35.0", "30.0", "−5.0", "40.00", "50.00", "+25%", "1,500"),
            List.of("UNDIRECTED", "30.0", "20.0", "−10.0", "25.00", "20.00", "−20%", "400.0"),
            List.of("All classes", "105.0", "105.0", "0.0", "50.95", "67.86", "+33%", "7,125"));
  }
}
