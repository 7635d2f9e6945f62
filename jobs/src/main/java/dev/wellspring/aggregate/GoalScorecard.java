package dev.wellspring.aggregate;

import static dev.wellspring.aggregate.Efficiency.seq;
import static dev.wellspring.aggregate.Sums.exactHours;
import static dev.wellspring.aggregate.Sums.exactSum;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.schema.Tables;
import dev.wellspring.vocabulary.TouchClass;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * goal_scorecard: what the work directed to each goal cost and brought (DESIGN.md "Precise rules /
 * Aggregates").
 */
public final class GoalScorecard {
  /** A goal in drought has been active this many days (inclusive) ... */
  static final int DROUGHT_DAYS = 90;

  /** ... with at least this many hours invested, and no on-target outcome. */
  static final double DROUGHT_HOURS = 10.0;

  /** Statuses, in the order the first that applies wins. */
  public static final String ACHIEVED = "achieved";

  public static final String DROUGHT = "drought";
  public static final String NO_TARGET = "no_target";
  public static final String ON_TRACK = "on_track";
  public static final String BEHIND = "behind";

  private GoalScorecard() {}

  /**
   * One row per goal in {@link Tables#GOAL_SCORECARD_SCHEMA}.
   *
   * <ul>
   *   <li>hours: hours of the touchpoints DIRECTED to the goal;
   *   <li>on_target_outcomes / on_target_value: distinct attributed outcomes of the goal's category
   *       with at least one candidate touchpoint DIRECTED to the goal, and the sum of their full
   *       values; serendipitous_outcomes: the same count for other types;
   *   <li>drought: min(ends_on, runDate) - starts_on + 1 >= 90 days, hours >= 10 and no on-target
   *       outcome;
   *   <li>title and target_unit from the goal (an empty unit is {@code outcomes});
   *   <li>progress: the achieved amount (on_target_outcomes when target_unit is {@code outcomes},
   *       on_target_value when it is {@code value}) / target_value; null without a target (empty or
   *       0);
   *   <li>status, the first that applies: {@code achieved} (progress >= 1), {@code drought} (the
   *       flag above), {@code no_target}, {@code on_track} (progress >= the share of the goal's
   *       days elapsed, (min(run date, ends_on) - starts_on + 1) / (ends_on - starts_on + 1), both
   *       ends inclusive), else {@code behind}. A goal that ended unachieved is behind (its share
   *       is 1).
   * </ul>
   *
   * @param goals rows in {@link Tables#GOALS_SCHEMA} (the goals in scope)
   * @param touchpoints rows in {@link Tables#TOUCHPOINTS_SCHEMA}
   * @param credits rows in {@link Tables#CREDITS_SCHEMA}: each candidate row carries its
   *     touchpoint's class and directed goal and its outcome's type and value
   */
  public static Dataset<Row> scorecard(
      Dataset<Row> goals, Dataset<Row> touchpoints, Dataset<Row> credits, LocalDate runDate) {
    Dataset<Row> directed =
        touchpoints
            .filter(
                col("class")
                    .equalTo(TouchClass.DIRECTED.wireName())
                    .and(col("directed_goal_id").isNotNull()))
            .select(
                col("activity_id"), col("directed_goal_id").as("goal_id"), col("duration_minutes"));
    Dataset<Row> hours =
        directed.groupBy("goal_id").agg(exactHours(col("duration_minutes")).as("hours"));

    Dataset<Row> goalOutcomes =
        credits
            .filter(
                col("class")
                    .equalTo(TouchClass.DIRECTED.wireName())
                    .and(col("directed_goal_id").isNotNull()))
            .select(
                col("directed_goal_id").as("goal_id"),
                col("outcome_id"),
                col("outcome_type").as("type"),
                col("outcome_value").as("value"))
            .distinct()
            .join(goals.select("goal_id", "category"), seq("goal_id"));
    Column onTarget = col("type").equalTo(col("category"));
    Dataset<Row> counted =
        goalOutcomes
            .groupBy("goal_id")
            .agg(
                count(when(onTarget, lit(1))).as("on_target_outcomes"),
                exactSum(when(onTarget, col("value"))).as("on_target_value"),
                count(when(not(onTarget), lit(1))).as("serendipitous_outcomes"));

    Dataset<Row> card =
        goals
            .select(
                col("goal_id"),
                col("owner"),
                col("category"),
                col("target_value"),
                col("starts_on"),
                col("ends_on"),
                col("title"),
                coalesce(col("target_unit"), lit(Kind.GoalUnits.OUTCOMES)).as("target_unit"))
            .join(hours, seq("goal_id"), "left")
            .join(counted, seq("goal_id"), "left")
            .withColumn("hours", coalesce(col("hours"), lit(0.0)))
            .withColumn("on_target_outcomes", coalesce(col("on_target_outcomes"), lit(0L)))
            .withColumn("on_target_value", coalesce(col("on_target_value"), lit(0.0)))
            .withColumn("serendipitous_outcomes", coalesce(col("serendipitous_outcomes"), lit(0L)));
    Column activeDays = datediff(least(col("ends_on"), lit(runDate)), col("starts_on")).plus(1);
    Column drought =
        activeDays
            .geq(DROUGHT_DAYS)
            .and(col("hours").geq(DROUGHT_HOURS))
            .and(col("on_target_outcomes").equalTo(0));
    Column achieved =
        when(col("target_unit").equalTo(Kind.GoalUnits.VALUE), col("on_target_value"))
            .otherwise(col("on_target_outcomes").cast("double"));
    Column target = col("target_value");
    Column hasTarget = target.isNotNull().and(target.gt(0));
    // progress >= elapsed share, compared as achieved x goal days >= elapsed days x target: the
    // same test without rounding either quotient.
    Column goalDays = datediff(col("ends_on"), col("starts_on")).plus(1);
    Column status =
        when(hasTarget.and(achieved.geq(target)), lit(ACHIEVED))
            .when(col("drought"), lit(DROUGHT))
            .when(not(hasTarget), lit(NO_TARGET))
            .when(achieved.multiply(goalDays).geq(activeDays.multiply(target)), lit(ON_TRACK))
            .otherwise(lit(BEHIND));
    return Tables.conform(
        card.withColumn("drought", drought)
            .withColumn("progress", when(hasTarget, achieved.divide(target)))
            .withColumn("status", status),
        Tables.GOAL_SCORECARD_SCHEMA);
  }
}
