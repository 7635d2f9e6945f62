package dev.wellspring.aggregate;

import static dev.wellspring.aggregate.Fixtures.credit;
import static dev.wellspring.aggregate.Fixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.aggregate.Fixtures.Sample;
import dev.wellspring.schema.Tables;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class GoalScorecardTest {
  private static List<Row> card(Dataset<Row> credits, Dataset<Row> outcomes, LocalDate runDate) {
    Dataset<Row> df =
        GoalScorecard.scorecard(Sample.goals(), Sample.touchpoints(), credits, runDate);
    assertThat(df.schema().simpleString()).isEqualTo(Tables.GOAL_SCORECARD_SCHEMA.simpleString());
    return df.orderBy("goal_id").collectAsList();
  }

  private static Row row(
      String goal,
      String owner,
      String category,
      double hours,
      long onTarget,
      double onTargetValue,
      long serendipitous,
      Double target,
      boolean drought,
      String unit,
      Double progress,
      String status) {
    return RowFactory.create(
        goal,
        owner,
        category,
        hours,
        onTarget,
        onTargetValue,
        serendipitous,
        target,
        drought,
        "title of " + goal,
        unit,
        progress,
        status);
  }

  @Test
  void everyGoalGetsItsHoursOutcomesAndDroughtAsComputedByHand() {
    // g1: a2 0.5 h + a3 1.5 h; o1 (speaking, 1000) and o2 (readership) both have a2 and a3 as
    //     candidates: counted once each, on target and serendipitous. o3 (speaking) only reached
    //     an UNDIRECTED touch, o6 is unattributed: neither counts.
    // g2: a1 10 h, o4 is revenue (serendipitous); Jan 1..Mar 31 = 90 days, 10 h, no on-target
    //     outcome: a drought at both boundaries.
    // g3: b1 12 h + b2 0.5 h, o5 revenue; May 1..Jun 30 (run date) = 61 days: no drought yet.
    // g4: nothing directed to it.
    assertThat(card(Sample.credits(), Sample.outcomes(), Sample.RUN_DATE))
        .containsExactly(
            row(
                "g1",
                "ann",
                "speaking",
                2.0,
                1,
                1000.0,
                1,
                3.0,
                false,
                "outcomes",
                1 / 3.0,
                "behind"),
            row("g2", "ann", "publicity", 10.0, 0, 0.0, 1, null, true, "outcomes", null, "drought"),
            row(
                "g3",
                "bob",
                "partners",
                12.5,
                0,
                0.0,
                1,
                null,
                false,
                "outcomes",
                null,
                "no_target"),
            row("g4", "ann", "launch", 0.0, 0, 0.0, 0, 5.0, false, "outcomes", 0.0, "behind"));
  }

  @Test
  void activeDaysCountFromStartToTheRunDateInclusive() {
    // g3 starts May 1: to Jul 29 is 90 days (drought), to Jul 28 only 89.
    assertThat(card(Sample.credits(), Sample.outcomes(), LocalDate.parse("2026-07-29")).get(2))
        .isEqualTo(
            row("g3", "bob", "partners", 12.5, 0, 0.0, 1, null, true, "outcomes", null, "drought"));
    assertThat(card(Sample.credits(), Sample.outcomes(), LocalDate.parse("2026-07-28")).get(2))
        .isEqualTo(
            row(
                "g3",
                "bob",
                "partners",
                12.5,
                0,
                0.0,
                1,
                null,
                false,
                "outcomes",
                null,
                "no_target"));
  }

  @Test
  void anOnTargetOutcomeEndsTheDroughtAndCountsItsFullValue() {
    // o7 (publicity, 40) has a1 (DIRECTED to g2) and a4 (UNDIRECTED) as candidates; the full 40
    // counts though a1 holds half the credit.
    Dataset<Row> outcomes =
        Sample.outcomes()
            .union(Fixtures.outcomes(outcome("o7", "ann", "2026-03-01", "publicity", 40, null)));
    List<Row> rows = new java.util.ArrayList<>(Sample.creditRows());
    rows.addAll(
        List.of(
            credit("o7", "a1", "linear", 0.5, 40),
            credit("o7", "a4", "linear", 0.5, 40),
            credit("o7", "a1", "first_touch", 1, 40),
            credit("o7", "a4", "first_touch", 0, 40)));
    Dataset<Row> credits = Fixtures.wide(rows, Sample.touchpoints(), outcomes);
    assertThat(card(credits, outcomes, Sample.RUN_DATE).get(1))
        .isEqualTo(
            row(
                "g2",
                "ann",
                "publicity",
                10.0,
                1,
                40.0,
                1,
                null,
                false,
                "outcomes",
                null,
                "no_target"));
  }

  private static List<Row> cardOf(Row... goals) {
    Dataset<Row> df =
        GoalScorecard.scorecard(
            Fixtures.goals(goals), Sample.touchpoints(), Sample.credits(), Sample.RUN_DATE);
    return df.orderBy("goal_id").collectAsList();
  }

  /** (target_unit, progress, status) of a scorecard row. */
  private static List<Object> verdict(Row r) {
    return java.util.Arrays.asList(r.getAs("target_unit"), r.getAs("progress"), r.getAs("status"));
  }

  @Test
  void progressCountsOutcomesOrValueAsTheTargetUnitSays() {
    // g1's work: 1 on-target outcome (o1) worth 1000, run date 2026-06-30.
    // Jun 21..Jul 10 is 20 days, 10 of them elapsed (Jun 21..30): share 0.5.
    List<Row> rows =
        cardOf(Fixtures.goal("g1", "ann", "speaking", 2000.0, "value", "2026-06-21", "2026-07-10"));
    assertThat(verdict(rows.get(0))).containsExactly("value", 0.5, "on_track");
    // The same goal counting outcomes: 1 / 2000.
    rows =
        cardOf(
            Fixtures.goal("g1", "ann", "speaking", 2000.0, "outcomes", "2026-06-21", "2026-07-10"));
    assertThat(verdict(rows.get(0))).containsExactly("outcomes", 1 / 2000.0, "behind");
    // An empty unit (a table from before the column) counts outcomes.
    rows = cardOf(Fixtures.goal("g1", "ann", "speaking", 4.0, null, "2026-06-21", "2026-07-10"));
    assertThat(verdict(rows.get(0))).containsExactly("outcomes", 0.25, "behind");
  }

  @Test
  void statusRulesInTheirOrder() {
    // on_track exactly at the elapsed share (0.5 of 20 days), behind one day later in the goal's
    // end (10 of 19 days elapsed > 0.5).
    assertThat(
            verdict(
                cardOf(
                        Fixtures.goal(
                            "g1", "ann", "speaking", 2.0, "outcomes", "2026-06-21", "2026-07-10"))
                    .get(0)))
        .containsExactly("outcomes", 0.5, "on_track");
    assertThat(
            verdict(
                cardOf(
                        Fixtures.goal(
                            "g1", "ann", "speaking", 2.0, "outcomes", "2026-06-21", "2026-07-09"))
                    .get(0)))
        .containsExactly("outcomes", 0.5, "behind");
    // achieved at progress 1, above the elapsed share or not; and beyond 1.
    assertThat(
            verdict(
                cardOf(
                        Fixtures.goal(
                            "g1", "ann", "speaking", 1.0, "outcomes", "2026-01-01", "2026-03-31"))
                    .get(0)))
        .containsExactly("outcomes", 1.0, "achieved");
    assertThat(
            verdict(
                cardOf(
                        Fixtures.goal(
                            "g1", "ann", "speaking", 800.0, "value", "2026-01-01", "2026-12-31"))
                    .get(0)))
        .containsExactly("value", 1.25, "achieved");
    // A goal that ended short of its target is behind (all of its time has elapsed).
    assertThat(
            verdict(
                cardOf(
                        Fixtures.goal(
                            "g1", "ann", "speaking", 3.0, "outcomes", "2026-01-01", "2026-03-31"))
                    .get(0)))
        .containsExactly("outcomes", 1 / 3.0, "behind");
    // No target, or a target of 0: no progress, no_target.
    assertThat(
            verdict(
                cardOf(
                        Fixtures.goal(
                            "g1", "ann", "speaking", null, "value", "2026-01-01", "2026-12-31"))
                    .get(0)))
        .containsExactly("value", null, "no_target");
    assertThat(
            verdict(
                cardOf(
                        Fixtures.goal(
                            "g1", "ann", "speaking", 0.0, "outcomes", "2026-01-01", "2026-12-31"))
                    .get(0)))
        .containsExactly("outcomes", null, "no_target");
    // drought beats no_target and behind: g2 has 10 h over Jan 1..Mar 31 (90 days) and no
    // on-target outcome.
    assertThat(
            verdict(
                cardOf(
                        Fixtures.goal(
                            "g2", "ann", "publicity", null, "outcomes", "2026-01-01", "2026-03-31"))
                    .get(0)))
        .containsExactly("outcomes", null, "drought");
    assertThat(
            verdict(
                cardOf(
                        Fixtures.goal(
                            "g2", "ann", "publicity", 5.0, "outcomes", "2026-01-01", "2026-03-31"))
                    .get(0)))
        .containsExactly("outcomes", 0.0, "drought");
  }
}
