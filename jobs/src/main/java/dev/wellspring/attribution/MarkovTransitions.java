package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
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
   * The transitions of the converting paths straight from the candidates, one converting path per
   * outcome (the candidate rows in path order): a candidate at position 1 contributes start -> its
   * channel, any other the previous candidate's channel -> its own, and the last (position = n)
   * also its channel -> conversion. The candidates come out of {@link Candidates#select}
   * partitioned by outcome and sorted in path order, so the window here neither shuffles nor sorts
   * them (a path array per outcome would shuffle every candidate once more).
   *
   * @param candidates candidate rows ({@link Candidates#select}: outcome and touchpoint columns)
   * @param channel the channel of a candidate row ({@link Paths#channelOf})
   */
  static Dataset<Row> transitionsOfCandidates(Dataset<Row> candidates, Column channel) {
    WindowSpec path =
        Window.partitionBy(col("outcome_id")).orderBy(col("occurred_at"), col("activity_id"));
    Dataset<Row> steps =
        candidates.select(
            col("position"), col("n"), channel.as("ch"), lag(channel, 1).over(path).as("prev"));
    return transitionsOfOrdered(steps, lit(TO_CONVERSION));
  }

  /**
   * The transitions of the paths made of steps ({@link Paths#nonConverting}): for each path in step
   * order, start -> its first channel, each consecutive pair, and its last channel -> conversion or
   * null. One sort of the steps by path and step order and a lag window over it, instead of
   * gathering each path into an array (collect_list and sort_array over every step; the tests keep
   * that form as the reference, PathArrays).
   */
  static Dataset<Row> transitionsOfSteps(Dataset<Row> steps) {
    Column[] pathKey = Paths.PATH_KEY.stream().map(c -> col(c)).toArray(Column[]::new);
    Column[] stepOrder = Paths.STEP_ORDER.stream().map(c -> col(c)).toArray(Column[]::new);
    WindowSpec path = Window.partitionBy(pathKey).orderBy(stepOrder);
    // The whole path as one frame in the same order: its count is computed by a second window
    // operator over the same sorted rows.
    WindowSpec whole = path.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Dataset<Row> ordered =
        steps.select(
            col("converting"),
            col("channel").as("ch"),
            lag(col("channel"), 1).over(path).as("prev"),
            row_number().over(path).as("position"),
            org.apache.spark.sql.functions.count(lit(1)).over(whole).as("n"));
    return transitionsOfOrdered(
        ordered, when(col("converting"), lit(TO_CONVERSION)).otherwise(lit(TO_NULL)));
  }

  /**
   * The transitions of steps already numbered in path order (columns position 1..n, n, ch, and
   * prev, the previous step's channel): start -> ch at position 1, prev -> ch at the others, and ch
   * -> the end (kind {@code endKind}) at position n.
   */
  private static Dataset<Row> transitionsOfOrdered(Dataset<Row> steps, Column endKind) {
    Column first = col("position").equalTo(lit(1));
    Column into =
        struct(
            when(first, lit(FROM_START)).otherwise(lit(CHANNEL)).as("from_kind"),
            when(first, lit(null).cast("string")).otherwise(col("prev")).as("from_channel"),
            lit(CHANNEL).as("to_kind"),
            col("ch").as("to_channel"));
    Column out =
        struct(
            lit(CHANNEL).as("from_kind"),
            col("ch").as("from_channel"),
            endKind.as("to_kind"),
            lit(null).cast("string").as("to_channel"));
    return steps
        .select(
            explode(
                    when(col("position").equalTo(col("n")), array(into, out))
                        .otherwise(array(into)))
                .as("t"))
        .select("t.*");
  }

  /**
   * Counts transitions (rows of from_kind, from_channel, to_kind, to_channel) into columns
   * from_kind (0 start, 1 channel), from_channel (null for start), to_kind (1 channel, 2
   * conversion, 3 null), to_channel (null unless a channel), transitions (long), self-loops
   * dropped.
   */
  static Dataset<Row> count(Dataset<Row> transitions) {
    return transitions
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
