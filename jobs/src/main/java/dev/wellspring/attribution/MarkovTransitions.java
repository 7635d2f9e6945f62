package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Counts the transitions of all paths in Spark and collects them into a {@link MarkovChain}.
 *
 * <p>Every path contributes start -> its first channel, each consecutive pair of its channels, and
 * its last channel -> conversion (converting path) or null (non-converting path), each occurrence
 * counting 1 whatever the path's value. Self-loops are dropped before counting: they change no
 * absorption probability (a self-loop only rescales the other transitions out of its state), and
 * dropping them keeps results bit-identical whether or not channels repeat.
 */
public final class MarkovTransitions {
  private MarkovTransitions() {}

  static final int FROM_START = 0;
  static final int CHANNEL = 1;
  static final int TO_CONVERSION = 2;
  static final int TO_NULL = 3;

  /**
   * The transition counts of the paths: columns from_kind (0 start, 1 channel), from_channel (null
   * for start), to_kind (1 channel, 2 conversion, 3 null), to_channel (null unless a channel),
   * transitions (long).
   *
   * @param steps rows as produced by {@link Paths#steps}
   */
  public static Dataset<Row> counts(Dataset<Row> steps) {
    WindowSpec path =
        Window.partitionBy(Paths.PATH_KEY.stream().map(c -> col(c)).toArray(Column[]::new))
            .orderBy(Paths.STEP_ORDER.stream().map(c -> col(c)).toArray(Column[]::new));
    Column prev = col("prev_channel");
    Column next = col("next_channel");
    Column entering =
        struct(
            when(prev.isNull(), lit(FROM_START)).otherwise(lit(CHANNEL)).as("from_kind"),
            prev.as("from_channel"),
            lit(CHANNEL).as("to_kind"),
            col("channel").as("to_channel"));
    Column leaving =
        struct(
            lit(CHANNEL).as("from_kind"),
            col("channel").as("from_channel"),
            when(col("converting"), lit(TO_CONVERSION)).otherwise(lit(TO_NULL)).as("to_kind"),
            lit(null).cast("string").as("to_channel"));
    return steps
        .withColumn("prev_channel", lag(col("channel"), 1).over(path))
        .withColumn("next_channel", lead(col("channel"), 1).over(path))
        .select(
            explode(when(next.isNull(), array(entering, leaving)).otherwise(array(entering)))
                .as("t"))
        .select("t.*")
        .where(
            col("from_kind")
                .notEqual(lit(CHANNEL))
                .or(col("to_kind").notEqual(lit(CHANNEL)))
                .or(col("from_channel").notEqual(col("to_channel"))))
        .groupBy("from_kind", "from_channel", "to_kind", "to_channel")
        .count()
        .withColumnRenamed("count", "transitions");
  }

  /**
   * Collects the counts (a few rows per channel pair) and builds the chain over every channel seen,
   * in sorted order.
   */
  public static MarkovChain collect(Dataset<Row> counts) {
    List<Row> rows = counts.collectAsList();
    TreeSet<String> names = new TreeSet<>();
    for (Row r : rows) {
      if (!r.isNullAt(1)) {
        names.add(r.getString(1));
      }
      if (!r.isNullAt(3)) {
        names.add(r.getString(3));
      }
    }
    List<String> channels = new ArrayList<>(names);
    int k = channels.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < k; i++) {
      index.put(channels.get(i), i);
    }
    long[] start = new long[k];
    long[][] between = new long[k][k];
    long[] conversions = new long[k];
    long[] nulls = new long[k];
    for (Row r : rows) {
      int fromKind = r.getInt(0);
      int toKind = r.getInt(2);
      long n = r.getLong(4);
      int to = r.isNullAt(3) ? -1 : index.get(r.getString(3));
      if (fromKind == FROM_START) {
        start[to] += n;
        continue;
      }
      int from = index.get(r.getString(1));
      switch (toKind) {
        case CHANNEL -> between[from][to] += n;
        case TO_CONVERSION -> conversions[from] += n;
        default -> nulls[from] += n;
      }
    }
    return new MarkovChain(channels, start, between, conversions, nulls);
  }
}
