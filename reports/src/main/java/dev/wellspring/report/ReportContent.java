package dev.wellspring.report;

import static dev.wellspring.report.Formats.amount;
import static dev.wellspring.report.Formats.count;
import static dev.wellspring.report.Formats.percent;
import static dev.wellspring.report.Formats.ratio;
import static dev.wellspring.report.Formats.times;
import static dev.wellspring.report.Formats.withUnit;

import dev.wellspring.report.Block.Chart;
import dev.wellspring.report.Block.Kind;
import dev.wellspring.report.Block.Point;
import dev.wellspring.report.Block.Row;
import dev.wellspring.report.Block.Table;
import dev.wellspring.vocabulary.AttributionModel;
import dev.wellspring.vocabulary.TouchClass;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns one run's data into the report's content: the blocks in reading order, with every number
 * formatted and every recommendation worded. Pure: no files, no Jasper.
 */
public final class ReportContent {
  /** Section titles, in order (tests look for each in the PDF). */
  public static final List<String> SECTIONS =
      List.of(
          "Summary",
          "Trend",
          "Charts",
          "Goal scorecard",
          "Is it real?",
          "Well-building",
          "Per-owner pages",
          "Data-quality appendix");

  /** The model name of the incrementality estimate's row in lift.csv (not an attribution model). */
  static final String INCREMENTAL = "incremental";

  /**
   * The scorecard's order, what needs attention first: drought, behind, on track, no target,
   * achieved; a goal without a status (an older run) last.
   */
  static final List<String> STATUS_ORDER =
      List.of("drought", "behind", "on_track", "no_target", "achieved");

  /** Months of the trend chart, ending with the run date's month. */
  static final int TREND_MONTHS = 12;

  /** Drought goals listed under the scorecard; the rest are counted (all are in the table). */
  static final int DROUGHTS_LISTED = 10;

  /** Contacts listed under "Follow up with" on an owner page; the rest are counted. */
  static final int FOLLOW_UP_SHOWN = 5;

  /** The models of DESIGN.md in their documented order; others follow alphabetically. */
  static final List<String> MODEL_ORDER = AttributionModel.wireNames();

  private static final String DIRECTED = TouchClass.DIRECTED.wireName();
  private static final String EMBEDDED = TouchClass.EMBEDDED.wireName();
  private static final String UNDIRECTED = TouchClass.UNDIRECTED.wireName();

  /** How far apart a class's shares of hours and of value must be before we remark on it. */
  private static final double SHARE_GAP = 0.10;

  private final RunData data;
  private final String model;
  private final String unit;
  private final String nameStyle;
  private final Names names;

  /** Goal labels by goal id: the title (or id), shortened, and neutral under names: none. */
  private final Map<String, String> goalLabels;

  /** lift.csv without the incrementality estimate's row. */
  private final List<RunData.Lift> attributionLifts;

  private final PeriodSummary.Period current;
  private final PeriodSummary.Period previous;
  private final List<String> owners;

  /** The report model's effectiveness rows by owner (per-owner pages would rescan all rows). */
  private final Map<String, List<RunData.Effectiveness>> byOwner;

  private final List<RunData.Effectiveness> modelRows;

  private ReportContent(RunData data, ReportOptions options) {
    this.data = data;
    this.model = options.model();
    this.unit = options.valueUnit();
    this.nameStyle = options.names();
    TreeSet<String> all = new TreeSet<>();
    data.effectiveness().forEach(e -> all.add(e.owner()));
    data.goals().forEach(g -> all.add(g.owner()));
    data.wellBuilding().forEach(w -> all.add(w.owner()));
    this.owners = List.copyOf(all);
    this.names = Names.of(all, options.names());
    this.modelRows = data.effectiveness().stream().filter(e -> e.model().equals(model)).toList();
    this.byOwner = modelRows.stream().collect(Collectors.groupingBy(RunData.Effectiveness::owner));
    this.attributionLifts =
        data.lift().stream().filter(l -> !l.model().equals(INCREMENTAL)).toList();
    this.goalLabels = goalLabels(data.goals(), all, options.names());
    this.current = PeriodSummary.of(data.extras().periodComparison(), "current");
    this.previous = PeriodSummary.of(data.extras().periodComparison(), "previous");
  }

  /**
   * How goals are named: by title, else by id, shortened. Under {@code names: none} a label that
   * contains a word of an owner's name (a goal id such as {@code g-ana-book}) becomes "Goal n"
   * (numbered in goal-id order), so no person is named.
   */
  static Map<String, String> goalLabels(
      List<RunData.Goal> goals, java.util.Collection<String> owners, String style) {
    Set<String> words = new java.util.HashSet<>();
    if (style.equals("none")) {
      for (String o : owners) {
        for (String w : plain(Names.person(o)).split("[^\\p{L}]+")) {
          if (w.length() >= 3) {
            words.add(w);
          }
        }
      }
    }
    Map<String, String> out = new HashMap<>();
    int n = 0;
    for (RunData.Goal g :
        goals.stream().sorted(Comparator.comparing(RunData.Goal::goalId)).toList()) {
      n++;
      String label = g.title() != null ? g.title() : g.goalId();
      boolean named = false;
      for (String w : plain(label).split("[^\\p{L}]+")) {
        named |= words.contains(w);
      }
      out.put(g.goalId(), named ? "Goal " + n : Names.shorten(label));
    }
    return out;
  }

