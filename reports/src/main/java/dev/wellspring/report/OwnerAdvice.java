package dev.wellspring.report;

import static dev.wellspring.report.Formats.amount;
import static dev.wellspring.report.Formats.perHour;
import static dev.wellspring.report.Formats.percent;
import static dev.wellspring.report.Formats.times;
import static dev.wellspring.report.Formats.value;

import dev.wellspring.vocabulary.TouchClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The recommendations that open an owner's page, computed from that owner's own numbers only. Pure:
 * the same numbers always give the same sentences (ReportContent supplies the numbers, the tests
 * hand-built ones). The rules, in the order they are tried, at most {@link #MAX} sentences:
 *
 * <ol>
 *   <li><b>Hours against value</b>: the class whose share of the owner's hours and share of the
 *       owner's credited value differ most, when they differ by at least {@link #SHARE_GAP};
 *   <li><b>Best goal</b>: the goal whose directed hours earned the most on-target value per hour;
 *   <li><b>Drought</b>: the drought goal with the most hours (and how many others are in drought);
 *   <li><b>What-if</b>: the incrementality estimate's line for moving the largest share of the
 *       owner's undirected hours to goal-directed work, when whatif.csv has it.
 * </ol>
 *
 * When fewer than {@link #MIN} of these apply, two fillers follow: the owner's value per hour of
 * goal-directed against undirected work, then a sentence on the owner's goals.
 */
public final class OwnerAdvice {
  /** Fewest and most recommendations on an owner page. */
  static final int MIN = 2;

  static final int MAX = 4;

  /** How far apart a class's shares of hours and of value must be before it is remarked on. */
  static final double SHARE_GAP = 0.10;

  private OwnerAdvice() {}

  /**
   * The recommendations for one owner.
   *
   * @param totals the owner's hours and credited value per class (DIRECTED, EMBEDDED, UNDIRECTED)
   * @param goals the owner's goals
   * @param whatIf the owner's rows of whatif.csv (null or empty: no estimate)
   * @param label how a goal is named in a sentence (its title, shortened, or a neutral label)
   * @param unit the value unit, empty for none
   */
  public static List<String> recommend(
      Map<String, ReportContent.ClassTotals> totals,
      List<RunData.Goal> goals,
      List<RunData.WhatIf> whatIf,
      Function<RunData.Goal, String> label,
      String unit) {
    List<String> out = new ArrayList<>();
    addIfPresent(out, shares(totals));
    addIfPresent(out, bestGoal(goals, label, unit));
    addIfPresent(out, drought(goals, label));
    addIfPresent(out, whatIf(whatIf, unit));
    if (out.size() < MIN) {
      addIfPresent(out, valuePerHour(totals, unit));
    }
    if (out.size() < MIN) {
      addIfPresent(out, goalsRemark(goals));
    }
    return List.copyOf(out.subList(0, Math.min(MAX, out.size())));
  }

  private static void addIfPresent(List<String> out, String s) {
    if (s != null) {
      out.add(s);
    }
  }

  /** Rule 1: the class whose shares of hours and of value differ most (by 10 points or more). */
  static String shares(Map<String, ReportContent.ClassTotals> totals) {
    double hours = totals.values().stream().mapToDouble(ReportContent.ClassTotals::hours).sum();
    double val = totals.values().stream().mapToDouble(ReportContent.ClassTotals::value).sum();
    if (hours <= 0 || val <= 0) {
      return null;
    }
    String best = null;
    double bestGap = SHARE_GAP - 1e-12;
    for (String cls : RunData.CLASSES) {
      ReportContent.ClassTotals t = totals.getOrDefault(cls, ReportContent.ClassTotals.EMPTY);
      double gap = Math.abs(t.hours() / hours - t.value() / val);
      if (gap > bestGap) {
        best = cls;
        bestGap = gap;
      }
    }
    if (best == null) {
      return null;
    }
    ReportContent.ClassTotals t = totals.getOrDefault(best, ReportContent.ClassTotals.EMPTY);
    String hs = percent(t.hours() / hours);
    String vs = percent(t.value() / val);
    boolean earnsMore = t.value() / val > t.hours() / hours;
    return switch (TouchClass.parse(best)) {
      case UNDIRECTED ->
          earnsMore
              ? "Undirected networking took "
                  + hs
                  + " of your hours and earned "
                  + vs
                  + " of your value: it works for you; keep some time for it."
              : "Undirected networking took "
                  + hs
                  + " of your hours but earned "
                  + vs
                  + " of your value: move some of those hours to a specific, timely goal.";
      case DIRECTED ->
          earnsMore
              ? "Goal-directed work took "
                  + hs
                  + " of your hours and earned "
                  + vs
                  + " of your value: protect that time."
              : "Goal-directed work took "
                  + hs
                  + " of your hours but earned only "
                  + vs
                  + " of your value: make your goals more specific and timely.";
      default ->
          earnsMore
              ? "Networking within your paid work took "
                  + hs
                  + " of your hours and earned "
                  + vs
                  + " of your value: keep meeting people through client and project work."
              : "Networking within your paid work took "
                  + hs
                  + " of your hours but earned only "
                  + vs
                  + " of your value: give some of it a specific goal.";
    };
  }

  /** Rule 2: the goal whose directed hours earned the most on-target value per hour. */
  static String bestGoal(
      List<RunData.Goal> goals, Function<RunData.Goal, String> label, String unit) {
    return goals.stream()
        .filter(g -> g.hours() > 0 && g.onTargetValue() > 0)
        .max(
            Comparator.comparingDouble((RunData.Goal g) -> g.onTargetValue() / g.hours())
                .thenComparing(RunData.Goal::goalId, Comparator.reverseOrder()))
        .map(
            g ->
                "Your directed hours paid best on \u201C"
                    + label.apply(g)
                    + "\u201D: "
                    + perHour(g.onTargetValue() / g.hours(), unit)
                    + " over "
                    + amount(g.hours())
                    + " hours; give it the next hours you free up.")
        .orElse(null);
  }

  /** Rule 3: the drought goal with the most hours, and how many more are in drought. */
  static String drought(List<RunData.Goal> goals, Function<RunData.Goal, String> label) {
    List<RunData.Goal> dry =
        goals.stream()
            .filter(OwnerAdvice::inDrought)
            .sorted(
                Comparator.comparingDouble(RunData.Goal::hours)
                    .reversed()
                    .thenComparing(RunData.Goal::goalId))
            .toList();
    if (dry.isEmpty()) {
      return null;
    }
    RunData.Goal g = dry.get(0);
    int more = dry.size() - 1;
    return "\u201C"
        + label.apply(g)
        + "\u201D has had "
        + amount(g.hours())
        + " hours and no on-target outcome in 90+ days: change the approach (audience, channel, offer) or retire it"
        + (more == 0
            ? "."
            : more == 1
                ? "; 1 more of your goals is in drought."
                : "; " + more + " more of your goals are in drought.");
  }

  static boolean inDrought(RunData.Goal g) {
    return g.status() != null ? g.status().equals("drought") : g.drought();
  }

  /**
   * Rule 4: moving the largest share of undirected hours to goal-directed work, as the
   * incrementality estimate predicts it, with its interval and whether it is an extrapolation.
   */
  static String whatIf(List<RunData.WhatIf> rows, String unit) {
    if (rows == null) {
      return null;
    }
    RunData.WhatIf w =
        rows.stream()
            .filter(
                r ->
                    r.moveFrom().equals(TouchClass.UNDIRECTED.wireName())
                        && r.moveTo().equals(TouchClass.DIRECTED.wireName())
                        && r.valueChangePerMonth() != null
                        && r.hoursMovedPerMonth() != null)
            .max(Comparator.comparingDouble(RunData.WhatIf::shareMoved))
            .orElse(null);
    if (w == null) {
      return null;
    }
    String move =
        "Moving "
            + percent(w.shareMoved())
            + " of your undirected hours ("
            + amount(w.hoursMovedPerMonth())
            + " hours a month) to goal-directed work";
    double v = w.valueChangePerMonth();
    String interval =
        w.ciLow() != null && w.ciHigh() != null
            ? (amount(w.ciLow()) + " to " + amount(w.ciHigh())).replace('-', '−')
            : null;
    String s;
    if (interval == null) {
      s =
          move
              + " would change your value by about "
              + Formats.signed(v)
              + (unit.isEmpty() ? "" : " " + unit)
              + " a month (no interval available).";
    } else if (w.ciLow() > 0) {
      s = move + " would add about " + value(v, unit) + " a month (95% interval " + interval + ").";
    } else if (w.ciHigh() < 0) {
      s =
          move
              + " would lose about "
              + value(-v, unit)
              + " a month (95% interval "
              + interval
              + "): by what hours actually add, your undirected time is worth keeping, whatever its credited share.";
    } else {
      s =
          move
              + " would change your value by about "
              + Formats.signed(v)
              + (unit.isEmpty() ? "" : " " + unit)
              + " a month, but the 95% interval ("
              + interval
              + ") includes no change.";
    }
    return w.extrapolated()
        ? s
            + " That is more goal-directed time than you have spent in any month, so treat it as a rough guide."
        : s;
  }

  /** Filler 1: the owner's value per hour of goal-directed against undirected work. */
  static String valuePerHour(Map<String, ReportContent.ClassTotals> totals, String unit) {
    ReportContent.ClassTotals d =
        totals.getOrDefault(TouchClass.DIRECTED.wireName(), ReportContent.ClassTotals.EMPTY);
    ReportContent.ClassTotals u =
        totals.getOrDefault(TouchClass.UNDIRECTED.wireName(), ReportContent.ClassTotals.EMPTY);
    if (d.hours() <= 0
        && u.hours() <= 0
        && totals.values().stream().allMatch(t -> t.hours() <= 0)) {
      return null;
    }
    if (d.hours() <= 0) {
      return "You logged no goal-directed hours: set one specific, timely goal (a talk, a launch, a partner) "
          + "and record the hours you spend on it.";
    }
    if (u.hours() <= 0) {
      return "Your goal-directed hours earned "
          + perHour(d.valuePerHour(), unit)
          + "; you logged no undirected hours to compare them with.";
    }
    if (u.value() <= 0) {
      return "Your goal-directed hours earned "
          + perHour(d.valuePerHour(), unit)
          + "; your undirected hours earned nothing that could be credited to them.";
    }
    return "Your goal-directed hours earned "
        + perHour(d.valuePerHour(), unit)
        + ", "
        + times(d.valuePerHour() / u.valuePerHour())
        + " your undirected hours ("
        + perHour(u.valuePerHour(), unit)
        + ").";
  }

  /** Filler 2: a sentence on the owner's goals when no goal rule applied. */
  static String goalsRemark(List<RunData.Goal> goals) {
    if (goals.isEmpty()) {
      return "You have no goals recorded: name one specific, timely goal so your directed hours have "
          + "something to be credited to.";
    }
    if (goals.stream().noneMatch(g -> g.onTargetOutcomes() > 0)) {
      return goals.size() == 1
          ? "Your goal has no on-target outcome yet: check that it has a clear next step and a named contact."
          : "None of your "
              + goals.size()
              + " goals has an on-target outcome yet: check that each has a clear "
              + "next step and a named contact.";
    }
    return null;
  }
}
