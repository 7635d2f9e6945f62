package dev.wellspring.aggregate;

import static dev.wellspring.aggregate.Sums.exactHours;
import static dev.wellspring.aggregate.Sums.exactSum;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.schema.Tables;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Effort against credited outcomes: the {@code effectiveness}, {@code lift} and {@code
 * model_comparison} aggregates (DESIGN.md "Aggregates").
 *
 * <p>Every transform takes {@code touchpoints} in {@link Tables#TOUCHPOINTS_SCHEMA} and {@code
 * credits} in {@link Tables#CREDITS_SCHEMA}. Credit is placed in the class and month of the
 * credited touchpoint, so value per hour compares like with like. All sums are exact (see {@link
 * Sums}).
 */
public final class Efficiency {
  private Efficiency() {}

  /**
   * The models every credit aggregate reports: the five rule-based ones always, plus any other
   * model present in {@code credits} (markov, shapley). One column {@code model}; the exports sort
   * their rows, so no order here.
   */
  public static Dataset<Row> models(Dataset<Row> credits) {
    Dataset<Row> rule =
        credits.sparkSession().createDataset(Classes.RULE_MODELS, Encoders.STRING()).toDF("model");
    return rule.union(credits.select("model")).distinct();
  }

  /**
   * effectiveness: one row per (owner, class, month) with at least one activity and per model, in
   * {@link Tables#EFFECTIVENESS_SCHEMA}. Effort counts every touchpoint, credited or not; a model
   * that credited nothing there gets zeros; value_per_hour and outcomes_per_hour are null when
   * hours is 0.
   */
  public static Dataset<Row> effectiveness(Dataset<Row> touchpoints, Dataset<Row> credits) {
    Dataset<Row> effort =
        touchpoints
            .groupBy("owner", "class", "month")
            .agg(
                count(lit(1)).as("activities"),
                exactHours(col("duration_minutes")).as("hours"),
                exactSum("cost").as("cost"));
    Dataset<Row> credit =
        creditedTouchpoints(touchpoints, credits)
            .groupBy("owner", "class", "month", "model")
            .agg(
                exactSum("weight").as("credited_outcomes"),
                exactSum("credited_value").as("credited_value"));
    Dataset<Row> joined =
        effort
            .crossJoin(models(credits))
            .join(credit, seq("owner", "class", "month", "model"), "left")
            .withColumn("credited_outcomes", coalesce(col("credited_outcomes"), lit(0.0)))
            .withColumn("credited_value", coalesce(col("credited_value"), lit(0.0)));
    return Tables.conform(
        joined
            .withColumn("value_per_hour", ratio(col("credited_value"), col("hours")))
            .withColumn("outcomes_per_hour", ratio(col("credited_outcomes"), col("hours"))),
        Tables.EFFECTIVENESS_SCHEMA);
  }

  /**
   * lift: one row per model in {@link Tables#LIFT_SCHEMA}. Pools all owners and months: value per
   * hour of a class = its credited value / its hours (null when it has no hours); lift = DIRECTED /
   * UNDIRECTED value per hour, null when the undirected one is 0 or undefined.
   *
   * @param intervals rows (model, ci_low, ci_high) from {@link LiftInterval#intervals}; models
   *     without a row get null bounds
   */
  public static Dataset<Row> lift(
      Dataset<Row> touchpoints, Dataset<Row> credits, Dataset<Row> intervals) {
    Dataset<Row> hours =
        touchpoints.agg(
            exactHours(when(col("class").equalTo(Classes.DIRECTED), col("duration_minutes"))).as("dh"),
            exactHours(when(col("class").equalTo(Classes.UNDIRECTED), col("duration_minutes"))).as("uh"));
    Dataset<Row> value =
        creditedTouchpoints(touchpoints, credits)
            .groupBy("model")
            .agg(
                exactSum(when(col("class").equalTo(Classes.DIRECTED), col("credited_value")))
                    .as("dv"),
                exactSum(when(col("class").equalTo(Classes.UNDIRECTED), col("credited_value")))
                    .as("uv"));
    Dataset<Row> perModel =
        models(credits)
            .join(value, seq("model"), "left")
            .crossJoin(hours)
            .withColumn("directed_value_per_hour", ratio(coalesce(col("dv"), lit(0.0)), col("dh")))
            .withColumn(
                "undirected_value_per_hour", ratio(coalesce(col("uv"), lit(0.0)), col("uh")));
    Column undirected = col("undirected_value_per_hour");
    Dataset<Row> withLift =
        perModel.withColumn(
            "lift",
            when(
                undirected.gt(0).and(col("directed_value_per_hour").isNotNull()),
                col("directed_value_per_hour").divide(undirected)));
    Dataset<Row> bounds =
        intervals.select(col("model"), col("ci_low").cast("double"), col("ci_high").cast("double"));
    return Tables.conform(withLift.join(bounds, seq("model"), "left"), Tables.LIFT_SCHEMA);
  }

  /**
   * model_comparison: every model x all three classes in {@link Tables#MODEL_COMPARISON_SCHEMA};
   * share = the class's credited value / the model's total, null when the total is 0.
   */
  public static Dataset<Row> modelComparison(Dataset<Row> touchpoints, Dataset<Row> credits) {
    Dataset<Row> classes =
        credits.sparkSession().createDataset(Classes.ALL, Encoders.STRING()).toDF("class");
    Dataset<Row> byClass =
        creditedTouchpoints(touchpoints, credits)
            .groupBy("model", "class")
            .agg(sum(col("credited_value").cast(Sums.EXACT)).as("value"));
    Dataset<Row> totals = byClass.groupBy("model").agg(sum(col("value")).as("total"));
    Dataset<Row> grid =
        models(credits)
            .crossJoin(classes)
            .join(byClass, seq("model", "class"), "left")
            .join(totals, seq("model"), "left")
            .withColumn("credited_value", coalesce(col("value").cast("double"), lit(0.0)))
            .withColumn("total", coalesce(col("total").cast("double"), lit(0.0)));
    return Tables.conform(
        grid.withColumn("share", ratio(col("credited_value"), col("total"))),
        Tables.MODEL_COMPARISON_SCHEMA);
  }

  /** credits with the credited touchpoint's owner, class and month. */
  static Dataset<Row> creditedTouchpoints(Dataset<Row> touchpoints, Dataset<Row> credits) {
    return credits
        .select("activity_id", "model", "weight", "credited_value")
        .join(touchpoints.select("activity_id", "owner", "class", "month"), seq("activity_id"));
  }

  /** numerator / denominator, null when the denominator is not positive (undefined). */
  static Column ratio(Column numerator, Column denominator) {
    return when(denominator.gt(0), numerator.divide(denominator));
  }

  /** The table's columns in its order, cast to its types. */

  static scala.collection.immutable.Seq<String> seq(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
  }
}
