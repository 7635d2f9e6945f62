package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The input of the Shapley game: the total value of the converting paths per channel set,
 * aggregated in Spark (values summed as exact decimals) and collected sorted.
 */
public final class ShapleyPaths {
  private ShapleyPaths() {}

  /** One channel set (sorted channel names) and the total value of its converting paths. */
  public record SetValue(List<String> channels, BigDecimal value) {
    public SetValue {
      channels = List.copyOf(channels);
    }
  }

  /**
   * @param steps rows as produced by {@link Paths#steps}; non-converting steps are ignored
   * @return one entry per distinct channel set, ordered by the sets' joined names
   */
  public static List<SetValue> valueBySet(Dataset<Row> steps) {
    return valueBySetOfPaths(Paths.paths(steps));
  }

  /** {@link #valueBySet} from one row per path ({@link Paths#paths}). */
  public static List<SetValue> valueBySetOfPaths(Dataset<Row> paths) {
    List<Row> rows =
        paths
            .where(col("converting"))
            .select(array_sort(array_distinct(col("channels"))).as("channels"), col("value"))
            .groupBy("channels")
            .agg(sum(col("value").cast("decimal(38,12)")).as("value"))
            .collectAsList();
    List<SetValue> sets = new ArrayList<>();
    for (Row r : rows) {
      sets.add(new SetValue(r.getList(0), r.getDecimal(1)));
    }
    sets.sort(Comparator.comparing(s -> String.join("\u0000", s.channels())));
    return sets;
  }
}
