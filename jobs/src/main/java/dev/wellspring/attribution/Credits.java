package dev.wellspring.attribution;

import dev.wellspring.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code credits} table: one row per (attributed outcome, candidate touchpoint) with a weight
 * column per model (see {@link Tables#CREDITS_SCHEMA}).
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
   * @param weighted candidate rows ({@link Candidates#select}: outcome and touchpoint columns) plus
   *     one double column per model of {@link Tables#MODELS}
   */
  public static Dataset<Row> table(Dataset<Row> weighted) {
    return Tables.conform(weighted, Tables.CREDITS_SCHEMA);
  }
}
