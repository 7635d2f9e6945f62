package dev.wellspring.aggregate;

import static dev.wellspring.aggregate.Efficiency.seq;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.schema.Tables;
import dev.wellspring.vocabulary.ActivityType;
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
    Column threeWithin =
        col("second_previous")
            .isNotNull()
            .and(
                unix_micros(col("occurred_at"))
                    .minus(unix_micros(col("second_previous")))
                    .leq(WINDOW_MICROS));
    // A touch as a struct in path order: min() of it is the first touch by (occurred_at,
    // activity_id), the window's own order (activity ids are unique, so there are no ties).
    Column touch = struct(col("occurred_at"), col("activity_id"), col("class"), col("month"));
    // One shuffle and one sort of the touches: the window (lag) and the per-contact aggregation
    // share the (owner, contact_id) partitioning, and both counts come out of one aggregation, so
    // nothing over every touch is computed twice.
    Dataset<Row> perContact =
        touchpoints
            .filter(col("contact_id").isNotNull())
            .select("owner", "contact_id", "occurred_at", "activity_id", "class", "month")
            .withColumn("second_previous", lag(col("occurred_at"), 2).over(byContact))
            .groupBy("owner", "contact_id")
            .agg(min(touch).as("first"), min(when(threeWithin, touch)).as("strong"));
    // Each contact adds one row at its first touch (a new relationship) and, when it has one, one
    // at its first strengthening touch.
    Column fresh = counted("first", 1L, 0L);
    Column strong = when(col("strong").isNotNull(), counted("strong", 0L, 1L));
    Dataset<Row> grown =
        perContact
            .select(col("owner"), explode(array(fresh, strong)).as("r"))
            .where(col("r").isNotNull())
            .groupBy(col("owner"), col("r.class").as("class"), col("r.month").as("month"))
            .agg(
                sum(col("r.fresh")).as("new_relationships"),
                sum(col("r.strong")).as("strengthened_relationships"));

    Dataset<Row> intros =
        touchpoints
            .groupBy("owner", "class", "month")
            .agg(
                count(when(col("type").equalTo(ActivityType.INTRO_MADE.wireName()), lit(1)))
                    .as("intros_made"),
                count(when(col("type").equalTo(ActivityType.INTRO_RECEIVED.wireName()), lit(1)))
                    .as("intros_received"));

    Dataset<Row> all =
        intros
            .join(grown, seq("owner", "class", "month"), "left")
            .withColumn("new_relationships", coalesce(col("new_relationships"), lit(0L)))
            .withColumn(
                "strengthened_relationships", coalesce(col("strengthened_relationships"), lit(0L)));
    return Tables.conform(all, Tables.WELL_BUILDING_SCHEMA);
  }

  /**
   * The (class, month) of the touch struct in column {@code touch}, with the two counts it adds.
   */
  private static Column counted(String touch, long fresh, long strong) {
    return struct(
        col(touch + ".class").as("class"),
        col(touch + ".month").as("month"),
        lit(fresh).as("fresh"),
        lit(strong).as("strong"));
  }
}
