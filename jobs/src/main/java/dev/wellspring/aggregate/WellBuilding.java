package dev.wellspring.aggregate;

import static dev.wellspring.aggregate.Efficiency.seq;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.schema.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * well_building: relationships grown as a by-product, per owner x class x month (DESIGN.md "Precise
 * rules / Aggregates").
 *
 * <p>A touch of a contact is an activity with that {@code contact_id}; an owner's touches of one
 * contact are ordered by (occurred_at, activity_id). "Within 90 days" is inclusive: the touch at t
 * strengthens the relationship when its second previous touch t2 has t - t2 <= 90 x 86,400 s, so a
 * third touch exactly 90 days after the first still counts (the two previous touches then lie
 * within 90 days before it, the earlier one at the boundary).
 */
public final class WellBuilding {
  static final long WINDOW_MICROS = 90L * 86_400L * 1_000_000L;

  private WellBuilding() {}

  /**
   * One row per (owner, class, month) with at least one activity, in {@link
   * Tables#WELL_BUILDING_SCHEMA}: new_relationships (contacts whose first touch ever is there),
   * strengthened_relationships (contacts whose first touch with two previous touches within 90 days
   * is there, once per owner and contact), intros_made, intros_received (activities of those
   * types).
   *
   * @param touchpoints rows in {@link Tables#TOUCHPOINTS_SCHEMA}
   */
  public static Dataset<Row> wellBuilding(Dataset<Row> touchpoints) {
    WindowSpec byContact =
        Window.partitionBy("owner", "contact_id").orderBy("occurred_at", "activity_id");
    Dataset<Row> touches =
        touchpoints
            .filter(col("contact_id").isNotNull())
            .select("owner", "contact_id", "occurred_at", "activity_id", "class", "month")
            .withColumn("touch", row_number().over(byContact))
            .withColumn("second_previous", lag(col("occurred_at"), 2).over(byContact));

    Dataset<Row> fresh =
        touches
            .filter(col("touch").equalTo(1))
            .groupBy("owner", "class", "month")
            .agg(count(lit(1)).as("new_relationships"));

    Column threeWithin =
        col("second_previous")
            .isNotNull()
            .and(
                unix_micros(col("occurred_at"))
                    .minus(unix_micros(col("second_previous")))
                    .leq(WINDOW_MICROS));
    Dataset<Row> strengthened =
        touches
            .filter(threeWithin)
            .withColumn("qualifying", row_number().over(byContact))
            .filter(col("qualifying").equalTo(1))
            .groupBy("owner", "class", "month")
            .agg(count(lit(1)).as("strengthened_relationships"));

    Dataset<Row> intros =
        touchpoints
            .groupBy("owner", "class", "month")
            .agg(
                count(when(col("type").equalTo("intro_made"), lit(1))).as("intros_made"),
                count(when(col("type").equalTo("intro_received"), lit(1))).as("intros_received"));

    Dataset<Row> all =
        intros
            .join(fresh, seq("owner", "class", "month"), "left")
            .join(strengthened, seq("owner", "class", "month"), "left")
            .withColumn("new_relationships", coalesce(col("new_relationships"), lit(0L)))
            .withColumn(
                "strengthened_relationships", coalesce(col("strengthened_relationships"), lit(0L)));
    return Tables.conform(all, Tables.WELL_BUILDING_SCHEMA);
  }
}
