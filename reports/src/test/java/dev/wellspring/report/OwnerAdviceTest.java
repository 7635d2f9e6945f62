package dev.wellspring.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every sentence the owner-page recommendations can print, against hand-built numbers. Shares and
 * per-hour values are computed by hand in the comments (percentages half up).
 */
class OwnerAdviceTest {
  private static final Function<RunData.Goal, String> TITLE =
      g -> g.title() != null ? g.title() : g.goalId();

  private static Map<String, ReportContent.ClassTotals> totals(
      double dh, double dv, double eh, double ev, double uh, double uv) {
    Map<String, ReportContent.ClassTotals> m = new LinkedHashMap<>();
    m.put("DIRECTED", new ReportContent.ClassTotals(0, dh, dv));
    m.put("EMBEDDED", new ReportContent.ClassTotals(0, eh, ev));
    m.put("UNDIRECTED", new ReportContent.ClassTotals(0, uh, uv));
    return m;
  }

  private static RunData.Goal goal(
      String id,
      String title,
      double hours,
      double value,
      long outcomes,
      boolean drought,
      String status) {
    return new RunData.Goal(
        id,
        "Ann",
        "speaking",
        hours,
        outcomes,
        value,
        0,
        5.0,
        drought,
        title,
        "outcomes",
        null,
        status,
        null);
  }

  private static RunData.WhatIf whatIf(
      String to,
      double share,
      double hours,
      double change,
      Double lo,
      Double hi,
      boolean extrapolated) {
    return new RunData.WhatIf("Ann", "UNDIRECTED", to, share, hours, change, lo, hi, extrapolated);
  }

  @Test
  void sharesNameTheClassWhoseHoursAndValueSharesDifferMost() {
    // Hours 40, value 600: D 25% / 50% (gap .25), E 25% / 33% (.08), U 50% / 17% (.33) -> U.
    assertThat(OwnerAdvice.shares(totals(10, 300, 10, 200, 20, 100)))
        .isEqualTo(
            "Undirected networking took 50% of "
                + "your hours but earned 17% of your value: move some of those hours to a specific, timely goal.");
    // Hours 40, value 1000: D 25% / 80% (.55), E 50% / 10% (.40), U 25% / 10% (.15) -> D earns
    // more.
    assertThat(OwnerAdvice.shares(totals(10, 800, 20, 100, 10, 100)))
        .isEqualTo(
            "Goal-directed work took 25% of your hours and earned 80% of your value: protect that time.");
    // Hours 40, value 500: D 75% / 20% (.55), E and U 12.5% / 40% (.275) -> D earns less.
    assertThat(OwnerAdvice.shares(totals(30, 100, 5, 200, 5, 200)))
        .isEqualTo(
            "Goal-directed work took 75% of your "
                + "hours but earned only 20% of your value: make your goals more specific and timely.");
    // Hours 40, value 1000: D 25% / 10% (.15), E 25% / 70% (.45), U 50% / 20% (.30) -> E earns
    // more.
    assertThat(OwnerAdvice.shares(totals(10, 100, 10, 700, 20, 200)))
        .isEqualTo(
            "Networking within your paid work "
                + "took 25% of your hours and earned 70% of your value: keep meeting people through client and project work.");
    // Hours 40, value 1000: D 25% / 40% (.15), E 62.5% / 10% (.525), U 12.5% / 50% (.375) -> E
    // earns less.
    assertThat(OwnerAdvice.shares(totals(10, 400, 25, 100, 5, 500)))
        .isEqualTo(
            "Networking within your paid work "
                + "took 63% of your hours but earned only 10% of your value: give some of it a specific goal.");
    // Hours 40, value 1000: D and E 25% / 10% (.15), U 50% / 80% (.30) -> U earns more.
    assertThat(OwnerAdvice.shares(totals(10, 100, 10, 100, 20, 800)))
        .isEqualTo(
            "Undirected networking took 50% of "
                + "your hours and earned 80% of your value: it works for you; keep some time for it.");
  }

  @Test
  void sharesSayNothingWhenEveryGapIsUnderTenPointsOrThereIsNothingToShare() {
    // Shares 25/25/50 of hours and of value: no gap.
    assertThat(OwnerAdvice.shares(totals(10, 250, 10, 250, 20, 500))).isNull();
    // D 30% / 38% of value: a gap of 8 points, under 10 (E 30% / 30%, U 40% / 32%).
    assertThat(OwnerAdvice.shares(totals(30, 380, 30, 300, 40, 320))).isNull();
    assertThat(OwnerAdvice.shares(totals(10, 0, 0, 0, 5, 0))).isNull();
    assertThat(OwnerAdvice.shares(totals(0, 0, 0, 0, 0, 0))).isNull();
  }

