package dev.wellspring.aggregate;

import dev.wellspring.schema.Tables;
import dev.wellspring.schema.TestTables;
import dev.wellspring.testing.SparkExtension;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** In-code rows in the warehouse schemas, for the aggregate tests. */
final class Fixtures {
  private Fixtures() {}

  static Dataset<Row> frame(StructType schema, List<Row> rows) {
    return SparkExtension.session().createDataFrame(rows, schema);
  }

  /**
   * A touchpoint. {@code at} is an ISO instant or a date (midnight UTC); directedGoal is set for
   * DIRECTED touches only.
   */
  static Row tp(
      String id,
      String owner,
      String at,
      String type,
      String contact,
      double minutes,
      double cost,
      String cls,
      String directedGoal) {
    Instant instant = at.length() == 10 ? Instant.parse(at + "T00:00:00Z") : Instant.parse(at);
    return RowFactory.create(
        id,
        owner,
        Timestamp.from(instant),
        type,
        contact,
        minutes,
        minutes / 60.0,
        cost,
        directedGoal,
        null,
        null,
        null,
        "other",
        cls,
        directedGoal,
        null,
        directedGoal == null ? null : "explicit",
        false,
        at.substring(0, 7));
  }

  static Dataset<Row> touchpoints(Row... rows) {
    return frame(Tables.TOUCHPOINTS_SCHEMA, List.of(rows));
  }

  /** One credit in long form ({@link Tables#CREDITS_LONG_SCHEMA}). */
  static Row credit(String outcome, String activity, String model, double weight, double value) {
    return RowFactory.create(outcome, activity, model, weight, weight * value);
  }

  /**
   * The wide credits table ({@link Tables#CREDITS_SCHEMA}) of long-form credit rows: one row per
   * (outcome, activity) that has any, a model without a row there weighs 0, the touchpoint's and
   * the outcome's columns looked up, position and n in (occurred_at, activity_id) order.
   */
  static Dataset<Row> wide(List<Row> longRows, Dataset<Row> touchpoints, Dataset<Row> outcomes) {
    Dataset<Row> pivoted =
        frame(TestTables.CREDITS_LONG_SCHEMA, longRows)
            .groupBy("outcome_id", "activity_id")
            .pivot("model", new java.util.ArrayList<Object>(Tables.MODELS))
            .agg(org.apache.spark.sql.functions.first("weight"))
            .na()
            .fill(0.0, Tables.MODELS.toArray(String[]::new));
    org.apache.spark.sql.expressions.WindowSpec path =
        org.apache.spark.sql.expressions.Window.partitionBy("outcome_id")
            .orderBy("occurred_at", "activity_id");
    Dataset<Row> joined =
        pivoted
            .join(
                touchpoints.select(
                    "activity_id",
                    "owner",
                    "contact_id",
                    "class",
                    "month",
                    "directed_goal_id",
                    "occurred_at"),
                "activity_id")
            .join(
                outcomes.select(
                    org.apache.spark.sql.functions.col("outcome_id"),
                    org.apache.spark.sql.functions.col("type").as("outcome_type"),
                    org.apache.spark.sql.functions.col("value").as("outcome_value")),
                "outcome_id")
            .withColumn("position", org.apache.spark.sql.functions.row_number().over(path))
            .withColumn(
                "n",
                org.apache
                    .spark
                    .sql
                    .functions
                    .count(org.apache.spark.sql.functions.lit(1))
                    .over(org.apache.spark.sql.expressions.Window.partitionBy("outcome_id")));
    return Tables.conform(joined, Tables.CREDITS_SCHEMA);
  }

  static Row outcome(
      String id, String owner, String at, String type, double value, String contact) {
    return RowFactory.create(
        id,
        owner,
        Timestamp.from(Instant.parse(at + "T00:00:00Z")),
        type,
        value,
        contact,
        null,
        null,
        null,
        "outcomes.csv",
        1L);
  }

  static Dataset<Row> outcomes(Row... rows) {
    return frame(Tables.OUTCOMES_SCHEMA, List.of(rows));
  }

  static Row goal(
      String id, String owner, String category, Double target, String starts, String ends) {
    return goal(id, owner, category, target, null, starts, ends);
  }

