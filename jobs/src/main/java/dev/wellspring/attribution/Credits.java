package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import dev.wellspring.schema.Tables;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code credits} table: one row per (attributed outcome, candidate touchpoint) with a weight
 * column per model (see {@link Tables#CREDITS_SCHEMA}), and its long form.
 *
 * <p>Why wide: the weights of all seven models come from the same candidate rows, so one row
 * carrying seven weights is a seventh of the rows a row-per-model table would write, read and
 * shuffle, and every aggregate sums all models in one pass.
 */
public final class Credits {
  private Credits() {}

  /**
   * The credits table from candidates carrying every model's weight column.
   *
   * @param weighted rows in {@link Tables#CANDIDATES_SCHEMA} plus one double column per model of
   *     {@link Tables#MODELS}
   */
  public static Dataset<Row> table(Dataset<Row> weighted) {
    return Tables.conform(weighted, Tables.CREDITS_SCHEMA);
  }

  /**
   * One row per (outcome, touchpoint, model) in {@link Tables#CREDITS_LONG_SCHEMA}, zero weights
   * included: the layout spreadsheets and SQL users often prefer.
   *
   * @param wide rows with outcome_id, activity_id, outcome_value and a weight column per model
   * @param models the weight columns to unpivot, in order
   */
  public static Dataset<Row> longForm(Dataset<Row> wide, List<String> models) {
    String pairs =
        models.stream().map(m -> "'" + m + "', `" + m + "`").collect(Collectors.joining(", "));
    return wide.select(
            col("outcome_id"),
            col("activity_id"),
            col("outcome_value"),
            expr("stack(" + models.size() + ", " + pairs + ") as (model, weight)"))
        .select(
            col("outcome_id"),
            col("activity_id"),
            col("model"),
            col("weight"),
            col("weight").multiply(col("outcome_value")).as("credited_value"));
  }
}
