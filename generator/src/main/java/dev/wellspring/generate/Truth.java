package dev.wellspring.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The generator's ground truth, accumulated while writing and saved as {@code
 * generator-truth.json}. Hours are kept in whole minutes and values in cents, so the totals are
 * exact and independent of any order.
 */
final class Truth {
  static final String[] CLASSES = {"DIRECTED", "EMBEDDED", "UNDIRECTED"};

  /** Totals of one class (for one owner, or for everyone). */
  static final class Tally {
    long activities;
    long minutes;
    long outcomes;
    long cents;
    long attributableOutcomes;
    long attributableCents;

    /** Sum of each touch's conversion probability times its class's mean value, in row order. */
    double expectedValue;

    /** The same for touches whose outcome can be attributed (DIRECTED, or with a contact). */
    double expectedAttributableValue;

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      double hours = minutes / 60.0;
      m.put("activities", activities);
      m.put("hours", hours);
      m.put("outcomes", outcomes);
      m.put("value", cents / 100.0);
      m.put("value_per_hour", hours == 0 ? null : cents / 100.0 / hours);
      m.put("attributable_outcomes", attributableOutcomes);
      m.put("attributable_value", attributableCents / 100.0);
      m.put("attributable_value_per_hour", hours == 0 ? null : attributableCents / 100.0 / hours);
      m.put("expected_value", expectedValue);
      m.put("expected_value_per_hour", hours == 0 ? null : expectedValue / hours);
      m.put("expected_attributable_value", expectedAttributableValue);
      return m;
    }
  }

  final Tally[] all = {new Tally(), new Tally(), new Tally()};
  final List<Tally[]> perOwner = new ArrayList<>();
  static final String[] KINDS = {"contact", "goal_only", "neither"};
  static final int CONTACT = 0;
  static final int GOAL_ONLY = 1;
  static final int NEITHER = 2;

  static final String[] COUNTS = {
    "directed_explicit",
    "directed_inferred",
    "goal_link_invalid",
    "empty_duration",
    "with_cost",
    "no_contact",
    "intro_with_introduced_contact",
    "tricky_notes"
  };
  static final int DIRECTED_EXPLICIT = 0;
  static final int DIRECTED_INFERRED = 1;
  static final int GOAL_LINK_INVALID = 2;
  static final int EMPTY_DURATION = 3;
  static final int WITH_COST = 4;
  static final int NO_CONTACT = 5;
  static final int INTRO_WITH_INTRODUCED = 6;
  static final int TRICKY_NOTES = 7;

  // Arrays, not maps: these are bumped several times per row at ten million rows.
  final long[] outcomeKinds = new long[KINDS.length];
  final long[] counts = new long[COUNTS.length];
  long expectedRejects;

  /** With planting: expected caused value per class that lands inside the period. */
  final double[] incremental = new double[3];

  long baselineOutcomes;
  long baselineCents;
  long baselineLinked;

  static Double lift(Tally[] t, boolean attributable) {
    double dh = t[0].minutes / 60.0;
    double uh = t[2].minutes / 60.0;
    double dv = (attributable ? t[0].attributableCents : t[0].cents) / 100.0;
    double uv = (attributable ? t[2].attributableCents : t[2].cents) / 100.0;
    if (dh == 0 || uh == 0 || uv == 0) {
      return null;
    }
    return (dv / dh) / (uv / uh);
  }

  /**
   * Expected lift of the drawn touches: accounts for drought goals and the probability cap, and
   * when {@code attributable}, counts only value the pipeline can trace (hours of all touches).
   */
  static Double expectedLift(Tally[] t, boolean attributable) {
    double d = attributable ? t[0].expectedAttributableValue : t[0].expectedValue;
    double u = attributable ? t[2].expectedAttributableValue : t[2].expectedValue;
    if (t[0].minutes == 0 || t[2].minutes == 0 || u == 0) {
      return null;
    }
    return (d / t[0].minutes) / (u / t[2].minutes);
  }

  /**
   * The planted incrementality: per class the expected value its touches caused inside the period
   * (what DESIGN.md's incremental_value estimates), per hour, and their DIRECTED / UNDIRECTED
   * ratio, the true incremental lift.
   */
  private Map<String, Object> incrementality(GeneratorSpec.Planting planting) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("baseline_share", planting.baselineShare());
    m.put("carryover", planting.carryover());
    m.put("month_swing", planting.monthSwing());
    m.put("baseline_outcomes", baselineOutcomes);
    m.put("baseline_outcomes_linked_to_a_contact", baselineLinked);
    m.put("baseline_value", baselineCents / 100.0);
    Map<String, Object> classes = new LinkedHashMap<>();
    double[] perHour = new double[3];
    for (int c = 0; c < 3; c++) {
      Map<String, Object> x = new LinkedHashMap<>();
      double hours = all[c].minutes / 60.0;
      perHour[c] = hours == 0 ? Double.NaN : incremental[c] / hours;
      x.put("hours", hours);
      x.put("incremental_value", incremental[c]);
      x.put("incremental_value_per_hour", hours == 0 ? null : perHour[c]);
      classes.put(CLASSES[c], x);
    }
    m.put("classes", classes);
    double lift = perHour[0] / perHour[2];
    m.put("incremental_lift", Double.isFinite(lift) ? lift : null);
    return m;
  }

  void write(Path file, GeneratorSpec spec, List<OwnerPlan> plans, List<CsvSink.Part> files) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("generator", "wellspring generate");
    root.put("profile", spec.profile().name().toLowerCase(Locale.ROOT));
    root.put("seed", spec.seed());
    root.put("start", spec.start().toString());
    root.put("end", spec.end().toString());
    root.put("lookback_days_assumed", 180);
    Map<String, Object> rates = new LinkedHashMap<>();
    for (int c = 0; c < 3; c++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("conversions_per_hour", spec.rates().conversionsPerHour()[c]);
      r.put("mean_value", spec.rates().meanValue()[c]);
      r.put("expected_value_per_hour", spec.rates().expectedValuePerHour(c));
      rates.put(CLASSES[c], r);
    }
    root.put("planted_rates", rates);
    root.put("expected_lift", spec.rates().expectedLift());
    root.put("expected_lift_given_goals", expectedLift(all, false));
    root.put("expected_attributable_lift", expectedLift(all, true));
    root.put("realized_lift", lift(all, false));
    root.put("attributable_lift", lift(all, true));
    root.put("classes", classes(all));
    if (spec.planting() != null) {
      root.put("incrementality", incrementality(spec.planting()));
    }
    List<Object> owners = new ArrayList<>();
    for (int o = 0; o < plans.size(); o++) {
      OwnerPlan p = plans.get(o);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("owner", p.name());
      m.put("archetype", p.archetype());
      m.put("contacts", p.contacts());
      m.put("class_mix", p.classMix());
      List<Object> goals = new ArrayList<>();
      for (OwnerPlan.Goal g : p.goals()) {
        Map<String, Object> gm = new LinkedHashMap<>();
        gm.put("goal_id", g.id());
        gm.put("category", g.category());
        gm.put("conversion_factor", g.conversionFactor());
        goals.add(gm);
      }
      m.put("goals", goals);
      m.put("realized_lift", lift(perOwner.get(o), false));
      m.put("classes", classes(perOwner.get(o)));
      owners.add(m);
    }
    root.put("owners", owners);
    root.put("outcome_kinds", named(KINDS, outcomeKinds));
    root.put("counts", named(COUNTS, counts));
    root.put("expected_rejects", expectedRejects);
    List<Object> fl = new ArrayList<>();
    for (CsvSink.Part part : files) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", part.file());
      m.put("rows", part.rows());
      m.put("bytes", part.bytes());
      fl.add(m);
    }
    root.put("files", fl);
    try {
      String json =
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
      Files.writeString(file, json + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Map<String, Long> named(String[] names, long[] values) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], values[i]);
    }
    return m;
  }

  private static Map<String, Object> classes(Tally[] t) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int c = 0; c < 3; c++) {
      m.put(CLASSES[c], t[c].toMap());
    }
    return m;
  }
}
