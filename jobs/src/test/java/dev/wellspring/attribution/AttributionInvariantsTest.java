package dev.wellspring.attribution;

import static dev.wellspring.classify.Fixtures.df;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wellspring.classify.Classification;
import dev.wellspring.schema.Tables;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariants on a random dataset (seeded): classification and candidates agree with a plain Java
 * reading of the rules, weights sum to 1 per (outcome, model), credited value adds up to the
 * attributed value per model, every outcome is attributed xor unattributed, and the credits do not
 * depend on partitioning.
 */
class AttributionInvariantsTest {
  private static final int LOOKBACK_DAYS = 60;
  private static final double HALF_LIFE_DAYS = 10;
  private static final Map<String, String> INFERENCE =
      Map.of("media", "publicity", "partner", "partners", "peer", "speaking");
  private static final List<String> OWNERS = List.of("ann", "bob", "cyd");
  private static final List<String> RELATIONSHIPS =
      List.of("customer", "prospect", "partner", "media", "peer", "other");
  private static final List<String> CATEGORIES =
      List.of("speaking", "readership", "launch", "partners", "publicity", "other");
  private static final List<String> TYPES =
      List.of("meeting", "call", "email", "intro_received", "intro_made", "event", "social_post");
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static List<Row> activities;
  private static List<Row> goals;
  private static List<Row> contacts;
  private static List<Row> outcomes;
  private static Dataset<Row> touchpoints;
  private static Candidates.Selection selection;

