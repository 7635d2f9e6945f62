package dev.wellspring.report;

import static dev.wellspring.report.Formats.amount;
import static dev.wellspring.report.Formats.change;
import static dev.wellspring.report.Formats.perHour;
import static dev.wellspring.report.Formats.percent;
import static dev.wellspring.report.Formats.ratio;
import static dev.wellspring.report.Formats.times;
import static dev.wellspring.report.Formats.withUnit;

import dev.wellspring.report.Block.Row;
import dev.wellspring.report.Block.Table;
import dev.wellspring.vocabulary.TouchClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report period against the one before it, from period_comparison.csv (DESIGN.md "Reporting
 * period, trend and goals"): the headline, the sentence that says whether goal-directed work paid
 * better or worse and why, and the class table. Pure: rows in, text out.
 */
final class PeriodSummary {
  private static final String DIRECTED = TouchClass.DIRECTED.wireName();
  private static final String UNDIRECTED = TouchClass.UNDIRECTED.wireName();

  private PeriodSummary() {}

  /**
   * One period (current or previous) of the report model: its inclusive dates, rows by class and
   * the period's lift with its interval.
   */
  record Period(
      LocalDate start,
      LocalDate end,
      Map<String, RunData.PeriodRow> byClass,
      Double lift,
      Double ciLow,
      Double ciHigh) {

    /** The period's length in days, both ends included. */
    long days() {
      return end.toEpochDay() - start.toEpochDay() + 1;
    }

    double hours(String cls) {
      RunData.PeriodRow r = byClass.get(cls);
      return r == null ? 0.0 : r.hours();
    }

    double value(String cls) {
      RunData.PeriodRow r = byClass.get(cls);
      return r == null ? 0.0 : r.creditedValue();
    }

    /** The exported value per hour; undefined (null) when the class has no hours. */
    Double valuePerHour(String cls) {
      RunData.PeriodRow r = byClass.get(cls);
      return r == null || r.hours() <= 0
          ? null
          : r.valuePerHour() != null ? r.valuePerHour() : r.creditedValue() / r.hours();
    }

    double totalHours() {
      return byClass.values().stream().mapToDouble(RunData.PeriodRow::hours).sum();
    }

    double totalValue() {
      return byClass.values().stream().mapToDouble(RunData.PeriodRow::creditedValue).sum();
    }
  }

  /** The rows of {@code name} (current or previous) as a period; null when there are none. */
  static Period of(List<RunData.PeriodRow> rows, String name) {
    if (rows == null) {
      return null;
    }
    Map<String, RunData.PeriodRow> byClass = new LinkedHashMap<>();
    RunData.PeriodRow first = null;
    for (RunData.PeriodRow r : rows) {
      if (r.period().equals(name)) {
        byClass.put(r.cls(), r);
        first = first == null ? r : first;
      }
    }
    return first == null
        ? null
        : new Period(
            first.start(), first.end(), byClass, first.lift(), first.ciLow(), first.ciHigh());
  }

  private static String interval(Double low, Double high) {
    return low != null && high != null
        ? "95% interval " + ratio(low) + "–" + ratio(high)
        : "95% interval not available";
  }

  /** Why a period's lift is undefined, from its hours and value (as lift.csv's rule). */
  private static String undefinedLift(Period p) {
    if (p.hours(UNDIRECTED) <= 0) {
      return "the lift is undefined: there were no undirected hours to compare with";
    }
    if (p.value(UNDIRECTED) <= 0) {
      return "the lift is undefined: undirected networking earned no credited value";
    }
    return "the lift is undefined: there were no goal-directed hours to compare";
  }

  /** The headline: the current period's lift and interval, then the previous period's. */
  static String headline(Period cur, Period prev, String model) {
    StringBuilder s = new StringBuilder("In the last " + cur.days() + " days ");
    if (cur.lift() != null) {
      s.append("goal-directed networking earned ")
          .append(times(cur.lift()))
          .append(" the value per hour of undirected networking (")
          .append(interval(cur.ciLow(), cur.ciHigh()))
          .append(") under the ")
          .append(model)
          .append(" model");
    } else {
      s.append(undefinedLift(cur)).append(" (").append(model).append(" model)");
    }
    if (prev == null) {
      return s.append("; the previous ")
          .append(cur.days())
          .append(" days hold no data.")
          .toString();
    }
    s.append("; in the ").append(prev.days()).append(" days before, ");
    if (prev.lift() != null) {
      s.append(times(prev.lift()))
          .append(" (")
          .append(interval(prev.ciLow(), prev.ciHigh()))
          .append(").");
    } else {
      s.append(undefinedLift(prev)).append(".");
    }
    return s.toString();
  }

  /**
   * One plain sentence: did goal-directed work pay better or worse per hour than in the previous
   * period, and why (its hours moved, undirected value per hour moved, so the lift moved). Better /
   * worse compares the values as shown (two decimals), so the sentence never contradicts the table.
   */
  static String sentence(Period cur, Period prev, String unit) {
    long days = cur.days();
    if (prev == null) {
      return "There is no previous period in the data, so there is nothing to compare with yet.";
    }
    double hc = cur.hours(DIRECTED);
    double hp = prev.hours(DIRECTED);
    if (hc <= 0 && hp <= 0) {
      return "No goal-directed hours were logged in the last "
          + days
          + " days or the "
          + prev.days()
          + " days before, so there is nothing to compare.";
    }
    if (hc <= 0) {
      return "No goal-directed hours were logged in the last "
          + days
          + " days ("
          + amount(hp)
          + " in the "
          + prev.days()
          + " days before), so goal-directed work earned nothing this period.";
    }
    if (hp <= 0) {
      return "There were no goal-directed hours in the "
          + prev.days()
          + " days before, so this period's "
          + perHour(cur.valuePerHour(DIRECTED), unit)
          + " has no earlier figure to compare with.";
    }
    Double dc = cur.valuePerHour(DIRECTED);
    Double dp = prev.valuePerHour(DIRECTED);
    int cmp =
        new BigDecimal(ratio(dc).replace(",", ""))
            .compareTo(new BigDecimal(ratio(dp).replace(",", "")));
    StringBuilder s =
        new StringBuilder("Goal-directed work paid ")
            .append(cmp > 0 ? "better than" : cmp < 0 ? "worse than" : "the same as")
            .append(" in the previous ")
            .append(prev.days())
            .append(" days: ")
            .append(perHour(dc, unit))
            .append(" against ")
            .append(ratio(dp));
    if (cmp != 0) {
      s.append(" (").append(change(dc, dp)).append(")");
    }
    s.append(". Its hours ");
    int hcmp =
        new BigDecimal(amount(hc).replace(",", ""))
            .compareTo(new BigDecimal(amount(hp).replace(",", "")));
    String shareNow = percent(hc / cur.totalHours());
    String shareBefore = percent(hp / prev.totalHours());
    if (hcmp == 0) {
      s.append("stayed at ")
          .append(amount(hc))
          .append(" (")
          .append(shareNow)
          .append(" of all hours)");
    } else {
      s.append(hcmp > 0 ? "went up from " : "went down from ")
          .append(amount(hp))
          .append(" to ")
          .append(amount(hc))
          .append(" (from ")
          .append(shareBefore)
          .append(" to ")
          .append(shareNow)
          .append(" of all hours)");
    }
    Double uc = cur.valuePerHour(UNDIRECTED);
    Double up = prev.valuePerHour(UNDIRECTED);
    if (uc != null && up != null) {
      s.append("; undirected work earned ")
          .append(ratio(uc))
          .append(" per hour against ")
          .append(ratio(up));
    }
    if (cur.lift() != null && prev.lift() != null) {
      s.append(
          times(prev.lift()).equals(times(cur.lift()))
              ? ", so the lift stayed at " + times(cur.lift())
              : ", so the lift went from " + times(prev.lift()) + " to " + times(cur.lift()));
    }
    return s.append(".").toString();
  }

  /**
   * Per class: hours and value per hour in both periods with the change, and this period's value.
   */
  static Table table(Period cur, Period prev, String unit) {
    List<Row> rows = new ArrayList<>();
    for (String cls : RunData.CLASSES) {
      Double hp = prev == null ? null : prev.hours(cls);
      double hc = cur.hours(cls);
      Double vp = prev == null ? null : prev.valuePerHour(cls);
      Double vc = cur.valuePerHour(cls);
      rows.add(
          Row.of(
              cls,
              amount(hp),
              amount(hc),
              hp == null ? Formats.UNDEFINED : Formats.signed(hc - hp),
              ratio(vp),
              ratio(vc),
              change(vc, vp),
              amount(cur.value(cls))));
    }
    Double hp = prev == null ? null : prev.totalHours();
    double hc = cur.totalHours();
    Double vp =
        prev == null || prev.totalHours() <= 0 ? null : prev.totalValue() / prev.totalHours();
    Double vc = hc <= 0 ? null : cur.totalValue() / hc;
    rows.add(
        Row.of(
            "All classes",
            amount(hp),
            amount(hc),
            hp == null ? Formats.UNDEFINED : Formats.signed(hc - hp),
            ratio(vp),
            ratio(vc),
            change(vc, vp),
            amount(cur.totalValue())));
    return new Table(
        List.of(
            "Class",
            "Hours before",
            "Hours now",
            "Change",
            withUnit("Value/h before", unit),
            withUnit("Value/h now", unit),
            "Change",
            withUnit("Value now", unit)),
        rows);
  }
}