  /** A goal with a target_unit (null: a table written before the column existed). */
  static Row goal(
      String id,
      String owner,
      String category,
      Double target,
      String unit,
      String starts,
      String ends) {
    return RowFactory.create(
        id,
        owner,
        category,
        "title of " + id,
        target,
        null,
        Date.valueOf(LocalDate.parse(starts)),
        Date.valueOf(LocalDate.parse(ends)),
        unit,
        "goals.csv",
        1L);
  }

  static Dataset<Row> goals(Row... rows) {
    return frame(Tables.GOALS_SCHEMA, List.of(rows));
  }

  /**
   * Two owners, four goals, five attributed outcomes (the fixture of {@link GoalScorecardTest} and
   * {@link EfficiencyTest}; the tests spell out the hand computation).
   */
  static final class Sample {
    static final LocalDate RUN_DATE = LocalDate.parse("2026-06-30");

    static Dataset<Row> goals() {
      return Fixtures.goals(
          goal("g1", "ann", "speaking", 3.0, "2026-01-01", "2026-12-31"),
          goal("g2", "ann", "publicity", null, "2026-01-01", "2026-03-31"),
          goal("g3", "bob", "partners", null, "2026-05-01", "2026-12-31"),
          goal("g4", "ann", "launch", 5.0, "2026-02-01", "2026-12-31"));
    }

    static Dataset<Row> touchpoints() {
      return Fixtures.touchpoints(
          tp("a1", "ann", "2026-01-10T09:00:00Z", "meeting", "c1", 600, 25.5, "DIRECTED", "g2"),
          tp("a2", "ann", "2026-02-01T09:00:00Z", "call", "c2", 30, 0.2, "DIRECTED", "g1"),
          tp("a3", "ann", "2026-02-15T09:00:00Z", "meeting", "c2", 90, 0.1, "DIRECTED", "g1"),
          tp("a4", "ann", "2026-02-20T09:00:00Z", "email", "c3", 5, 0, "UNDIRECTED", null),
          tp("a5", "ann", "2026-03-01T09:00:00Z", "meeting", "c2", 60, 0, "EMBEDDED", null),
          tp("a6", "ann", "2026-04-02T09:00:00Z", "endorsement", "c4", 0, 0, "UNDIRECTED", null),
          tp("b1", "bob", "2026-05-10T09:00:00Z", "event", null, 720, 100, "DIRECTED", "g3"),
          tp("b2", "bob", "2026-05-20T09:00:00Z", "call", "c9", 30, 0, "DIRECTED", "g3"));
    }

    static Dataset<Row> outcomes() {
      return Fixtures.outcomes(
          outcome("o1", "ann", "2026-03-05", "speaking", 1000, "c2"),
          outcome("o2", "ann", "2026-03-10", "readership", 50, "c2"),
          outcome("o3", "ann", "2026-02-25", "speaking", 200, "c3"),
          outcome("o4", "ann", "2026-02-01", "revenue", 7, "c1"),
          outcome("o5", "bob", "2026-05-25", "revenue", 5000, "c9"),
          outcome("o6", "ann", "2026-06-01", "speaking", 999, null));
    }

    /** linear and first_touch for every outcome, markov for o5 only; o6 is unattributed. */
    static Dataset<Row> credits() {
      return wide(creditRows(), touchpoints(), outcomes());
    }

    /** {@link #credits()} in long form. */
    static List<Row> creditRows() {
      double third = 1.0 / 3;
      return List.of(
          credit("o1", "a2", "linear", third, 1000),
          credit("o1", "a3", "linear", third, 1000),
          credit("o1", "a5", "linear", third, 1000),
          credit("o2", "a2", "linear", third, 50),
          credit("o2", "a3", "linear", third, 50),
          credit("o2", "a5", "linear", third, 50),
          credit("o3", "a4", "linear", 1, 200),
          credit("o4", "a1", "linear", 1, 7),
          credit("o5", "b2", "linear", 1, 5000),
          credit("o1", "a2", "first_touch", 1, 1000),
          credit("o1", "a3", "first_touch", 0, 1000),
          credit("o1", "a5", "first_touch", 0, 1000),
          credit("o2", "a2", "first_touch", 1, 50),
          credit("o2", "a3", "first_touch", 0, 50),
          credit("o2", "a5", "first_touch", 0, 50),
          credit("o3", "a4", "first_touch", 1, 200),
          credit("o4", "a1", "first_touch", 1, 7),
          credit("o5", "b2", "first_touch", 1, 5000),
          credit("o5", "b2", "markov", 1, 5000));
    }

    private Sample() {}
  }
}