  @BeforeAll
  static void generate() {
    Random rnd = new Random(20260101L);
    contacts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      contacts.add(
          RowFactory.create(
              "c" + i,
              "N" + i,
              null,
              null,
              null,
              null,
              pick(rnd, RELATIONSHIPS),
              null,
              "c.csv",
              1L));
    }
    goals = new ArrayList<>();
    List<String> goalIds = new ArrayList<>();
    for (String owner : OWNERS) {
      for (int i = 0; i < 5; i++) {
        LocalDate starts = LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(280));
        String id = "g_" + owner + i;
        goalIds.add(id);
        goals.add(
            RowFactory.create(
                id,
                owner,
                pick(rnd, CATEGORIES),
                null,
                null,
                null,
                Date.valueOf(starts),
                Date.valueOf(starts.plusDays(10 + rnd.nextInt(120))),
                "outcomes",
                "g.csv",
                1L));
      }
    }
    activities = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String type = pick(rnd, TYPES);
      boolean intro = type.startsWith("intro_");
      activities.add(
          RowFactory.create(
              "a" + i,
              pick(rnd, OWNERS),
              // A 15-minute grid, so some activities share a timestamp.
              Timestamp.from(START.plusSeconds(900L * rnd.nextInt(365 * 96))),
              type,
              rnd.nextInt(10) < 8 ? "c" + rnd.nextInt(44) : null,
              15.0 * rnd.nextInt(9),
              0.0,
              rnd.nextInt(10) < 3 ? pick(rnd, goalIds) + (rnd.nextInt(20) == 0 ? "x" : "") : null,
              rnd.nextInt(10) == 0 ? "business" : rnd.nextInt(20) == 0 ? "speaking" : null,
              intro && rnd.nextInt(10) < 7 ? "c" + rnd.nextInt(44) : null,
              rnd.nextBoolean() ? "LinkedIn" : null,
              null,
              "a.csv",
              1L));
    }
    outcomes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int kind = rnd.nextInt(10);
      outcomes.add(
          RowFactory.create(
              "o" + i,
              pick(rnd, OWNERS),
              Timestamp.from(START.plusSeconds(900L * rnd.nextInt(365 * 96))),
              pick(rnd, CATEGORIES),
              rnd.nextInt(8) == 0 ? 0.0 : rnd.nextInt(100_000) / 100.0,
              kind < 5 ? "c" + rnd.nextInt(44) : null,
              kind >= 5 && kind < 8 ? pick(rnd, goalIds) : kind == 5 ? "g_nope" : null,
              null,
              null,
              "o.csv",
              1L));
    }
    contacts = withSchema(contacts, Tables.CONTACTS_SCHEMA);
    goals = withSchema(goals, Tables.GOALS_SCHEMA);
    activities = withSchema(activities, Tables.ACTIVITIES_SCHEMA);
    outcomes = withSchema(outcomes, Tables.OUTCOMES_SCHEMA);
    touchpoints =
        Classification.classify(
                df(Tables.ACTIVITIES_SCHEMA, activities),
                df(Tables.GOALS_SCHEMA, goals),
                df(Tables.CONTACTS_SCHEMA, contacts),
                INFERENCE)
            .cache();
    Candidates.Selection s =
        Candidates.select(touchpoints, df(Tables.OUTCOMES_SCHEMA, outcomes), LOOKBACK_DAYS);
    selection = new Candidates.Selection(s.narrow().cache(), s.unattributed(), s.outcomes());
  }

  /** The same rows, readable by column name. */
  private static List<Row> withSchema(List<Row> rows, StructType schema) {
    return rows.stream()
        .map(
            r ->
                (Row)
                    new GenericRowWithSchema(
                        java.util.stream.IntStream.range(0, r.size()).mapToObj(r::get).toArray(),
                        schema))
        .toList();
  }

  private static <T> T pick(Random rnd, List<T> values) {
    return values.get(rnd.nextInt(values.size()));
  }

  private static LocalDate utcDate(Timestamp t) {
    return t.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static boolean active(Row goal, LocalDate d) {
    return !d.isBefore(((Date) goal.getAs("starts_on")).toLocalDate())
        && !d.isAfter(((Date) goal.getAs("ends_on")).toLocalDate());
  }

  @Test
  void classificationAgreesWithAPlainReadingOfTheRules() {
    Map<String, Row> goalById = new HashMap<>();
    goals.forEach(g -> goalById.put(g.getAs("goal_id"), g));
    Map<String, String> relationship = new HashMap<>();
    contacts.forEach(c -> relationship.put(c.getAs("contact_id"), c.getAs("relationship")));
    Map<String, Row> actual = dev.wellspring.classify.Fixtures.byKey(touchpoints, "activity_id");
    assertThat(actual).hasSize(activities.size());

    Map<String, Integer> classes = new TreeMap<>();
    for (Row a : activities) {
      String owner = a.getAs("owner");
      LocalDate d = utcDate(a.getAs("occurred_at"));
      String contact = a.getAs("contact_id");
      String rel = contact == null ? "other" : relationship.getOrDefault(contact, "other");
      Row linked = a.getAs("goal_id") == null ? null : goalById.get(a.<String>getAs("goal_id"));
      boolean explicit = linked != null && owner.equals(linked.getAs("owner")) && active(linked, d);
      List<Row> inferable =
          goals.stream()
              .filter(
                  g ->
                      contact != null
                          && owner.equals(g.getAs("owner"))
                          && Objects.equals(INFERENCE.get(rel), g.getAs("category"))
                          && active(g, d))
              .toList();
      String expected;
      if (explicit) {
        expected = "DIRECTED explicit " + linked.getAs("goal_id");
      } else if ("business".equals(a.getAs("context"))
          || "speaking".equals(a.getAs("context"))
          || rel.equals("customer")) {
        expected = "EMBEDDED null null";
      } else if (inferable.size() == 1) {
        expected = "DIRECTED inferred " + inferable.get(0).getAs("goal_id");
      } else {
        expected = "UNDIRECTED null null";
      }
      Row t = actual.get(a.<String>getAs("activity_id"));
      assertThat(t.getAs("class") + " " + t.getAs("direction") + " " + t.getAs("directed_goal_id"))
          .as("class of %s", a)
          .isEqualTo(expected);
      assertThat((Boolean) t.getAs("goal_link_invalid"))
          .as("goal_link_invalid of %s", a)
          .isEqualTo(a.getAs("goal_id") != null && !explicit);
      classes.merge(
          expected.substring(0, expected.indexOf(' ')) + " " + expected.split(" ")[1],
          1,
          Integer::sum);
    }
    // The random data exercises every branch.
    assertThat(classes)
        .containsOnlyKeys(
            "DIRECTED explicit", "DIRECTED inferred", "EMBEDDED null", "UNDIRECTED null");
  }

  @Test
  void candidatesAgreeWithAPlainReadingOfTheRules() {
    List<Row> tps = touchpoints.collectAsList();
    Map<String, List<String>> expectedPaths = new TreeMap<>();
    Map<String, String> expectedReasons = new TreeMap<>();
    Comparator<Row> order =
        Comparator.comparing((Row t) -> (Timestamp) t.getAs("occurred_at"))
            .thenComparing(t -> (String) t.getAs("activity_id"));
    long lookbackMillis = LOOKBACK_DAYS * 86_400_000L;
    for (Row o : outcomes) {
      long at = ((Timestamp) o.getAs("occurred_at")).getTime();
      String contact = o.getAs("contact_id");
      String goal = o.getAs("goal_id");
      List<String> path =
          tps.stream()
              .filter(t -> t.getAs("owner").equals(o.getAs("owner")))
              .filter(
                  t -> {
                    long gap = at - ((Timestamp) t.getAs("occurred_at")).getTime();
                    return gap >= 0 && gap <= lookbackMillis;
                  })
              .filter(
                  t ->
                      contact != null
                          ? contact.equals(t.getAs("contact_id"))
                              || (((String) t.getAs("type")).startsWith("intro_")
                                  && contact.equals(t.getAs("introduced_contact_id")))
                          : goal != null
                              && "DIRECTED".equals(t.getAs("class"))
                              && goal.equals(t.getAs("directed_goal_id")))
              .sorted(order)
              .map(t -> (String) t.<String>getAs("activity_id"))
              .toList();
      String id = o.getAs("outcome_id");
      if (!path.isEmpty()) {
        expectedPaths.put(id, path);
      } else {
        expectedReasons.put(
            id,
            contact != null
                ? Candidates.NO_TOUCHPOINT_WITH_CONTACT
                : goal != null
                    ? Candidates.NO_DIRECTED_TOUCHPOINT_FOR_GOAL
                    : Candidates.NO_CONTACT_OR_GOAL);
      }
    }

    Map<String, String[]> actualPaths = new TreeMap<>();
    for (Row c : TestAttribution.candidates(selection).collectAsList()) {
      int n = c.getAs("n");
      int position = c.getAs("position");
      String[] path = actualPaths.computeIfAbsent(c.getAs("outcome_id"), k -> new String[n]);
      assertThat(path[position - 1]).as("position taken twice: %s", c).isNull();
      path[position - 1] = c.getAs("activity_id");
      long gap =
          ((Timestamp) c.getAs("outcome_at")).getTime()
              - ((Timestamp) c.getAs("occurred_at")).getTime();
      assertThat((Double) c.getAs("days_before")).isCloseTo(gap / 86_400_000.0, within(1e-12));
    }
    Map<String, List<String>> actual = new TreeMap<>();
    actualPaths.forEach((k, v) -> actual.put(k, List.of(v)));
    assertThat(actual).isEqualTo(expectedPaths);

    Map<String, String> reasons = new TreeMap<>();
    selection
        .unattributed()
        .collectAsList()
        .forEach(r -> reasons.put(r.getAs("outcome_id"), r.getAs("reason")));
    assertThat(reasons).isEqualTo(expectedReasons);
    // Every outcome is attributed xor unattributed, and the data holds every case.
    assertThat(expectedPaths.size() + expectedReasons.size()).isEqualTo(outcomes.size());
    assertThat(expectedReasons.values())
        .contains(
            Candidates.NO_CONTACT_OR_GOAL,
            Candidates.NO_TOUCHPOINT_WITH_CONTACT,
            Candidates.NO_DIRECTED_TOUCHPOINT_FOR_GOAL);
    assertThat(expectedPaths.values().stream().mapToInt(List::size).max().orElse(0))
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void weightsSumToOneAndCreditedValueAddsUpForEveryModel() {
    Dataset<Row> credits =
        TestAttribution.credits(TestAttribution.candidates(selection), HALF_LIFE_DAYS);
    List<Row> perOutcome =
        credits
            .groupBy(col("outcome_id"), col("model"))
            .agg(sum(col("weight")).as("w"), count(col("weight")).as("rows"))
            .collectAsList();
    Map<String, Integer> pathLength = new HashMap<>();
    TestAttribution.candidates(selection)
        .collectAsList()
        .forEach(c -> pathLength.put(c.getAs("outcome_id"), c.getAs("n")));
    assertThat(perOutcome).hasSize(pathLength.size() * RuleModels.MODELS.size());
    for (Row r : perOutcome) {
      assertThat((Double) r.getAs("w")).as("weights of %s", r).isCloseTo(1.0, within(1e-9));
      assertThat((Long) r.getAs("rows"))
          .as("rows of %s", r)
          .isEqualTo((long) pathLength.get(r.<String>getAs("outcome_id")));
    }

    Map<String, Double> value = new HashMap<>();
    outcomes.forEach(o -> value.put(o.getAs("outcome_id"), o.getAs("value")));
    double attributedValue = pathLength.keySet().stream().mapToDouble(value::get).sum();
    Map<String, Double> creditedPerModel = new TreeMap<>();
    for (Row r : credits.collectAsList()) {
      double w = r.getAs("weight");
      assertThat(w).as("weight of %s", r).isBetween(0.0, 1.0);
      creditedPerModel.merge(r.getAs("model"), (Double) r.getAs("credited_value"), Double::sum);
    }
    assertThat(creditedPerModel.keySet())
        .containsExactlyElementsOf(new java.util.TreeSet<>(RuleModels.MODELS));
    creditedPerModel.forEach(
        (model, total) ->
            assertThat(total)
                .as("credited value of %s", model)
                .isCloseTo(attributedValue, within(1e-6)));
  }

  @Test
  void creditsDoNotDependOnPartitioning() {
    List<String> one =
        sortedRows(
            TestAttribution.credits(
                TestAttribution.candidates(selection).repartition(1), HALF_LIFE_DAYS));
    List<String> many =
        sortedRows(
            TestAttribution.credits(
                TestAttribution.candidates(selection).repartition(5, col("activity_id")),
                HALF_LIFE_DAYS));
    assertThat(many).hasSize(one.size()).isEqualTo(one);
  }

  /**
   * The pipeline selects candidates for its one channel dimension (the channel as one column,
   * without type, channel and goal_category): the data-driven scores and the markov and shapley
   * weights of every candidate must be exactly those of the full candidate rows. Checked for the
   * two dimensions whose channel is an expression (class and type are plain columns).
   */
  @Test
  void candidatesForOneDimensionGiveTheSameDataDrivenCredits() {
    Dataset<Row> outs = df(Tables.OUTCOMES_SCHEMA, outcomes);
    for (String dimension : List.of("channel", "goal_category")) {
      Dataset<Row> narrow =
          Candidates.select(touchpoints, outs, LOOKBACK_DAYS, dimension).narrow().cache();
      assertThat(narrow.columns())
          .contains(Paths.PATH_CHANNEL)
          .doesNotContain("type", "channel", "goal_category");
      DataDrivenAttribution.Result full =
          DataDrivenAttribution.attribute(selection.narrow(), touchpoints, outs, dimension);
      DataDrivenAttribution.Result one =
          DataDrivenAttribution.attribute(narrow, touchpoints, outs, dimension);
      assertThat(one.scores()).as(dimension).isEqualTo(full.scores());
      assertThat(full.scores()).as(dimension).isNotEmpty();
      List<String> expected = weights(full.withWeights(selection.narrow()));
      assertThat(weights(one.withWeights(narrow))).as(dimension).isEqualTo(expected);
      assertThat(expected).hasSize((int) selection.narrow().count());
      narrow.unpersist();
    }
  }

  /**
   * The candidates carry each outcome's smallest days_before from their own window; the rule-based
   * weights from it must be exactly those computed with a window of their own, when it is absent.
   */
  @Test
  void timeDecayFromTheCandidatesMinimumEqualsItsOwnWindow() {
    assertThat(selection.narrow().columns()).contains(RuleModels.MIN_DAYS_BEFORE);
    List<String> cached = sortedRows(TestAttribution.weights(selection.narrow(), HALF_LIFE_DAYS));
    List<String> own =
        sortedRows(
            TestAttribution.weights(
                selection.narrow().drop(RuleModels.MIN_DAYS_BEFORE), HALF_LIFE_DAYS));
    assertThat(cached).hasSize((int) selection.narrow().count()).isEqualTo(own);
  }

  /**
   * The pipeline's credits pass: the data-driven path counts and the rule-based decay sum in one
   * select make one window operator, and every model's weights are exactly those of the two steps
   * taken apart.
   */
  @Test
  void ruleAndDataDrivenSumsAreOneWindowWithTheSameWeights() {
    Dataset<Row> outs = df(Tables.OUTCOMES_SCHEMA, outcomes);
    Dataset<Row> narrow = Candidates.select(touchpoints, outs, LOOKBACK_DAYS, "channel").narrow();
    // A local copy, so the plans below hold only the windows of the weights.
    Dataset<Row> local =
        touchpoints.sparkSession().createDataFrame(narrow.collectAsList(), narrow.schema());
    DataDrivenAttribution.Result dd =
        DataDrivenAttribution.attribute(local, touchpoints, outs, "channel");
    Dataset<Row> combined =
        RuleModels.fromWindowColumns(
            dd.withWeights(local, RuleModels.windowColumns(HALF_LIFE_DAYS)), HALF_LIFE_DAYS);
    Dataset<Row> apart = TestAttribution.weights(dd.withWeights(local), HALF_LIFE_DAYS);
    assertThat(windowOperators(combined)).isEqualTo(1);
    assertThat(windowOperators(apart)).isEqualTo(2);
    List<Column> columns = new ArrayList<>(List.of(col("outcome_id"), col("activity_id")));
    Tables.MODELS.forEach(m -> columns.add(col(m)));
    Column[] cs = columns.toArray(Column[]::new);
    List<String> expected = sortedRows(apart.select(cs));
    assertThat(expected).hasSize(narrow.collectAsList().size());
    assertThat(sortedRows(combined.select(cs))).isEqualTo(expected);
    assertThat(combined.columns()).doesNotContain(RuleModels.MIN_DAYS_BEFORE, "rule_decay_sum");
  }

  private static long windowOperators(Dataset<Row> df) {
    return df.queryExecution()
        .optimizedPlan()
        .treeString()
        .lines()
        .filter(l -> l.replaceAll("^[\\s:+|-]*", "").startsWith("Window "))
        .count();
  }

  private static List<String> weights(Dataset<Row> withWeights) {
    return sortedRows(
        withWeights.select(
            col("outcome_id"),
            col("activity_id"),
            col(DataDrivenAttribution.MARKOV),
            col(DataDrivenAttribution.SHAPLEY)));
  }

  private static List<String> sortedRows(Dataset<Row> df) {
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
