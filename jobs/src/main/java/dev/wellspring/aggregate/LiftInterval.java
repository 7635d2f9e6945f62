package dev.wellspring.aggregate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The 95% percentile bootstrap interval of the DIRECTED / UNDIRECTED value-per-hour lift per
 * model, resampling (owner, contact) units. Placeholder until the data-driven issue lands: no
 * rows (so ci_low and ci_high stay empty).
 */
public final class LiftInterval {
  private LiftInterval() {}

  /**
   * @param touchpoints rows in {@link dev.wellspring.schema.Tables#TOUCHPOINTS_SCHEMA}
   * @param credits rows in {@link dev.wellspring.schema.Tables#CREDITS_SCHEMA}
   * @return rows (model string, ci_low double, ci_high double), one per model with an interval
   */
  public static Dataset<Row> intervals(
      Dataset<Row> touchpoints, Dataset<Row> credits, int resamples, long seed) {
    var spark = touchpoints.sparkSession();
    return spark.createDataFrame(
        java.util.List.of(),
        new org.apache.spark.sql.types.StructType()
            .add("model", "string", false)
            .add("ci_low", "double")
            .add("ci_high", "double"));
  }
}
