package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The data-driven paths in their plainest form, one row per path with its channels as an array in
 * step order, and the Markov transitions and Shapley set values read off those arrays. The pipeline
 * computes the same numbers without building the arrays (from the cached candidates, and by a
 * window over the non-converting steps); the tests compare the two.
 */
final class PathArrays {
  private PathArrays() {}

  /** The steps of the converting paths: one path per attributed outcome, from its candidates. */
  static Dataset<Row> converting(Dataset<Row> candidates, String dimension) {
    Column channel = Paths.channelOf(dimension);
    return candidates.select(
        lit(true).as("converting"),
        col("owner").as("path_owner"),
        col("outcome_id").as("path_key"),
        col("outcome_value").as("value"),
        col("activity_id"),
        col("occurred_at"),
        channel.as("channel"));
  }

  /**
   * One row per path: the path key columns ({@link Paths#PATH_KEY}), {@code value} and {@code
   * channels}, the path's channels in step order ({@link Paths#STEP_ORDER}).
   */
  static Dataset<Row> paths(Dataset<Row> steps) {
    return steps
        .groupBy(Paths.PATH_KEY.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(
            max(col("value")).as("value"),
            sort_array(collect_list(struct(col("occurred_at"), col("activity_id"), col("channel"))))
                .as("ordered"))
        .select(
            col("converting"),
            col("path_owner"),
            col("path_key"),
            col("value"),
            expr("transform(ordered, s -> s.channel)").as("channels"));
  }

  /** The transition counts of the paths, in the columns of {@link MarkovTransitions#count}. */
  static Dataset<Row> countsOfPaths(Dataset<Row> paths) {
    // i = 0: start -> first channel; 1..n-1: channel i -> channel i+1; n: last -> end.
    String transitions =
        "transform(sequence(0, size(channels)), i -> named_struct("
            + "'from_kind', CASE WHEN i = 0 THEN "
            + MarkovTransitions.FROM_START
            + " ELSE "
            + MarkovTransitions.CHANNEL
            + " END, "
            + "'from_channel', CASE WHEN i = 0 THEN CAST(NULL AS STRING) "
            + "ELSE try_element_at(channels, i) END, "
            + "'to_kind', CASE WHEN i = size(channels) THEN "
            + "(CASE WHEN converting THEN "
            + MarkovTransitions.TO_CONVERSION
            + " ELSE "
            + MarkovTransitions.TO_NULL
            + " END) "
            + "ELSE "
            + MarkovTransitions.CHANNEL
            + " END, "
            + "'to_channel', CASE WHEN i = size(channels) THEN CAST(NULL AS STRING) "
            + "ELSE try_element_at(channels, i + 1) END))";
    return MarkovTransitions.count(
        paths
            .where(size(col("channels")).gt(0))
            .select(explode(expr(transitions)).as("t"))
            .select("t.*"));
  }

  /**
   * The total value of the converting paths per channel set; non-converting paths are ignored. One
   * entry per distinct set, ordered by the sets' joined names.
   */
  static List<ShapleyPaths.SetValue> valueBySetOfPaths(Dataset<Row> paths) {
    List<Row> rows =
        paths
            .where(col("converting"))
            .select(array_sort(array_distinct(col("channels"))).as("channels"), col("value"))
            .groupBy("channels")
            .agg(sum(col("value").cast("decimal(38,12)")).as("value"))
            .collectAsList();
    List<ShapleyPaths.SetValue> sets = new ArrayList<>();
    for (Row r : rows) {
      sets.add(new ShapleyPaths.SetValue(r.getList(0), r.getDecimal(1)));
    }
    sets.sort(Comparator.comparing(s -> String.join("\u0000", s.channels())));
    return sets;
  }
}