  /** Lower case without accents, so "Chloé" matches the "chloe" of a goal id. */
  private static String plain(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  private String label(RunData.Goal g) {
    return goalLabels.getOrDefault(g.goalId(), Names.shorten(g.goalId()));
  }

  /** The rows to scan for {@code owner} (null: every owner). */
  private List<RunData.Effectiveness> rowsOf(String owner) {
    return owner == null ? modelRows : byOwner.getOrDefault(owner, List.of());
  }

  /** The report's blocks for {@code data} under {@code options}. */
  public static List<Block> build(RunData data, ReportOptions options) {
    ReportContent c = new ReportContent(data, options);
    c.requireModel();
    List<Block> out = new ArrayList<>();
    c.summary(out);
    c.trend(out);
    c.charts(out);
    c.goals(out);
    c.isItReal(out);
    c.wellBuilding(out);
    c.owners(out);
    c.appendix(out);
    return List.copyOf(out);
  }

  private void requireModel() {
    if (model.equals(INCREMENTAL)) {
      throw ReportException.unusable(
          "model 'incremental' is the incrementality estimate, not an attribution "
              + "model; choose one of: "
              + attributionLifts.stream()
                  .map(RunData.Lift::model)
                  .collect(Collectors.joining(", ")));
    }
    if (liftRow(model) == null) {
      throw ReportException.unusable(
          "model '"
              + model
              + "' has no row in lift.csv (models there: "
              + attributionLifts.stream().map(RunData.Lift::model).collect(Collectors.joining(", "))
              + ")");
    }
  }

  // ---------------------------------------------------------------- 1. summary

  private void summary(List<Block> out) {
    out.add(Block.of(Kind.TITLE, "Networking effectiveness report"));
    out.add(
        Block.of(
            Kind.TEXT,
            "Run date "
                + data.runDate()
                + "  ·  period "
                + period()
                + "  ·  "
                + owners.size()
                + (owners.size() == 1 ? " owner" : " owners")
                + "  ·  attribution model of the headline: "
                + model
                + (unit.isEmpty() ? "" : "  ·  values in " + unit)));
    out.add(Block.of(Kind.HEADING, "1. " + SECTIONS.get(0)));
    RunData.Lift lift = liftRow(model);
    Map<String, ClassTotals> totals;
    if (current != null) {
      out.add(Block.of(Kind.HEADLINE, PeriodSummary.headline(current, previous, model)));
      out.add(Block.of(Kind.TEXT, PeriodSummary.sentence(current, previous, unit)));
      out.add(Block.of(Kind.TEXT, bothLifts(lift)));
      out.add(
          Block.table(
              "The last "
                  + current.days()
                  + " days (now) against the "
                  + (previous == null ? current.days() : previous.days())
                  + " days before, by class ("
                  + model
                  + ")",
              PeriodSummary.table(current, previous, unit)));
      totals = new LinkedHashMap<>();
      for (String cls : RunData.CLASSES) {
        totals.put(cls, new ClassTotals(0, current.hours(cls), current.value(cls), 0));
      }
    } else {
      out.add(Block.of(Kind.HEADLINE, headline(lift, unit)));
      out.add(
          Block.of(
              Kind.TEXT,
              "The comparison with the previous period was not computed for this run; "
                  + "the numbers below cover all of the history. "
                  + bothLifts(null)));
      totals = classTotals(null);
      out.add(
          Block.table(
              "Hours invested and value earned by class (" + model + ")", classTable(totals)));
    }
    out.add(Block.of(Kind.SUBHEADING, "What the numbers suggest"));
    List<String> recs =
        recommendations(
            totals,
            current != null
                ? new RunData.Lift(
                    model, current.lift(), current.ciLow(), current.ciHigh(), null, null)
                : lift);
    out.add(
        Block.of(
            Kind.TEXT,
            recs.isEmpty()
                ? "No recommendation stands out from this run's data."
                : recs.stream().map(r -> "•  " + r).collect(Collectors.joining("\n"))));
    out.add(
        Block.table(
            "Lift under every model, all of the history (" + agreement() + ")", liftTable()));
  }

  /**
   * The two lifts page 1 quotes: the headline model's over all of the history (when the headline is
   * the period's) and the incrementality estimate's, or why there is none.
   */
  private String bothLifts(RunData.Lift attribution) {
    String a =
        attribution == null
            ? ""
            : "Over all of the history the "
                + model
                + " model gives "
                + times(attribution.lift())
                + (attribution.ciLow() != null && attribution.ciHigh() != null
                    ? " (95% interval "
                        + ratio(attribution.ciLow())
                        + "–"
                        + ratio(attribution.ciHigh())
                        + ")"
                    : "")
                + ". ";
    String section = "section 5, \u201C" + SECTIONS.get(4) + "\u201D";
    RunData.Lift inc = liftRow(INCREMENTAL);
    if (inc != null && inc.lift() != null) {
      return a
          + "The incrementality estimate, which counts only value that extra hours added, gives "
          + times(inc.lift())
          + (inc.ciLow() != null && inc.ciHigh() != null
              ? " (95% interval " + ratio(inc.ciLow()) + "–" + ratio(inc.ciHigh()) + ")"
              : "")
          + ": see "
          + section
          + ".";
    }
    String reason = incrementalReason();
    if (reason != null) {
      return a
          + "There is no incrementality estimate for this run: "
          + reason
          + " ("
          + section
          + ").";
    }
    return a + "The incrementality estimate was not computed for this run.";
  }

  /** attribution_channels.csv: markov and shapley channel scores, models in their order. */
  private Table channelTable() {
    List<Row> rows = new ArrayList<>();
    for (RunData.ChannelScore c :
        sortedByModel(
            data.attributionChannels().stream()
                .sorted(Comparator.comparing(RunData.ChannelScore::channel))
                .toList(),
            RunData.ChannelScore::model)) {
      String score =
          c.model().equals(AttributionModel.MARKOV.wireName())
              ? Formats.fixed(c.score(), 3)
              : amount(c.score());
      rows.add(
          Row.of(
              c.model() + " · " + c.channel(),
              score,
              percent(c.share()),
              amount(c.creditedValue())));
    }
    return new Table(
        List.of("Model · channel", "Score", "Share", withUnit("Credited value", unit)), rows);
  }

  private String period() {
    if (current != null) {
      return current.start()
          + " to "
          + current.end()
          + " ("
          + current.days()
          + " days)"
          + (previous == null ? "" : " against " + previous.start() + " to " + previous.end());
    }
    TreeSet<String> months =
        data.effectiveness().stream()
            .map(RunData.Effectiveness::month)
            .collect(Collectors.toCollection(TreeSet::new));
    return months.isEmpty() ? "no activity" : months.first() + " to " + months.last();
  }

  /** The headline sentence for a lift row (or an owner's lift, with no interval). */
  static String headline(RunData.Lift l) {
    return headline(l, "");
  }

  /** The headline sentence for a lift row, values per hour in {@code unit}. */
  static String headline(RunData.Lift l, String unit) {
    if (l.lift() != null) {
      String interval =
          l.ciLow() != null && l.ciHigh() != null
              ? "95% interval " + ratio(l.ciLow()) + "–" + ratio(l.ciHigh())
              : "95% interval not available";
      return "Goal-directed networking earned "
          + times(l.lift())
          + " the value per hour of undirected networking ("
          + interval
          + ") under the "
          + l.model()
          + " model.";
    }
    return liftUndefined(l, unit) + " under the " + l.model() + " model.";
  }

  private static String liftUndefined(RunData.Lift l, String unit) {
    if (l.undirectedValuePerHour() == null) {
      return "The lift is undefined: there were no undirected hours to compare with";
    }
    if (l.undirectedValuePerHour() == 0.0) {
      return "The lift is undefined: undirected networking earned no credited value, so there is no "
          + "ratio to take (goal-directed networking earned "
          + Formats.perHour(l.directedValuePerHour(), unit)
          + ")";
    }
    return "The lift is undefined: there were no goal-directed hours to compare";
  }

  private String agreement() {
    long above = attributionLifts.stream().filter(l -> l.lift() != null && l.lift() > 1).count();
    long undefined = attributionLifts.stream().filter(l -> l.lift() == null).count();
    return above
        + " of "
        + attributionLifts.size()
        + " models agree that the lift is above 1"
        + (undefined > 0 ? ", " + undefined + " with no defined lift" : "");
  }

  private Table liftTable() {
    List<Row> rows = new ArrayList<>();
    for (RunData.Lift l : sortedByModel(attributionLifts, RunData.Lift::model)) {
      String interval =
          l.ciLow() != null && l.ciHigh() != null
              ? ratio(l.ciLow()) + "–" + ratio(l.ciHigh())
              : "n/a";
      rows.add(
          new Row(
              List.of(
                  l.model() + (l.model().equals(model) ? " (headline)" : ""),
                  times(l.lift()),
                  interval,
                  ratio(l.directedValuePerHour()),
                  ratio(l.undirectedValuePerHour()),
                  l.lift() == null ? "undefined" : l.lift() > 1 ? "yes" : "no"),
              false));
    }
    return new Table(
        List.of(
            "Model",
            "Lift",
            "95% interval",
            withUnit("Directed value/h", unit),
            withUnit("Undirected value/h", unit),
            "Above 1"),
        rows);
  }

  private List<String> recommendations(Map<String, ClassTotals> totals, RunData.Lift lift) {
    List<String> recs = new ArrayList<>(shareRemarks(totals));
    if (lift.lift() != null && lift.ciLow() != null && lift.ciHigh() != null) {
      if (lift.ciLow() > 1) {
        recs.add(
            "Even the low end of the interval ("
                + times(lift.ciLow())
                + ") is above 1: goal-directed networking pays better per hour, and not by chance of the sample.");
      } else if (lift.ciHigh() < 1) {
        recs.add(
            "The whole interval is below 1: undirected networking earned more per hour; revisit the goals and how they are pursued.");
      } else {
        recs.add(
            "The interval includes 1: the data does not yet settle whether goal-directed networking pays more per hour.");
      }
    }
    long droughts = data.goals().stream().filter(OwnerAdvice::inDrought).count();
    if (droughts > 0) {
      recs.add(
          droughts
              + (droughts == 1 ? " goal is" : " goals are")
              + " in drought (90+ days, 10+ hours, no on-target outcome): see the goal scorecard.");
    }
    long above = attributionLifts.stream().filter(l -> l.lift() != null && l.lift() > 1).count();
    long defined = attributionLifts.stream().filter(l -> l.lift() != null).count();
    if (above > 0 && above < defined) {
      recs.add(
          "The models disagree: "
              + above
              + " of "
              + defined
              + " with a defined lift put goal-directed networking ahead per hour. Read the headline ("
              + model
              + ") with that in mind.");
    } else if (defined > 1 && above == defined) {
      recs.add(
          "All "
              + defined
              + " models with a defined lift agree that goal-directed networking earns more per hour.");
    }
    long unattributed = data.unattributed().size();
    if (unattributed > 0) {
      String top =
          data.unattributed().stream()
              .collect(
                  Collectors.groupingBy(
                      RunData.Unattributed::reason, TreeMap::new, Collectors.counting()))
              .entrySet()
              .stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse("");
      recs.add(
          count(unattributed)
              + (unattributed == 1 ? " outcome" : " outcomes")
              + " could not be attributed (mostly "
              + top
              + "); record the contact or goal with each outcome.");
    }
    return recs;
  }

  private List<String> shareRemarks(Map<String, ClassTotals> totals) {
    List<String> out = new ArrayList<>();
    double hours = totals.values().stream().mapToDouble(ClassTotals::hours).sum();
    double value = totals.values().stream().mapToDouble(ClassTotals::value).sum();
    if (hours <= 0 || value <= 0) {
      return out;
    }
    for (String cls : RunData.CLASSES) {
      ClassTotals t = totals.get(cls);
      double hs = t.hours() / hours;
      double vs = t.value() / value;
      String took =
          cls + " took " + percent(hs) + " of hours and earned " + percent(vs) + " of value";
      if (cls.equals(UNDIRECTED) && hs - vs >= SHARE_GAP) {
        out.add(took + ": move some of those hours to goal-directed work.");
      } else if (cls.equals(DIRECTED) && vs - hs >= SHARE_GAP) {
        out.add(took + ": goal-directed hours are the best paid.");
      } else if (cls.equals(DIRECTED) && hs - vs >= SHARE_GAP) {
        out.add(took + ": check that the goals are specific and timely enough.");
      } else if (cls.equals(EMBEDDED) && vs - hs >= SHARE_GAP) {
        out.add(took + ": networking in the course of paid work earns its keep.");
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- 2. charts

  private void charts(List<Block> out) {
    out.add(Block.pageBreak());
    out.add(Block.of(Kind.HEADING, "3. " + SECTIONS.get(2)));
    out.add(
        Block.of(
            Kind.NOTE,
            "All of the history, under the "
                + model
                + " model unless a chart says otherwise. Value is credited to the month of the touchpoint."));
    Map<String, ClassTotals> totals = classTotals(null);
    out.add(Block.chartPair(valuePerHourChart(totals, unit), goalCategoryChart(g -> true)));
    out.add(Block.chart(monthlyChart(null, false)));
    out.add(Block.chart(monthlyChart(null, true)));
    out.add(Block.chart(modelShareChart()));
    if (!data.attributionChannels().isEmpty()) {
      out.add(Block.table("Channel scores of the data-driven models", channelTable()));
      out.add(
          Block.of(
              Kind.NOTE,
              "Score: markov's removal effect (the share of conversions lost "
                  + "without the channel); shapley's Shapley value in value units. Share is the channel's "
                  + "part of the credited value."));
    }
    double cost = totals.values().stream().mapToDouble(ClassTotals::cost).sum();
    if (cost > 0) {
      List<Row> rows = new ArrayList<>();
      double hours = 0;
      double value = 0;
      for (String cls : RunData.CLASSES) {
        ClassTotals t = totals.get(cls);
        hours += t.hours();
        value += t.value();
        rows.add(
            Row.of(
                cls,
                amount(t.hours()),
                amount(t.cost()),
                amount(t.value()),
                ratio(t.cost() > 0 ? t.value() / t.cost() : null),
                ratio(t.hours() > 0 ? t.cost() / t.hours() : null)));
      }
      rows.add(
          Row.of(
              "All classes",
              amount(hours),
              amount(cost),
              amount(value),
              ratio(value / cost),
              ratio(hours > 0 ? cost / hours : null)));
      out.add(
          Block.table(
              "Cost and value per unit of cost by class (all of the history, " + model + ")",
              new Table(
                  List.of(
                      "Class",
                      "Hours",
                      "Cost",
                      withUnit("Credited value", unit),
                      "Value per unit of cost",
                      "Cost per hour"),
                  rows)));
      out.add(
          Block.of(
              Kind.NOTE,
              "Cost is the activities' own cost (tickets, travel, fees) as exported; "
                  + "value per unit of cost is credited value over cost, undefined where a class has no cost."));
    } else {
      out.add(
          Block.of(
              Kind.NOTE,
              "No activity carried a cost, so cost and value per unit of cost are not shown."));
    }
  }

  // ---------------------------------------------------------------- 2. trend

  private void trend(List<Block> out) {
    out.add(Block.pageBreak());
    out.add(Block.of(Kind.HEADING, "2. " + SECTIONS.get(1)));
    out.add(
        Block.of(
            Kind.NOTE,
            "Value per hour of each class in each of the last "
                + TREND_MONTHS
                + " months (all owners, "
                + model
                + " model). A month in which a class had no hours has no point. Value "
                + "is credited to the month of the touch, so the latest months read low while their outcomes are still to come."));
    out.add(Block.lineChart(trendChart()));
    List<RunData.LiftPoint> history = data.extras().liftHistory();
    if (history == null) {
      out.add(
          Block.of(Kind.TEXT, "The headline lift of earlier runs was not computed for this run."));
    } else {
      List<RunData.LiftPoint> shown =
          history.stream()
              .filter(p -> p.model().equals(model) || p.model().equals(INCREMENTAL))
              .sorted(
                  Comparator.comparing(RunData.LiftPoint::runDate)
                      .thenComparing(RunData.LiftPoint::model))
              .toList();
      if (shown.isEmpty()) {
        out.add(
            Block.of(Kind.TEXT, "No earlier run has a lift under the " + model + " model yet."));
      } else {
        if (shown.stream().map(RunData.LiftPoint::runDate).distinct().count() >= 3) {
          List<Point> pts = new ArrayList<>();
          for (RunData.LiftPoint p : shown) {
            if (p.lift() != null) {
              pts.add(
                  new Point(
                      p.model().equals(INCREMENTAL) ? "incremental estimate" : model,
                      p.runDate().toString(),
                      p.lift()));
            }
          }
          out.add(Block.lineChart(new Chart("Headline lift of each run", "lift (×)", pts)));
        }
        // One row per run date: the headline model's lift and the incremental one side by side.
        Map<java.time.LocalDate, RunData.LiftPoint[]> byDate = new TreeMap<>();
        for (RunData.LiftPoint p : shown) {
          byDate
                  .computeIfAbsent(p.runDate(), k -> new RunData.LiftPoint[2])[
                  p.model().equals(INCREMENTAL) ? 1 : 0] =
              p;
        }
        List<Row> rows = new ArrayList<>();
        byDate.entrySet().stream()
            .skip(Math.max(0, byDate.size() - 24))
            .forEach(
                e ->
                    rows.add(
                        Row.of(
                            e.getKey().toString(),
                            e.getValue()[0] == null
                                ? Formats.UNDEFINED
                                : times(e.getValue()[0].lift()),
                            e.getValue()[0] == null ? "" : interval(e.getValue()[0]),
                            e.getValue()[1] == null
                                ? Formats.UNDEFINED
                                : times(e.getValue()[1].lift()),
                            e.getValue()[1] == null ? "" : interval(e.getValue()[1]))));
        out.add(
            Block.table(
                "Headline lift of earlier runs and this one",
                new Table(
                    List.of(
                        "Run date",
                        "Lift (" + model + ")",
                        "95% interval",
                        "Incremental lift",
                        "95% interval"),
                    rows)));
      }
    }
  }

  /** Value per hour by class per month, the last {@link #TREND_MONTHS} months to the run date. */
  private Chart trendChart() {
    java.time.YearMonth last = java.time.YearMonth.from(data.runDate());
    java.time.YearMonth first = last.minusMonths(TREND_MONTHS - 1);
    Map<String, Map<String, BigDecimal[]>> byMonth = new TreeMap<>();
    for (RunData.Effectiveness e : modelRows) {
      java.time.YearMonth m;
      try {
        m = java.time.YearMonth.parse(e.month());
      } catch (java.time.format.DateTimeParseException ex) {
        continue;
      }
      if (m.isBefore(first) || m.isAfter(last)) {
        continue;
      }
      BigDecimal[] sums =
          byMonth
              .computeIfAbsent(e.month(), k -> new TreeMap<>())
              .computeIfAbsent(e.cls(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sums[0] = sums[0].add(exact(e.hours()));
      sums[1] = sums[1].add(exact(e.creditedValue()));
    }
    List<Point> pts = new ArrayList<>();
    for (String cls : RunData.CLASSES) {
      for (java.time.YearMonth ym = first; !ym.isAfter(last); ym = ym.plusMonths(1)) {
        // Every month of every series, so the axis keeps month order; NaN is "no point" (a gap).
        BigDecimal[] sums = byMonth.getOrDefault(ym.toString(), Map.of()).get(cls);
        pts.add(
            new Point(
                cls,
                ym.toString(),
                sums != null && sums[0].signum() > 0
                    ? sums[1].doubleValue() / sums[0].doubleValue()
                    : Double.NaN));
      }
    }
    return new Chart(
        "Value per hour by class and month, " + first + " to " + last,
        withUnit("value per hour", unit),
        pts);
  }

  private static Chart valuePerHourChart(Map<String, ClassTotals> totals, String unit) {
    List<Point> pts = new ArrayList<>();
    for (String cls : RunData.CLASSES) {
      Double vph = totals.get(cls).valuePerHour();
      pts.add(new Point("value per hour", cls, vph == null ? 0.0 : vph));
    }
    return new Chart("Value per hour by class", withUnit("value per hour", unit), pts);
  }

  private Chart goalCategoryChart(Predicate<RunData.Goal> filter) {
    Map<String, long[]> byCategory = new TreeMap<>();
    for (RunData.Goal g : data.goals()) {
      if (filter.test(g)) {
        long[] c = byCategory.computeIfAbsent(g.category(), k -> new long[2]);
        c[0] += g.onTargetOutcomes();
        c[1] += g.serendipitousOutcomes();
      }
    }
    List<Point> pts = new ArrayList<>();
    byCategory.forEach((cat, c) -> pts.add(new Point("on target", cat, c[0])));
    byCategory.forEach((cat, c) -> pts.add(new Point("serendipitous", cat, c[1])));
    if (pts.isEmpty()) {
      pts.add(new Point("on target", "(no goals)", 0));
    }
    return new Chart("Outcomes by goal category", "outcomes", pts);
  }

  private Chart monthlyChart(String owner, boolean value) {
    Map<String, Map<String, BigDecimal>> byMonth = new TreeMap<>();
    for (RunData.Effectiveness e : rowsOf(owner)) {
      byMonth
          .computeIfAbsent(e.month(), k -> new TreeMap<>())
          .merge(e.cls(), exact(value ? e.creditedValue() : e.hours()), BigDecimal::add);
    }
    List<Point> pts = new ArrayList<>();
    for (String cls : RunData.CLASSES) {
      byMonth.forEach(
          (month, m) ->
              pts.add(new Point(cls, month, m.getOrDefault(cls, BigDecimal.ZERO).doubleValue())));
    }
    return value
        ? new Chart(
            "Credited value per month by class (" + model + ")",
            withUnit("credited value", unit),
            pts)
        : new Chart("Hours per month by class", "hours", pts);
  }

  private Chart modelShareChart() {
    List<Point> pts = new ArrayList<>();
    List<String> models =
        sortedModels(
            data.modelComparison().stream()
                .map(RunData.ModelShare::model)
                .collect(Collectors.toSet()));
    for (String cls : RunData.CLASSES) {
      for (String m : models) {
        double share =
            data.modelComparison().stream()
                .filter(s -> s.model().equals(m) && s.cls().equals(cls) && s.share() != null)
                .mapToDouble(RunData.ModelShare::share)
                .sum();
        // Spaces let a long model name break onto two lines under its bar.
        pts.add(new Point(cls, m.replace('_', ' '), share * 100));
      }
    }
    return new Chart(
        "Share of credited value by class under each model", "% of credited value", pts);
  }

  // ---------------------------------------------------------------- 4. goals

  /** Rank of a goal in the scorecard: {@link #STATUS_ORDER}, a goal without status last. */
  static int statusRank(RunData.Goal g) {
    String st = status(g);
    int i = st == null ? -1 : STATUS_ORDER.indexOf(st);
    return i < 0 ? STATUS_ORDER.size() : i;
  }

  /** The goal's status; an older run without the column shows only its drought flag. */
  static String status(RunData.Goal g) {
    return g.status() != null ? g.status() : g.drought() ? "drought" : null;
  }

  /** The scorecard's order: status as {@link #STATUS_ORDER}, then lowest progress, owner, goal. */
  static List<RunData.Goal> attentionFirst(List<RunData.Goal> goals) {
    return goals.stream()
        .sorted(
            Comparator.comparingInt(ReportContent::statusRank)
                .thenComparing(g -> g.progress() == null ? Double.MAX_VALUE : g.progress())
                .thenComparing(RunData.Goal::owner)
                .thenComparing(RunData.Goal::goalId))
        .toList();
  }

  private void goals(List<Block> out) {
    out.add(Block.pageBreak());
    out.add(Block.of(Kind.HEADING, "4. " + SECTIONS.get(3)));
    out.add(
        Block.of(
            Kind.NOTE,
            "What needs attention first: drought (90+ days, 10+ hours, no on-target "
                + "outcome), behind (progress below the share of the goal's time elapsed), on track, no target, "
                + "achieved. Target and achieved are in the goal's unit: a count of on-target outcomes, or their value. "
                + "Highlighted rows need attention."));
    List<RunData.Goal> goals = attentionFirst(data.goals());
    boolean anyElapsed = goals.stream().anyMatch(g -> g.elapsed() != null);
    List<Row> rows = new ArrayList<>();
    for (RunData.Goal g : goals) {
      String st = status(g);
      boolean value = "value".equals(g.targetUnit());
      rows.add(
          new Row(
              List.of(
                  label(g),
                  names.show(g.owner()),
                  st == null ? Formats.UNDEFINED : st.replace('_', ' '),
                  value ? (unit.isEmpty() ? "value" : unit) : "outcomes",
                  value
                      ? amount(g.targetValue())
                      : g.targetValue() == null
                          ? Formats.UNDEFINED
                          : count(Math.round(g.targetValue())),
                  value ? amount(g.achieved()) : count(Math.round(g.achieved())),
                  percent(g.progress()),
                  percent(g.elapsed()),
                  amount(g.hours())),
              "drought".equals(st) || "behind".equals(st)));
    }
    if (rows.isEmpty()) {
      out.add(Block.of(Kind.TEXT, "No goals in scope for this run."));
    } else {
      addTable(
          out,
          "",
          new Table(
              List.of(
                  "Goal",
                  "Owner",
                  "Status",
                  "Unit",
                  "Target",
                  "Achieved",
                  "Progress",
                  "Time elapsed",
                  "Hours"),
              rows));
      if (!anyElapsed) {
        out.add(
            Block.of(
                Kind.NOTE,
                "The goals' start and end dates are not in this run's scorecard export, so "
                    + "the time elapsed is not shown."));
      }
    }
    List<String> droughts = new ArrayList<>();
    for (RunData.Goal g : goals) {
      if (OwnerAdvice.inDrought(g)) {
        droughts.add(
            "•  "
                + label(g)
                + " ("
                + g.category()
                + ", "
                + names.show(g.owner())
                + "): "
                + amount(g.hours())
                + " hours and no on-target outcome in 90+ days; change the approach "
                + "(audience, channel, offer) or retire the goal.");
      }
    }
    if (!droughts.isEmpty()) {
      // The table holds them all (in its order); the list stays short enough to read.
      int more = droughts.size() - DROUGHTS_LISTED;
      out.add(Block.of(Kind.SUBHEADING, "Drought goals"));
      out.add(
          Block.of(
              Kind.TEXT,
              String.join("\n", droughts.subList(0, Math.min(DROUGHTS_LISTED, droughts.size())))
                  + (more > 0
                      ? "\n•  and "
                          + more
                          + " more drought "
                          + (more == 1 ? "goal" : "goals")
                          + " in the table above."
                      : "")));
    }
  }

  // ---------------------------------------------------------------- 5. is it real?

  /** The reason of incrementality.csv in plain words; null when there is an estimate or no file. */
  private String incrementalReason() {
    List<RunData.IncrementalRow> rows = data.extras().incrementality();
    if (rows == null) {
      return null;
    }
    return rows.stream()
        .map(RunData.IncrementalRow::reason)
        .filter(r -> r != null && !r.isBlank())
        .findFirst()
        .map(ReportContent::plainReason)
        .orElse(null);
  }

  /** A reason code of incrementality.csv said for someone who never heard of mix models. */
  static String plainReason(String reason) {
    if (reason.equals("too_few_owner_months")) {
      return "the data hold fewer than 24 owner-months (one person active in one month is one), too few to "
          + "see how value moves when hours move; it needs more months or more people";
    }
    if (reason.startsWith("no_variation:")) {
      String cls = reason.substring("no_variation:".length());
      return "nobody's "
          + cls
          + " hours changed from month to month, so there is no way to see what an "
          + "extra hour of "
          + cls
          + " work adds";
    }
    return "the estimate could not be made (" + reason + ")";
  }

  private void isItReal(List<Block> out) {
    out.add(Block.pageBreak());
    out.add(Block.of(Kind.HEADING, "5. " + SECTIONS.get(4)));
    List<RunData.IncrementalRow> rows = data.extras().incrementality();
    RunData.Lift inc = liftRow(INCREMENTAL);
    if (rows == null && inc == null) {
      out.add(
          Block.of(
              Kind.TEXT,
              "The incrementality estimate was not computed for this run, so this page "
                  + "cannot say how much of the credited value extra hours actually added."));
      return;
    }
    out.add(
        Block.of(
            Kind.TEXT,
            "Attribution credits each outcome to the touches that came before it, "
                + "including outcomes that would have come anyway. The incrementality estimate instead compares each "
                + "person's busier months with their quieter ones and counts only the value that extra hours added."));
    RunData.Lift attr = liftRow(model);
    String reason = incrementalReason();
    if (inc == null || inc.lift() == null) {
      out.add(
          Block.of(
              Kind.HEADLINE,
              "There is no incremental estimate for this run: "
                  + (reason != null ? reason : "the estimate left the lift undefined")
                  + "."));
    } else {
      out.add(
          Block.of(
              Kind.HEADLINE,
              "Per hour, goal-directed work earns "
                  + times(attr.lift())
                  + " as much as undirected work by attribution ("
                  + model
                  + ") and "
                  + times(inc.lift())
                  + " by the incrementality estimate."));
      out.add(Block.of(Kind.TEXT, meaning(attr, inc)));
    }
    out.add(
        Block.table(
            "Attribution and the incrementality estimate side by side",
            new Table(
                List.of(
                    "",
                    "Attribution (" + model + ", all of the history)",
                    "Incrementality estimate"),
                List.of(
                    Row.of(
                        "Lift (goal-directed / undirected per hour)",
                        times(attr.lift()),
                        inc == null ? Formats.UNDEFINED : times(inc.lift())),
                    Row.of(
                        "95% interval",
                        interval(attr), inc == null ? Formats.UNDEFINED : interval(inc)),
                    Row.of(
                        withUnit("Goal-directed value per hour", unit),
                        ratio(attr.directedValuePerHour()),
                        inc == null ? Formats.UNDEFINED : ratio(inc.directedValuePerHour())),
                    Row.of(
                        withUnit("Undirected value per hour", unit),
                        ratio(attr.undirectedValuePerHour()),
                        inc == null ? Formats.UNDEFINED : ratio(inc.undirectedValuePerHour()))))));
    if (rows != null && rows.stream().anyMatch(r -> r.incrementalValuePerHour() != null)) {
      List<Point> pts = new ArrayList<>();
      List<Row> table = new ArrayList<>();
      for (String cls : RunData.CLASSES) {
        RunData.IncrementalRow r =
            rows.stream().filter(x -> x.cls().equals(cls)).findFirst().orElse(null);
        if (r == null) {
          continue;
        }
        pts.add(
            new Point(
                ChartStyle.ESTIMATE,
                cls,
                r.incrementalValuePerHour() == null ? Double.NaN : r.incrementalValuePerHour()));
        pts.add(
            new Point(
                "attributed",
                cls,
                r.attributedValuePerHour() == null ? Double.NaN : r.attributedValuePerHour()));
        pts.add(new Point(ChartStyle.LOW, cls, r.ciLow() == null ? Double.NaN : r.ciLow()));
        pts.add(new Point(ChartStyle.HIGH, cls, r.ciHigh() == null ? Double.NaN : r.ciHigh()));
        table.add(
            Row.of(
                cls,
                amount(r.hours()),
                amount(r.incrementalValue()),
                ratio(r.incrementalValuePerHour()),
                r.ciLow() != null && r.ciHigh() != null
                    ? ratio(r.ciLow()) + "–" + ratio(r.ciHigh())
                    : "n/a",
                ratio(r.attributedValuePerHour())));
      }
      out.add(
          Block.barChart(
              new Chart(
                  "Value per hour by class: what an extra hour adds (estimate, with its 95% "
                      + "interval) and what attribution credits",
                  withUnit("value per hour", unit), pts)));
      out.add(
          Block.table(
              "Response per class",
              new Table(
                  List.of(
                      "Class",
                      "Hours",
                      withUnit("Incremental value", unit),
                      withUnit("Incremental value per hour", unit),
                      "95% interval",
                      withUnit("Attributed value per hour", unit)),
                  table)));
    }
    List<RunData.WhatIf> whatIf = data.extras().whatIf();
    if (whatIf != null && !whatIf.isEmpty()) {
      out.add(Block.pageBreak());
    }
    out.add(Block.of(Kind.SUBHEADING, "What if hours moved? (per owner, per month)"));
    if (whatIf == null || whatIf.isEmpty()) {
      out.add(
          Block.of(
              Kind.TEXT,
              whatIf == null
                  ? "The what-if estimate was not computed for this run."
                  : "There is no what-if estimate for this run"
                      + (reason != null ? ": " + reason : "")
                      + "."));
      return;
    }
    out.add(
        Block.of(
            Kind.NOTE,
            "Moving a share of an owner's average monthly undirected hours to goal-directed or "
                + "embedded work: the expected change in value per month, at the owner's average month, with its 95% interval. "
                + "Extrapolated: more hours of the new class than the owner has ever spent in a month, so the model is "
                + "guessing beyond the data."));
    List<Row> wrows = new ArrayList<>();
    String last = null;
    for (RunData.WhatIf w :
        whatIf.stream()
            .sorted(
                Comparator.comparing(
                        (RunData.WhatIf w) -> names.show(w.owner()), String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(RunData.WhatIf::owner)
                    .thenComparing(RunData.WhatIf::moveTo)
                    .thenComparingDouble(RunData.WhatIf::shareMoved))
            .toList()) {
      String owner = names.show(w.owner());
      wrows.add(
          Row.of(
              owner.equals(last) ? "" : owner,
              (w.moveFrom().equals(UNDIRECTED) ? "" : w.moveFrom().toLowerCase(Locale.ROOT) + " ")
                  + "→ "
                  + w.moveTo().toLowerCase(Locale.ROOT),
              percent(w.shareMoved()),
              amount(w.hoursMovedPerMonth()),
              Formats.signed(w.valueChangePerMonth()),
              w.ciLow() != null && w.ciHigh() != null
                  ? amount(w.ciLow()).replace('-', '−')
                      + " to "
                      + amount(w.ciHigh()).replace('-', '−')
                  : "n/a",
              w.extrapolated() ? "yes" : "no"));
      last = owner;
    }
    addTable(
        out,
        "",
        new Table(
            List.of(
                "Owner",
                "Move undirected hours",
                "Share moved",
                "Hours a month",
                withUnit("Value change a month", unit),
                "95% interval",
                "Extrapolated"),
            wrows));
  }

  private static String interval(RunData.Lift l) {
    if (l.ciLow() != null && l.ciHigh() == null && l.lift() != null) {
      // The estimate's upper end is unbounded (undirected work adds nothing in some resamples).
      return ratio(l.ciLow()) + " or more";
    }
    return l.ciLow() != null && l.ciHigh() != null
        ? ratio(l.ciLow()) + "–" + ratio(l.ciHigh())
        : "n/a";
  }

  private static String interval(RunData.LiftPoint l) {
    return l.lift() == null
        ? ""
        : l.ciLow() != null && l.ciHigh() != null
            ? ratio(l.ciLow()) + "–" + ratio(l.ciHigh())
            : "n/a";
  }

  /** One plain sentence on what the difference between the two lifts means. */
  static String meaning(RunData.Lift attribution, RunData.Lift incremental) {
    Double a = attribution.lift();
    Double lo = incremental.ciLow();
    Double hi = incremental.ciHigh();
    if (a == null) {
      return "Attribution gives no lift to compare with; the incrementality estimate is the only measure here.";
    }
    if (lo != null && hi == null && a >= lo) {
      return "The incrementality estimate's 95% interval runs from "
          + ratio(lo)
          + " with no upper end: the data "
          + "cannot yet tell how much goal-directed hours add, so the attribution lift is neither confirmed nor "
          + "contradicted. More people or more months in which the mix of work changes would narrow it.";
    }
    if (lo == null || (hi == null && a >= lo)) {
      return "The incrementality estimate has no interval, so it cannot say whether the two differ by more than chance.";
    }
    if (hi != null && a > hi) {
      return "Attribution gives goal-directed work more credit than it adds: some outcomes credited to it would "
          + "have come anyway. For decisions about where to put hours, trust the lower, incremental figure.";
    }
    if (a < lo) {
      return "Attribution understates goal-directed work: when people put in more goal-directed hours, value rose "
          + "by more than the credit shows, because outcomes that would have come anyway were credited to "
          + "whatever was touched last. For decisions about where to put hours, the incremental figure is the better guide.";
    }
    return "The two agree: the attribution lift lies inside the estimate's 95% interval, so the credit "
        + "goal-directed work gets matches how value actually moved when people's hours moved.";
  }

  // ---------------------------------------------------------------- 6. well-building

  private void wellBuilding(List<Block> out) {
    out.add(Block.of(Kind.HEADING, "6. " + SECTIONS.get(5)));
    Map<String, long[]> byClass = new LinkedHashMap<>();
    RunData.CLASSES.forEach(c -> byClass.put(c, new long[4]));
    Map<String, long[]> byOwner = new TreeMap<>();
    for (RunData.WellBuilding w : data.wellBuilding()) {
      long[] c = byClass.computeIfAbsent(w.cls(), k -> new long[4]);
      long[] o = byOwner.computeIfAbsent(w.owner(), k -> new long[4]);
      for (long[] t : List.of(c, o)) {
        t[0] += w.newRelationships();
        t[1] += w.strengthenedRelationships();
        t[2] += w.introsMade();
        t[3] += w.introsReceived();
      }
    }
    long allNew = byClass.values().stream().mapToLong(t -> t[0]).sum();
    long allStrong = byClass.values().stream().mapToLong(t -> t[1]).sum();
    long[] d = byClass.get(DIRECTED);
    String answer;
    if (allNew + allStrong == 0) {
      answer = "No new or strengthened relationships were recorded in this period.";
    } else if (d[0] + d[1] > 0) {
      answer =
          "Yes: goal-directed work still digs the well. It made "
              + count(d[0])
              + " of "
              + count(allNew)
              + " new relationships ("
              + percent(share(d[0], allNew))
              + ") and strengthened "
              + count(d[1])
              + " of "
              + count(allStrong)
              + ".";
    } else {
      answer =
          "Not in this period: goal-directed work made no new or strengthened relationships. "
              + "Keep some embedded or undirected time to dig the well before you're thirsty.";
    }
    out.add(Block.of(Kind.TEXT, "Does goal-directed work still dig the well? " + answer));
    Map<String, ClassTotals> totals = classTotals(null);
    List<Row> rows = new ArrayList<>();
    byClass.forEach(
        (cls, t) -> {
          ClassTotals ct = totals.getOrDefault(cls, ClassTotals.EMPTY);
          Double per10 = ct.hours() > 0 ? t[0] * 10.0 / ct.hours() : null;
          rows.add(
              Row.of(
                  cls,
                  count(t[0]),
                  percent(share(t[0], allNew)),
                  count(t[1]),
                  count(t[2]),
                  count(t[3]),
                  ratio(per10)));
        });
    out.add(
        Block.table(
            new Table(
                List.of(
                    "Class",
                    "New",
                    "Share of new",
                    "Strengthened",
                    "Intros made",
                    "Intros received",
                    "New per 10 h"),
                rows)));
    List<Row> ownerRows = new ArrayList<>();
    byOwner.forEach(
        (owner, t) ->
            ownerRows.add(
                Row.of(
                    names.show(owner),
                    count(t[0]),
                    count(t[1]),
                    count(t[2]),
                    count(t[3]),
                    t[2] >= t[3] ? "gives" : "receives")));
    addTable(
        out,
        "Reciprocity by owner",
        new Table(
            List.of("Owner", "New", "Strengthened", "Intros made", "Intros received", "Balance"),
            ownerRows));
  }

  // ---------------------------------------------------------------- 7. owners

  private void owners(List<Block> out) {
    out.add(Block.pageBreak());
    out.add(Block.of(Kind.HEADING, "7. " + SECTIONS.get(6)));
    out.add(
        Block.of(
            Kind.NOTE,
            "One page per owner, all of the history under the "
                + model
                + " model: value per hour is the owner's credited value over hours, per class. The recommendations "
                + "come from the owner's own numbers."));
    Map<String, List<RunData.Goal>> goalsByOwner =
        data.goals().stream().collect(Collectors.groupingBy(RunData.Goal::owner));
    Map<String, List<RunData.WhatIf>> whatIfByOwner =
        data.extras().whatIf() == null
            ? Map.of()
            : data.extras().whatIf().stream().collect(Collectors.groupingBy(RunData.WhatIf::owner));
    Map<String, List<RunData.FollowUp>> followUpByOwner =
        data.extras().followUp() == null
            ? null
            : data.extras().followUp().stream()
                .collect(Collectors.groupingBy(RunData.FollowUp::owner));
    boolean first = true;
    // Pages in the order of the names as shown (an e-mail owner's local part sorts among the
    // names).
    for (String owner :
        owners.stream()
            .sorted(
                Comparator.comparing(names::show, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Comparator.naturalOrder()))
            .toList()) {
      if (!first) {
        out.add(Block.pageBreak());
      }
      first = false;
      Map<String, ClassTotals> totals = classTotals(owner);
      Double dv = totals.get(DIRECTED).valuePerHour();
      Double uv = totals.get(UNDIRECTED).valuePerHour();
      Double lift = dv != null && uv != null && uv != 0.0 ? dv / uv : null;
      RunData.Lift ownerLift = new RunData.Lift(model, lift, null, null, dv, uv);
      out.add(Block.of(Kind.SUBHEADING, names.show(owner)));
      List<String> advice =
          OwnerAdvice.recommend(
              totals,
              goalsByOwner.getOrDefault(owner, List.of()),
              data.extras().whatIf() == null ? null : whatIfByOwner.getOrDefault(owner, List.of()),
              this::label,
              unit);
      out.add(
          Block.of(
              Kind.TEXT,
              advice.isEmpty()
                  ? "Recommendations: none; there is no activity under this name."
                  : "Recommendations\n"
                      + advice.stream().map(r -> "•  " + r).collect(Collectors.joining("\n"))));
      out.add(
          Block.of(
              Kind.TEXT,
              followUp(
                  followUpByOwner == null
                      ? null
                      : followUpByOwner.getOrDefault(owner, List.of()))));
      out.add(
          Block.of(
              Kind.HEADLINE,
              lift != null
                  ? "Goal-directed networking earned "
                      + times(lift)
                      + " the value per hour of undirected networking under the "
                      + model
                      + " model."
                  : liftUndefined(ownerLift, unit) + " under the " + model + " model."));
      out.add(Block.table(classTable(totals)));
      out.add(Block.of(Kind.TEXT, ownerGoals(owner)));
      // Two charts per owner, the monthly trends: value per hour by class is the table's last
      // column, and the goals are in a sentence; fewer charts keep a 50-owner report fast.
      out.add(Block.chart(monthlyChart(owner, false)));
      out.add(Block.chart(monthlyChart(owner, true)));
    }
  }

  /**
   * The "follow up with" line of an owner page: contacts on converting paths of the owner's active
   * goals not touched for 60+ days, longest first; under {@code names: none} a contact appears by
   * its id, under {@code initials} by initials.
   */
  private String followUp(List<RunData.FollowUp> rows) {
    if (rows == null) {
      return "Follow up with: not computed for this run.";
    }
    if (rows.isEmpty()) {
      return "Follow up with: nobody; every contact on a converting path of your active goals was touched "
          + "in the last 60 days.";
    }
    List<RunData.FollowUp> sorted =
        rows.stream()
            .sorted(
                Comparator.comparingLong(RunData.FollowUp::daysSinceTouch)
                    .reversed()
                    .thenComparing(RunData.FollowUp::contactId))
            .toList();
    List<String> shown = new ArrayList<>();
    for (RunData.FollowUp f : sorted.subList(0, Math.min(FOLLOW_UP_SHOWN, sorted.size()))) {
      String who =
          switch (nameStyle) {
            case "none" -> "contact " + f.contactId();
            case "initials" ->
                f.contactName().isBlank()
                    ? "contact " + f.contactId()
                    : Names.initials(f.contactName());
            default ->
                f.contactName().isBlank()
                    ? "contact " + f.contactId()
                    : Names.shorten(f.contactName());
          };
      String goal = goalLabels.getOrDefault(f.goalId(), Names.shorten(f.goalId()));
      shown.add(who + " (" + goal + ", " + count(f.daysSinceTouch()) + " days)");
    }
    int more = sorted.size() - shown.size();
    return "Follow up with (on converting paths of your active goals, not touched for 60+ days): "
        + String.join("; ", shown)
        + (more > 0 ? "; and " + more + " more" : "")
        + ".";
  }

  /** One sentence on an owner's goals: how many, droughts, and outcomes by category. */
  private String ownerGoals(String owner) {
    List<RunData.Goal> goals = data.goals().stream().filter(g -> g.owner().equals(owner)).toList();
    if (goals.isEmpty()) {
      return "Goals: none in scope for this run.";
    }
    Map<String, long[]> byCategory = new TreeMap<>();
    long droughts = 0;
    for (RunData.Goal g : goals) {
      long[] c = byCategory.computeIfAbsent(g.category(), k -> new long[2]);
      c[0] += g.onTargetOutcomes();
      c[1] += g.serendipitousOutcomes();
      droughts += OwnerAdvice.inDrought(g) ? 1 : 0;
    }
    String categories =
        byCategory.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + " "
                        + count(e.getValue()[0])
                        + " on target, "
                        + count(e.getValue()[1])
                        + " serendipitous")
            .collect(Collectors.joining("; "));
    return "Goals: "
        + goals.size()
        + (droughts > 0 ? " (" + droughts + " in drought)" : "")
        + ". Outcomes by goal category: "
        + categories
        + ".";
  }

  // ---------------------------------------------------------------- 8. appendix

  private void appendix(List<Block> out) {
    RunData.RunManifest m = data.manifest();
    out.add(Block.pageBreak());
    out.add(Block.of(Kind.HEADING, "8. " + SECTIONS.get(7)));
    out.add(
        Block.of(
            Kind.TEXT,
            count(m.rowsRead())
                + " rows read, "
                + count(m.rowsAccepted())
                + " accepted, "
                + count(m.rowsRejected())
                + " rejected ("
                + Formats.fixed(
                    m.rowsRead() == 0 ? 0.0 : 100.0 * m.rowsRejected() / m.rowsRead(), 2)
                + "%); "
                + count(m.rowsIgnoredFuture())
                + " rows ignored as dated after the run date."
                + " Run status: "
                + (m.status().isEmpty() ? "not recorded in the manifest" : m.status())
                + "."));
    List<Row> files = new ArrayList<>();
    for (RunData.InputFile f : m.inputs()) {
      files.add(
          Row.of(
              f.file(),
              f.kind(),
              count(f.rowsRead()),
              count(f.rowsAccepted()),
              count(f.rowsRejected()),
              count(f.rowsExcluded()),
              count(f.rowsIgnoredFuture())));
    }
    files.add(
        Row.of(
            "All files",
            "",
            count(m.rowsRead()),
            count(m.rowsAccepted()),
            count(m.rowsRejected()),
            "",
            count(m.rowsIgnoredFuture())));
    out.add(
        Block.table(
            new Table(
                List.of("File", "Kind", "Read", "Accepted", "Rejected", "Excluded", "Future-dated"),
                files)));
    List<Row> reasons = new ArrayList<>();
    for (RunData.InputFile f : m.inputs()) {
      f.rejectedByReason()
          .forEach((reason, n) -> reasons.add(Row.of(f.file() + ": " + reason, count(n))));
    }
    if (reasons.isEmpty()) {
      out.add(Block.of(Kind.TEXT, "No row was rejected."));
    } else {
      out.add(
          Block.table(
              "Rejected rows by file and reason",
              new Table(List.of("File: reason", "Rows"), reasons)));
    }
    Map<String, List<RunData.Unattributed>> byReason =
        data.unattributed().stream()
            .collect(
                Collectors.groupingBy(
                    RunData.Unattributed::reason, TreeMap::new, Collectors.toList()));
    if (byReason.isEmpty()) {
      out.add(
          Block.of(
              Kind.TEXT,
              "Unattributed outcomes: none; every outcome was attributed to at least one touchpoint."));
    } else {
      List<Row> rows = new ArrayList<>();
      byReason.forEach(
          (reason, list) ->
              rows.add(
                  Row.of(
                      reason,
                      count(list.size()),
                      amount(
                          list.stream()
                              .map(u -> exact(u.value()))
                              .reduce(BigDecimal.ZERO, BigDecimal::add)
                              .doubleValue()))));
      out.add(
          Block.table(
              "Unattributed outcomes by reason",
              new Table(List.of("Reason", "Outcomes", withUnit("Value", unit)), rows)));
    }
    if (!m.unrecognisedFiles().isEmpty()) {
      out.add(
          Block.of(
              Kind.NOTE,
              "Files skipped as unrecognised: " + String.join(", ", m.unrecognisedFiles()) + "."));
    }
    if (!m.warnings().isEmpty()) {
      out.add(Block.of(Kind.NOTE, "Run warnings: " + String.join("; ", m.warnings()) + "."));
    }
  }

  // ---------------------------------------------------------------- shared

  /** Rows per table block: a long table is cut into blocks that each fit on a page. */
  static final int TABLE_CHUNK = 24;

  /**
   * Adds {@code table} in blocks of at most {@link #TABLE_CHUNK} rows, each with the header, the
   * caption on the first only. A table block is never split by the layout (it moves to the next
   * page whole), so one block of 150 rows would leave the page before it empty.
   */
  static void addTable(List<Block> out, String caption, Table table) {
    List<Row> rows = table.rows();
    for (int from = 0; from == 0 || from < rows.size(); from += TABLE_CHUNK) {
      Table part =
          new Table(table.headers(), rows.subList(from, Math.min(rows.size(), from + TABLE_CHUNK)));
      out.add(Block.table(from == 0 ? caption : "", part));
    }
  }

  /** Hours, value, cost and activities of one class under the report model. */
  record ClassTotals(long activities, double hours, double value, double cost) {
    static final ClassTotals EMPTY = new ClassTotals(0, 0, 0, 0);

    /** Totals without cost (tests, and the period's numbers, which carry none). */
    ClassTotals(long activities, double hours, double value) {
      this(activities, hours, value, 0);
    }

    Double valuePerHour() {
      return hours > 0 ? value / hours : null;
    }
  }

  /** Per class, the report model's rows of {@code owner} (null: all owners), summed exactly. */
  Map<String, ClassTotals> classTotals(String owner) {
    Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
    RunData.CLASSES.forEach(
        c ->
            sums.put(
                c,
                new BigDecimal[] {
                  BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO
                }));
    for (RunData.Effectiveness e : rowsOf(owner)) {
      BigDecimal[] s =
          sums.computeIfAbsent(
              e.cls(),
              k ->
                  new BigDecimal[] {
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO
                  });
      s[0] = s[0].add(BigDecimal.valueOf(e.activities()));
      s[1] = s[1].add(exact(e.hours()));
      s[2] = s[2].add(exact(e.creditedValue()));
      s[3] = s[3].add(exact(e.cost()));
    }
    Map<String, ClassTotals> out = new LinkedHashMap<>();
    sums.forEach(
        (c, s) ->
            out.put(
                c,
                new ClassTotals(
                    s[0].longValue(), s[1].doubleValue(), s[2].doubleValue(), s[3].doubleValue())));
    return out;
  }

  private Table classTable(Map<String, ClassTotals> totals) {
    double hours = totals.values().stream().mapToDouble(ClassTotals::hours).sum();
    double value = totals.values().stream().mapToDouble(ClassTotals::value).sum();
    long acts = totals.values().stream().mapToLong(ClassTotals::activities).sum();
    List<Row> rows = new ArrayList<>();
    totals.forEach(
        (cls, t) ->
            rows.add(
                Row.of(
                    cls,
                    count(t.activities()),
                    amount(t.hours()),
                    percent(share(t.hours(), hours)),
                    amount(t.value()),
                    percent(share(t.value(), value)),
                    ratio(t.valuePerHour()))));
    rows.add(
        Row.of(
            "All classes",
            count(acts),
            amount(hours),
            hours > 0 ? "100%" : Formats.UNDEFINED,
            amount(value),
            value > 0 ? "100%" : Formats.UNDEFINED,
            ratio(hours > 0 ? value / hours : null)));
    return new Table(
        List.of(
            "Class",
            "Activities",
            "Hours",
            "Share of hours",
            withUnit("Credited value", unit),
            "Share of value",
            withUnit("Value per hour", unit)),
        rows);
  }

  private RunData.Lift liftRow(String m) {
    return data.lift().stream().filter(l -> l.model().equals(m)).findFirst().orElse(null);
  }

  private static <T> List<T> sortedByModel(
      List<T> rows, java.util.function.Function<T, String> model) {
    List<String> order = sortedModels(rows.stream().map(model).collect(Collectors.toSet()));
    return rows.stream()
        .sorted(Comparator.comparingInt(r -> order.indexOf(model.apply(r))))
        .toList();
  }

  static List<String> sortedModels(java.util.Collection<String> models) {
    return models.stream()
        .filter(Objects::nonNull)
        .distinct()
        .sorted(
            Comparator.comparingInt(
                    (String m) ->
                        MODEL_ORDER.contains(m) ? MODEL_ORDER.indexOf(m) : MODEL_ORDER.size())
                .thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  private static Double share(double part, double whole) {
    return whole > 0 ? part / whole : null;
  }

  /** A double as the exact decimal it prints as, so sums do not depend on the order of terms. */
  private static BigDecimal exact(double d) {
    return new BigDecimal(Double.toString(d));
  }
}