  @Test
  void bestGoalIsTheHighestOnTargetValuePerDirectedHour() {
    // g1 500 / 10 h = 50 per hour; g2 400 / 4 h = 100 per hour; g3 has no hours; g4 no value.
    List<RunData.Goal> goals =
        List.of(
            goal("g1", "Podcasts", 10, 500, 1, false, "on_track"),
            goal("g2", "Keynotes", 4, 400, 2, false, "on_track"),
            goal("g3", "Book", 0, 100, 1, false, null),
            goal("g4", "Partners", 30, 0, 0, false, "behind"));
    assertThat(OwnerAdvice.bestGoal(goals, TITLE, "EUR"))
        .isEqualTo(
            "Your directed hours paid best on \u201CKeynotes\u201D: "
                + "100.00 EUR per hour over 4.0 hours; give it the next hours you free up.");
    assertThat(OwnerAdvice.bestGoal(List.of(goals.get(3)), TITLE, "EUR")).isNull();
  }

  @Test
  void droughtNamesTheGoalWithMostHoursAndCountsTheOthers() {
    // The status column decides when present: d3 has the old flag but is on track.
    RunData.Goal d1 = goal("d1", null, 18.25, 0, 0, true, null);
    RunData.Goal d2 = goal("d2", "TV segment", 30, 0, 0, false, "drought");
    RunData.Goal d3 = goal("d3", "Partners", 50, 0, 0, true, "on_track");
    RunData.Goal d4 = goal("d4", "Readers", 12, 0, 0, true, "drought");
    assertThat(OwnerAdvice.drought(List.of(d1), TITLE))
        .isEqualTo(
            "\u201Cd1\u201D has had 18.3 hours and no on-target "
                + "outcome in 90+ days: change the approach (audience, channel, offer) or retire it.");
    assertThat(OwnerAdvice.drought(List.of(d1, d2, d3), TITLE))
        .isEqualTo(
            "\u201CTV segment\u201D has had 30.0 hours "
                + "and no on-target outcome in 90+ days: change the approach (audience, channel, offer) or retire it; "
                + "1 more of your goals is in drought.");
    assertThat(OwnerAdvice.drought(List.of(d1, d2, d3, d4), TITLE))
        .endsWith("retire it; 2 more of your goals are in drought.");
    assertThat(OwnerAdvice.drought(List.of(d3), TITLE)).isNull();
  }

  @Test
  void whatIfQuotesTheLargestMoveToDirectedWorkWithItsInterval() {
    List<RunData.WhatIf> rows =
        List.of(
            whatIf("DIRECTED", 0.10, 1.2, 19.0, 6.5, 31.0, false),
            whatIf("DIRECTED", 0.25, 3.0, 47.5, 16.2, 77.5, true),
            whatIf("EMBEDDED", 0.25, 3.0, 99.0, 50.0, 150.0, false));
    assertThat(OwnerAdvice.whatIf(rows, "EUR"))
        .isEqualTo(
            "Moving 25% of your undirected hours (3.0 hours a month) "
                + "to goal-directed work would add about 47.5 EUR a month (95% interval 16.2 to 77.5). That is more "
                + "goal-directed time than you have spent in any month, so treat it as a rough guide.");
    assertThat(
            OwnerAdvice.whatIf(
                List.of(whatIf("DIRECTED", 0.25, 2.0, -12.0, -30.0, -2.0, false)), ""))
        .isEqualTo(
            "Moving 25% of your undirected hours (2.0 hours a month) to goal-directed work would lose about "
                + "12.0 a month (95% interval −30.0 to −2.0): by what hours actually add, your undirected time is worth "
                + "keeping, whatever its credited share.");
    assertThat(
            OwnerAdvice.whatIf(
                List.of(whatIf("DIRECTED", 0.25, 1.5, 10.0, -5.0, 25.0, false)), "EUR"))
        .isEqualTo(
            "Moving 25% of your undirected hours (1.5 hours a month) to goal-directed work would change your "
                + "value by about +10.0 EUR a month, but the 95% interval (−5.0 to 25.0) includes no change.");
    assertThat(
            OwnerAdvice.whatIf(List.of(whatIf("DIRECTED", 0.10, 0.6, 4.0, null, null, false)), ""))
        .isEqualTo(
            "Moving 10% of your undirected hours (0.6 hours a month) to goal-directed work would change your "
                + "value by about +4.0 a month (no interval available).");
    assertThat(OwnerAdvice.whatIf(List.of(rows.get(2)), "EUR")).isNull();
    assertThat(OwnerAdvice.whatIf(null, "EUR")).isNull();
  }

