package dev.wellspring.report;

import static dev.wellspring.report.Formats.amount;
import static dev.wellspring.report.Formats.count;
import static dev.wellspring.report.Formats.percent;
import static dev.wellspring.report.Formats.ratio;
import static dev.wellspring.report.Formats.times;

import dev.wellspring.report.Block.Chart;
import dev.wellspring.report.Block.Kind;
import dev.wellspring.report.Block.Point;
import dev.wellspring.report.Block.Row;
import dev.wellspring.report.Block.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
      List.of("Summary", "Charts", "Goal scorecard", "Well-building", "Per-owner pages",
          "Data-quality appendix");

  /** The models of DESIGN.md in their documented order; others follow alphabetically. */
  static final List<String> MODEL_ORDER =
      List.of("first_touch", "last_touch", "linear", "time_decay", "position_based", "markov", "shapley");

  private static final String DIRECTED = "DIRECTED";
  private static final String EMBEDDED = "EMBEDDED";
  private static final String UNDIRECTED = "UNDIRECTED";

  /** How far apart a class's shares of hours and of value must be before we remark on it. */
  private static final double SHARE_GAP = 0.10;

  private final RunData data;
  private final String model;
  private final Names names;
  private final List<String> owners;
  /** The report model's effectiveness rows by owner (per-owner pages would rescan all rows). */
  private final Map<String, List<RunData.Effectiveness>> byOwner;
  private final List<RunData.Effectiveness> modelRows;

  private ReportContent(RunData data, ReportOptions options) {
    this.data = data;
    this.model = options.model();
    TreeSet<String> all = new TreeSet<>();
    data.effectiveness().forEach(e -> all.add(e.owner()));
    data.goals().forEach(g -> all.add(g.owner()));
    data.wellBuilding().forEach(w -> all.add(w.owner()));
    this.owners = List.copyOf(all);
    this.names = Names.of(all, options.names());
    this.modelRows = data.effectiveness().stream().filter(e -> e.model().equals(model)).toList();
    this.byOwner = modelRows.stream().collect(Collectors.groupingBy(RunData.Effectiveness::owner));
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
    c.charts(out);
    c.goals(out);
    c.wellBuilding(out);
    c.owners(out);
    c.appendix(out);
    return List.copyOf(out);
  }

  private void requireModel() {
    if (liftRow(model) == null) {
      throw ReportException.unusable(
          "model '" + model + "' has no row in lift.csv (models there: "
              + data.lift().stream().map(RunData.Lift::model).collect(Collectors.joining(", ")) + ")");
    }
  }

  // ---------------------------------------------------------------- 1. summary

  private void summary(List<Block> out) {
    out.add(Block.of(Kind.TITLE, "Networking effectiveness report"));
    out.add(Block.of(Kind.TEXT, "Run date " + data.runDate() + "  ·  period " + period()
        + "  ·  " + owners.size() + (owners.size() == 1 ? " owner" : " owners")
        + "  ·  attribution model of the headline: " + model));
    out.add(Block.of(Kind.HEADING, "1. " + SECTIONS.get(0)));
    RunData.Lift lift = liftRow(model);
    out.add(Block.of(Kind.HEADLINE, headline(lift)));
    out.add(Block.of(Kind.TEXT, agreement()));
    Map<String, ClassTotals> totals = classTotals(null);
    out.add(Block.table("Hours invested and value earned by class (" + model + ")", classTable(totals)));
    out.add(Block.of(Kind.SUBHEADING, "What the numbers suggest"));
    List<String> recs = recommendations(totals, lift);
    out.add(Block.of(Kind.TEXT, recs.isEmpty()
        ? "No recommendation stands out from this run's data."
        : recs.stream().map(r -> "•  " + r).collect(Collectors.joining("\n"))));
    out.add(Block.table("Lift under every model", liftTable()));
    if (!data.attributionChannels().isEmpty()) {
      out.add(Block.table("Channel scores of the data-driven models", channelTable()));
      out.add(Block.of(Kind.NOTE, "Score: markov's removal effect (the share of conversions lost "
          + "without the channel); shapley's Shapley value in value units. Share is the channel's "
          + "part of the credited value."));
    }
  }

  /** attribution_channels.csv: markov and shapley channel scores, models in their order. */
  private Table channelTable() {
    List<Row> rows = new ArrayList<>();
    for (RunData.ChannelScore c : sortedByModel(data.attributionChannels().stream()
        .sorted(Comparator.comparing(RunData.ChannelScore::channel)).toList(), RunData.ChannelScore::model)) {
      String score = c.model().equals("markov") ? Formats.fixed(c.score(), 3) : amount(c.score());
      rows.add(Row.of(c.model() + " · " + c.channel(), score, percent(c.share()), amount(c.creditedValue())));
    }
    return new Table(List.of("Model · channel", "Score", "Share", "Credited value"), rows);
  }

  private String period() {
    TreeSet<String> months = data.effectiveness().stream().map(RunData.Effectiveness::month)
        .collect(Collectors.toCollection(TreeSet::new));
    return months.isEmpty() ? "no activity" : months.first() + " to " + months.last();
  }

  /** The headline sentence for a lift row (or an owner's lift, with no interval). */
  static String headline(RunData.Lift l) {
    if (l.lift() != null) {
      String interval = l.ciLow() != null && l.ciHigh() != null
          ? "95% interval " + ratio(l.ciLow()) + "–" + ratio(l.ciHigh())
          : "95% interval not available";
      return "Goal-directed networking earned " + times(l.lift())
          + " the value per hour of undirected networking (" + interval + ") under the "
          + l.model() + " model.";
    }
    return liftUndefined(l) + " under the " + l.model() + " model.";
  }

  private static String liftUndefined(RunData.Lift l) {
    if (l.undirectedValuePerHour() == null) {
      return "The lift is undefined: there were no undirected hours to compare with";
    }
    if (l.undirectedValuePerHour() == 0.0) {
      return "The lift is undefined: undirected networking earned no credited value, so there is no "
          + "ratio to take (goal-directed networking earned " + ratio(l.directedValuePerHour())
          + " per hour)";
    }
    return "The lift is undefined: there were no goal-directed hours to compare";
  }

  private String agreement() {
    long above = data.lift().stream().filter(l -> l.lift() != null && l.lift() > 1).count();
    long undefined = data.lift().stream().filter(l -> l.lift() == null).count();
    return above + " of " + data.lift().size() + " models agree that the lift is above 1"
        + (undefined > 0 ? " (" + undefined + " with no defined lift)" : "") + ".";
  }

  private Table liftTable() {
    List<Row> rows = new ArrayList<>();
    for (RunData.Lift l : sortedByModel(data.lift(), RunData.Lift::model)) {
      String interval = l.ciLow() != null && l.ciHigh() != null
          ? ratio(l.ciLow()) + "–" + ratio(l.ciHigh()) : "n/a";
      rows.add(new Row(List.of(l.model() + (l.model().equals(model) ? " (headline)" : ""),
          times(l.lift()), interval, ratio(l.directedValuePerHour()),
          ratio(l.undirectedValuePerHour()),
          l.lift() == null ? "undefined" : l.lift() > 1 ? "yes" : "no"), false));
    }
    return new Table(List.of("Model", "Lift", "95% interval", "Directed value/h",
        "Undirected value/h", "Above 1"), rows);
  }

  private List<String> recommendations(Map<String, ClassTotals> totals, RunData.Lift lift) {
    List<String> recs = new ArrayList<>(shareRemarks(totals));
    if (lift.lift() != null && lift.ciLow() != null && lift.ciHigh() != null) {
      if (lift.ciLow() > 1) {
        recs.add("Even the low end of the interval (" + times(lift.ciLow())
            + ") is above 1: goal-directed networking pays better per hour, and not by chance of the sample.");
      } else if (lift.ciHigh() < 1) {
        recs.add("The whole interval is below 1: undirected networking earned more per hour; revisit the goals and how they are pursued.");
      } else {
        recs.add("The interval includes 1: the data does not yet settle whether goal-directed networking pays more per hour.");
      }
    }
    long droughts = data.goals().stream().filter(RunData.Goal::drought).count();
    if (droughts > 0) {
      recs.add(droughts + (droughts == 1 ? " goal is" : " goals are")
          + " in drought (90+ days, 10+ hours, no on-target outcome): see the goal scorecard.");
    }
    long above = data.lift().stream().filter(l -> l.lift() != null && l.lift() > 1).count();
    long defined = data.lift().stream().filter(l -> l.lift() != null).count();
    if (above > 0 && above < defined) {
      recs.add("The models disagree: " + above + " of " + defined
          + " with a defined lift put goal-directed networking ahead per hour. Read the headline ("
          + model + ") with that in mind.");
    } else if (defined > 1 && above == defined) {
      recs.add("All " + defined + " models with a defined lift agree that goal-directed networking earns more per hour.");
    }
    long unattributed = data.unattributed().size();
    if (unattributed > 0) {
      String top = data.unattributed().stream()
          .collect(Collectors.groupingBy(RunData.Unattributed::reason, TreeMap::new, Collectors.counting()))
          .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
      recs.add(count(unattributed) + (unattributed == 1 ? " outcome" : " outcomes")
          + " could not be attributed (mostly " + top + "); record the contact or goal with each outcome.");
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
      String took = cls + " took " + percent(hs) + " of hours and earned " + percent(vs) + " of value";
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
    out.add(Block.of(Kind.HEADING, "2. " + SECTIONS.get(1)));
    out.add(Block.of(Kind.NOTE, "Hours and value under the " + model
        + " model unless a chart says otherwise. Value is credited to the month of the touchpoint."));
    Map<String, ClassTotals> totals = classTotals(null);
    out.add(Block.chartPair(valuePerHourChart(totals), goalCategoryChart(g -> true)));
    out.add(Block.chart(monthlyChart(null, false)));
    out.add(Block.chart(monthlyChart(null, true)));
    out.add(Block.chart(modelShareChart()));
  }

  private static Chart valuePerHourChart(Map<String, ClassTotals> totals) {
    List<Point> pts = new ArrayList<>();
    for (String cls : RunData.CLASSES) {
      Double vph = totals.get(cls).valuePerHour();
      pts.add(new Point("value per hour", cls, vph == null ? 0.0 : vph));
    }
    return new Chart("Value per hour by class", "value per hour", pts);
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
      byMonth.computeIfAbsent(e.month(), k -> new TreeMap<>())
          .merge(e.cls(), exact(value ? e.creditedValue() : e.hours()), BigDecimal::add);
    }
    List<Point> pts = new ArrayList<>();
    for (String cls : RunData.CLASSES) {
      byMonth.forEach((month, m) ->
          pts.add(new Point(cls, month, m.getOrDefault(cls, BigDecimal.ZERO).doubleValue())));
    }
    return value
        ? new Chart("Credited value per month by class (" + model + ")", "credited value", pts)
        : new Chart("Hours per month by class", "hours", pts);
  }

  private Chart modelShareChart() {
    List<Point> pts = new ArrayList<>();
    List<String> models = sortedModels(data.modelComparison().stream()
        .map(RunData.ModelShare::model).collect(Collectors.toSet()));
    for (String cls : RunData.CLASSES) {
      for (String m : models) {
        double share = data.modelComparison().stream()
            .filter(s -> s.model().equals(m) && s.cls().equals(cls) && s.share() != null)
            .mapToDouble(RunData.ModelShare::share).sum();
        // Spaces let a long model name break onto two lines under its bar.
        pts.add(new Point(cls, m.replace('_', ' '), share * 100));
      }
    }
    return new Chart("Share of credited value by class under each model", "% of credited value", pts);
  }

  // ---------------------------------------------------------------- 3. goals

  private void goals(List<Block> out) {
    out.add(Block.pageBreak());
    out.add(Block.of(Kind.HEADING, "3. " + SECTIONS.get(2)));
    out.add(Block.of(Kind.NOTE, "Achieved is the full value of on-target outcomes credited to the goal's "
        + "directed activities; serendipitous outcomes are other types those activities led to. "
        + "Highlighted rows are in drought."));
    List<RunData.Goal> goals = data.goals().stream()
        .sorted(Comparator.comparing(RunData.Goal::owner).thenComparing(RunData.Goal::goalId)).toList();
    List<Row> rows = new ArrayList<>();
    for (RunData.Goal g : goals) {
      rows.add(new Row(List.of(g.goalId(), names.show(g.owner()), g.category(), amount(g.targetValue()),
          amount(g.onTargetValue()), amount(g.hours()), count(g.onTargetOutcomes()),
          count(g.serendipitousOutcomes()), g.drought() ? "yes" : "no"), g.drought()));
    }
    if (rows.isEmpty()) {
      out.add(Block.of(Kind.TEXT, "No goals in scope for this run."));
    } else {
      out.add(Block.table(new Table(List.of("Goal", "Owner", "Category", "Target", "Achieved",
          "Hours", "On-target", "Serendipitous", "Drought"), rows)));
    }
    List<String> droughts = new ArrayList<>();
    for (RunData.Goal g : goals) {
      if (g.drought()) {
        droughts.add("•  " + g.goalId() + " (" + g.category() + ", " + names.show(g.owner()) + "): "
            + amount(g.hours()) + " hours and no on-target outcome in 90+ days; change the approach "
            + "(audience, channel, offer) or retire the goal.");
      }
    }
    if (!droughts.isEmpty()) {
      out.add(Block.of(Kind.SUBHEADING, "Drought goals"));
      out.add(Block.of(Kind.TEXT, String.join("\n", droughts)));
    }
  }

  // ---------------------------------------------------------------- 4. well-building

  private void wellBuilding(List<Block> out) {
    out.add(Block.of(Kind.HEADING, "4. " + SECTIONS.get(3)));
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
      answer = "Yes: goal-directed work still digs the well. It made " + count(d[0])
          + " of " + count(allNew) + " new relationships (" + percent(share(d[0], allNew))
          + ") and strengthened " + count(d[1]) + " of " + count(allStrong) + ".";
    } else {
      answer = "Not in this period: goal-directed work made no new or strengthened relationships. "
          + "Keep some embedded or undirected time to dig the well before you're thirsty.";
    }
    out.add(Block.of(Kind.TEXT, "Does goal-directed work still dig the well? " + answer));
    Map<String, ClassTotals> totals = classTotals(null);
    List<Row> rows = new ArrayList<>();
    byClass.forEach((cls, t) -> {
      ClassTotals ct = totals.getOrDefault(cls, ClassTotals.EMPTY);
      Double per10 = ct.hours() > 0 ? t[0] * 10.0 / ct.hours() : null;
      rows.add(Row.of(cls, count(t[0]), percent(share(t[0], allNew)), count(t[1]), count(t[2]),
          count(t[3]), ratio(per10)));
    });
    out.add(Block.table(new Table(List.of("Class", "New", "Share of new", "Strengthened",
        "Intros made", "Intros received", "New per 10 h"), rows)));
    List<Row> ownerRows = new ArrayList<>();
    byOwner.forEach((owner, t) -> ownerRows.add(Row.of(names.show(owner), count(t[0]), count(t[1]),
        count(t[2]), count(t[3]), t[2] >= t[3] ? "gives" : "receives")));
    out.add(Block.table("Reciprocity by owner", new Table(List.of("Owner", "New", "Strengthened", "Intros made",
        "Intros received", "Balance"), ownerRows)));
  }

  // ---------------------------------------------------------------- 5. owners

  private void owners(List<Block> out) {
    out.add(Block.pageBreak());
    out.add(Block.of(Kind.HEADING, "5. " + SECTIONS.get(4)));
    out.add(Block.of(Kind.NOTE, "One page per owner, under the " + model
        + " model: value per hour is the owner's credited value over hours, per class."));
    boolean first = true;
    for (String owner : owners) {
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
      out.add(Block.of(Kind.HEADLINE, lift != null
          ? "Goal-directed networking earned " + times(lift)
              + " the value per hour of undirected networking under the " + model + " model."
          : liftUndefined(ownerLift) + " under the " + model + " model."));
      out.add(Block.table(classTable(totals)));
      out.add(Block.of(Kind.TEXT, ownerGoals(owner)));
      // Two charts per owner, the monthly trends: value per hour by class is the table's last
      // column, and the goals are in a sentence; fewer charts keep a 50-owner report fast.
      out.add(Block.chart(monthlyChart(owner, false)));
      out.add(Block.chart(monthlyChart(owner, true)));
    }
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
      droughts += g.drought() ? 1 : 0;
    }
    String categories = byCategory.entrySet().stream()
        .map(e -> e.getKey() + " " + count(e.getValue()[0]) + " on target, " + count(e.getValue()[1])
            + " serendipitous")
        .collect(Collectors.joining("; "));
    return "Goals: " + goals.size() + (droughts > 0 ? " (" + droughts + " in drought)" : "")
        + ". Outcomes by goal category: " + categories + ".";
  }

  // ---------------------------------------------------------------- 6. appendix

  private void appendix(List<Block> out) {
    RunData.RunManifest m = data.manifest();
    out.add(Block.pageBreak());
    out.add(Block.of(Kind.HEADING, "6. " + SECTIONS.get(5)));
    out.add(Block.of(Kind.TEXT, count(m.rowsRead()) + " rows read, " + count(m.rowsAccepted())
        + " accepted, " + count(m.rowsRejected()) + " rejected ("
        + Formats.fixed(m.rowsRead() == 0 ? 0.0 : 100.0 * m.rowsRejected() / m.rowsRead(), 2)
        + "%); " + count(m.rowsIgnoredFuture()) + " rows ignored as dated after the run date."
        + (m.status().isEmpty() ? "" : " Run status: " + m.status() + ".")));
    List<Row> files = new ArrayList<>();
    for (RunData.InputFile f : m.inputs()) {
      files.add(Row.of(f.file(), f.kind(), count(f.rowsRead()), count(f.rowsAccepted()),
          count(f.rowsRejected()), count(f.rowsExcluded()), count(f.rowsIgnoredFuture())));
    }
    files.add(Row.of("All files", "", count(m.rowsRead()), count(m.rowsAccepted()),
        count(m.rowsRejected()), "", count(m.rowsIgnoredFuture())));
    out.add(Block.table(new Table(List.of("File", "Kind", "Read", "Accepted", "Rejected",
        "Excluded", "Future-dated"), files)));
    List<Row> reasons = new ArrayList<>();
    for (RunData.InputFile f : m.inputs()) {
      f.rejectedByReason().forEach((reason, n) -> reasons.add(Row.of(f.file() + ": " + reason, count(n))));
    }
    if (reasons.isEmpty()) {
      out.add(Block.of(Kind.TEXT, "No row was rejected."));
    } else {
      out.add(Block.table("Rejected rows by file and reason", new Table(List.of("File: reason", "Rows"), reasons)));
    }
    Map<String, List<RunData.Unattributed>> byReason = data.unattributed().stream()
        .collect(Collectors.groupingBy(RunData.Unattributed::reason, TreeMap::new, Collectors.toList()));
    if (byReason.isEmpty()) {
      out.add(Block.of(Kind.TEXT, "Unattributed outcomes: none; every outcome was attributed to at least one touchpoint."));
    } else {
      List<Row> rows = new ArrayList<>();
      byReason.forEach((reason, list) -> rows.add(Row.of(reason, count(list.size()),
          amount(list.stream().map(u -> exact(u.value())).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue()))));
      out.add(Block.table("Unattributed outcomes by reason", new Table(List.of("Reason", "Outcomes", "Value"), rows)));
    }
    if (!m.unrecognisedFiles().isEmpty()) {
      out.add(Block.of(Kind.NOTE, "Files skipped as unrecognised: " + String.join(", ", m.unrecognisedFiles()) + "."));
    }
    if (!m.warnings().isEmpty()) {
      out.add(Block.of(Kind.NOTE, "Run warnings: " + String.join("; ", m.warnings()) + "."));
    }
  }

  // ---------------------------------------------------------------- shared

  /** Hours, value and activities of one class under the report model. */
  record ClassTotals(long activities, double hours, double value) {
    static final ClassTotals EMPTY = new ClassTotals(0, 0, 0);

    Double valuePerHour() {
      return hours > 0 ? value / hours : null;
    }
  }

  /** Per class, the report model's rows of {@code owner} (null: all owners), summed exactly. */
  Map<String, ClassTotals> classTotals(String owner) {
    Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
    RunData.CLASSES.forEach(c -> sums.put(c, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO}));
    for (RunData.Effectiveness e : rowsOf(owner)) {
      BigDecimal[] s = sums.computeIfAbsent(e.cls(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      s[0] = s[0].add(BigDecimal.valueOf(e.activities()));
      s[1] = s[1].add(exact(e.hours()));
      s[2] = s[2].add(exact(e.creditedValue()));
    }
    Map<String, ClassTotals> out = new LinkedHashMap<>();
    sums.forEach((c, s) -> out.put(c, new ClassTotals(s[0].longValue(), s[1].doubleValue(), s[2].doubleValue())));
    return out;
  }

  private static Table classTable(Map<String, ClassTotals> totals) {
    double hours = totals.values().stream().mapToDouble(ClassTotals::hours).sum();
    double value = totals.values().stream().mapToDouble(ClassTotals::value).sum();
    long acts = totals.values().stream().mapToLong(ClassTotals::activities).sum();
    List<Row> rows = new ArrayList<>();
    totals.forEach((cls, t) -> rows.add(Row.of(cls, count(t.activities()), amount(t.hours()),
        percent(share(t.hours(), hours)), amount(t.value()), percent(share(t.value(), value)),
        ratio(t.valuePerHour()))));
    rows.add(Row.of("All classes", count(acts), amount(hours), hours > 0 ? "100%" : Formats.UNDEFINED,
        amount(value), value > 0 ? "100%" : Formats.UNDEFINED, ratio(hours > 0 ? value / hours : null)));
    return new Table(List.of("Class", "Activities", "Hours", "Share of hours", "Credited value",
        "Share of value", "Value per hour"), rows);
  }

  private RunData.Lift liftRow(String m) {
    return data.lift().stream().filter(l -> l.model().equals(m)).findFirst().orElse(null);
  }

  private static <T> List<T> sortedByModel(List<T> rows, java.util.function.Function<T, String> model) {
    List<String> order = sortedModels(rows.stream().map(model).collect(Collectors.toSet()));
    return rows.stream().sorted(Comparator.comparingInt(r -> order.indexOf(model.apply(r)))).toList();
  }

  static List<String> sortedModels(java.util.Collection<String> models) {
    return models.stream().filter(Objects::nonNull).distinct().sorted(Comparator
        .comparingInt((String m) -> MODEL_ORDER.contains(m) ? MODEL_ORDER.indexOf(m) : MODEL_ORDER.size())
        .thenComparing(Comparator.naturalOrder())).toList();
  }

  private static Double share(double part, double whole) {
    return whole > 0 ? part / whole : null;
  }

  /** A double as the exact decimal it prints as, so sums do not depend on the order of terms. */
  private static BigDecimal exact(double d) {
    return new BigDecimal(Double.toString(d));
  }
}
