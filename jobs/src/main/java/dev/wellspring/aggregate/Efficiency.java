package dev.wellspring.aggregate;

import static dev.wellspring.aggregate.Sums.exactHours;
import static dev.wellspring.aggregate.Sums.exactSum;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.schema.Tables;
import dev.wellspring.vocabulary.TouchClass;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

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

  /** The models every credit aggregate reports, as one column {@code model}. */
  public static Dataset<Row> models(SparkSession spark) {
    return spark.createDataset(Tables.MODELS, Encoders.STRING()).toDF("model");
  }

  /**
   * Effort per (owner, class, month): activities, hours and cost of every touchpoint, credited or
   * not, and minutes as an exact sum of units ({@link Sums}) for coarser sums.
   */
  public static Dataset<Row> effort(Dataset<Row> touchpoints) {
    return touchpoints
        .groupBy("owner", "class", "month")
        .agg(
            count(lit(1)).as("activities"),
            exactHours(col("duration_minutes")).as("hours"),
            exactSum("cost").as("cost"),
            Sums.exactUnits(col("duration_minutes")).as("minutes"));
  }

  /**
   * Credit per (owner, class, month, model), one pass over the wide credits: {@code weight_sum}
   * (credited outcomes) and {@code value_sum} (credited value) as exact sums of units ({@link
   * Sums}), so coarser aggregates can add them up again without rounding. Rows exist for the
   * (owner, class, month) groups that hold a credited touchpoint.
   *
   * @param credits rows in {@link Tables#CREDITS_SCHEMA}
   */
  public static Dataset<Row> credit(Dataset<Row> credits) {
    List<Column> aggs = new ArrayList<>();
    StringBuilder stack = new StringBuilder("stack(" + Tables.MODELS.size());
    for (int i = 0; i < Tables.MODELS.size(); i++) {
      String m = Tables.MODELS.get(i);
      aggs.add(Sums.exactUnits(col(m)).as("w" + i));
      aggs.add(Sums.exactUnits(col(m).multiply(col("outcome_value"))).as("v" + i));
      stack.append(", '").append(m).append("', w").append(i).append(", v").append(i);
    }
    stack.append(") as (model, weight_sum, value_sum)");
    return credits
        .groupBy("owner", "class", "month")
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
        .select(col("owner"), col("class"), col("month"), expr(stack.toString()));
  }

  /**
   * effectiveness: one row per (owner, class, month) with at least one activity and per model, in
   * {@link Tables#EFFECTIVENESS_SCHEMA}. Effort counts every touchpoint, credited or not; a model
   * that credited nothing there gets zeros; value_per_hour and outcomes_per_hour are null when
   * hours is 0.
   */
  public static Dataset<Row> effectiveness(Dataset<Row> touchpoints, Dataset<Row> credits) {
    return effectiveness(effort(touchpoints), credit(credits), touchpoints.sparkSession());
  }

  /** {@link #effectiveness(Dataset, Dataset)} from {@link #effort} and {@link #credit}. */
  public static Dataset<Row> effectiveness(
      Dataset<Row> effort, Dataset<Row> credit, SparkSession spark) {
    Dataset<Row> joined =
        effort
            .crossJoin(models(spark))
            .join(credit, seq("owner", "class", "month", "model"), "left")
            .withColumn("credited_outcomes", coalesce(Sums.toDouble(col("weight_sum")), lit(0.0)))
            .withColumn("credited_value", coalesce(Sums.toDouble(col("value_sum")), lit(0.0)));
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
    return lift(effort(touchpoints), credit(credits), intervals, touchpoints.sparkSession());
  }

  /** {@link #lift(Dataset, Dataset, Dataset)} from {@link #effort} and {@link #credit}. */
  public static Dataset<Row> lift(
      Dataset<Row> effort, Dataset<Row> credit, Dataset<Row> intervals, SparkSession spark) {
    // Pooled hours from the groups' exact minutes: one division by 60, as for a group's hours.
    Dataset<Row> hours =
        effort.agg(
            Sums.toDouble(
                    sum(when(col("class").equalTo(TouchClass.DIRECTED.wireName()), col("minutes"))))
                .divide(60.0)
                .as("dh"),
            Sums.toDouble(
                    sum(
                        when(
                            col("class").equalTo(TouchClass.UNDIRECTED.wireName()),
                            col("minutes"))))
                .divide(60.0)
                .as("uh"));
    Dataset<Row> value =
        credit
            .groupBy("model")
            .agg(
                Sums.toDouble(
                        sum(
                            when(
                                col("class").equalTo(TouchClass.DIRECTED.wireName()),
                                col("value_sum"))))
                    .as("dv"),
                Sums.toDouble(
                        sum(
                            when(
                                col("class").equalTo(TouchClass.UNDIRECTED.wireName()),
                                col("value_sum"))))
                    .as("uv"));
    Dataset<Row> perModel =
        models(spark)
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
    return modelComparison(credit(credits), credits.sparkSession());
  }

  /** {@link #modelComparison(Dataset, Dataset)} from {@link #credit}. */
  public static Dataset<Row> modelComparison(Dataset<Row> credit, SparkSession spark) {
    Dataset<Row> classes =
        spark.createDataset(TouchClass.wireNames(), Encoders.STRING()).toDF("class");
    Dataset<Row> byClass = credit.groupBy("model", "class").agg(sum(col("value_sum")).as("value"));
    Dataset<Row> totals = byClass.groupBy("model").agg(sum(col("value")).as("total"));
    Dataset<Row> grid =
        models(spark)
            .crossJoin(classes)
            .join(byClass, seq("model", "class"), "left")
            .join(totals, seq("model"), "left")
            .withColumn("credited_value", coalesce(Sums.toDouble(col("value")), lit(0.0)))
            .withColumn("total", coalesce(Sums.toDouble(col("total")), lit(0.0)));
    return Tables.conform(
        grid.withColumn("share", ratio(col("credited_value"), col("total"))),
        Tables.MODEL_COMPARISON_SCHEMA);
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