  @Test
  void fillersCompareValuePerHourAndRemarkOnGoals() {
    // D 500 / 10 = 50 per hour, U 100 / 20 = 5 per hour: 10x.
    assertThat(OwnerAdvice.valuePerHour(totals(10, 500, 0, 0, 20, 100), "EUR"))
        .isEqualTo(
            "Your goal-directed hours "
                + "earned 50.00 EUR per hour, 10.00× your undirected hours (5.00 EUR per hour).");
    assertThat(OwnerAdvice.valuePerHour(totals(0, 0, 5, 50, 20, 100), ""))
        .isEqualTo(
            "You logged no goal-directed "
                + "hours: set one specific, timely goal (a talk, a launch, a partner) and record the hours you spend on it.");
    assertThat(OwnerAdvice.valuePerHour(totals(10, 500, 0, 0, 0, 0), ""))
        .isEqualTo(
            "Your goal-directed hours earned "
                + "50.00 per hour; you logged no undirected hours to compare them with.");
    assertThat(OwnerAdvice.valuePerHour(totals(10, 500, 0, 0, 20, 0), ""))
        .isEqualTo(
            "Your goal-directed hours earned "
                + "50.00 per hour; your undirected hours earned nothing that could be credited to them.");
    assertThat(OwnerAdvice.valuePerHour(totals(0, 0, 0, 0, 0, 0), "")).isNull();
    assertThat(OwnerAdvice.goalsRemark(List.of()))
        .isEqualTo(
            "You have no goals recorded: name one specific, timely "
                + "goal so your directed hours have something to be credited to.");
    RunData.Goal none = goal("g1", "Keynotes", 5, 0, 0, false, "behind");
    assertThat(OwnerAdvice.goalsRemark(List.of(none)))
        .isEqualTo(
            "Your goal has no on-target outcome yet: check that "
                + "it has a clear next step and a named contact.");
    assertThat(OwnerAdvice.goalsRemark(List.of(none, goal("g2", "Book", 5, 0, 0, false, "behind"))))
        .isEqualTo(
            "None of your 2 goals has an on-target outcome yet: check that each has a clear next step and a named contact.");
    assertThat(OwnerAdvice.goalsRemark(List.of(goal("g3", "Talks", 5, 100, 1, false, "on_track"))))
        .isNull();
  }

  @Test
  void recommendKeepsTheRuleOrderAndStaysBetweenTwoAndFour() {
    List<RunData.Goal> goals =
        List.of(
            goal("g2", "Keynotes", 4, 400, 2, false, "on_track"),
            goal("d2", "TV segment", 30, 0, 0, false, "drought"));
    List<RunData.WhatIf> rows = List.of(whatIf("DIRECTED", 0.25, 3.0, 47.5, 16.2, 77.5, false));
    List<String> all =
        OwnerAdvice.recommend(totals(10, 300, 10, 200, 20, 100), goals, rows, TITLE, "EUR");
    assertThat(all).hasSize(4);
    assertThat(all.get(0)).startsWith("Undirected networking took 50%");
    assertThat(all.get(1)).startsWith("Your directed hours paid best on \u201CKeynotes\u201D");
    assertThat(all.get(2)).startsWith("\u201CTV segment\u201D has had 30.0 hours");
    assertThat(all.get(3)).startsWith("Moving 25% of your undirected hours");
    // Balanced shares, no goals, no what-if: the two fillers make the minimum of two.
    assertThat(OwnerAdvice.recommend(totals(10, 250, 10, 250, 20, 500), List.of(), null, TITLE, ""))
        .containsExactly(
            "Your goal-directed hours earned 25.00 per hour, 1.00× your undirected hours (25.00 per hour).",
            "You have no goals recorded: name one specific, timely goal so your directed hours have something to be "
                + "credited to.");
    // One rule applies (the best goal): one filler is added.
    assertThat(
            OwnerAdvice.recommend(
                totals(10, 250, 10, 250, 20, 500), List.of(goals.get(0)), List.of(), TITLE, ""))
        .hasSize(2)
        .last()
        .asString()
        .startsWith("Your goal-directed hours earned 25.00 per hour");
  }
}
