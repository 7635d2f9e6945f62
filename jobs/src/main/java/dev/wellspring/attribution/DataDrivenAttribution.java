package dev.wellspring.attribution;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The data-driven models (markov, shapley) over paths built from the candidates (converting
 * paths) and the touchpoints after each (owner, contact)'s last outcome (non-converting paths).
 * Placeholder until the data-driven issue lands: no rows.
 */
public final class DataDrivenAttribution {
  private DataDrivenAttribution() {}

  /**
   * @param credits rows in {@link dev.wellspring.schema.Tables#CREDITS_SCHEMA} for markov and
   *     shapley
   * @param channels rows in {@link dev.wellspring.schema.Tables#ATTRIBUTION_CHANNELS_SCHEMA}
   */
  public record Result(Dataset<Row> credits, Dataset<Row> channels) {}

  /**
   * @param candidates rows in {@link dev.wellspring.schema.Tables#CANDIDATES_SCHEMA}
   * @param touchpoints rows in {@link dev.wellspring.schema.Tables#TOUCHPOINTS_SCHEMA}
   * @param outcomes rows in {@link dev.wellspring.schema.Tables#OUTCOMES_SCHEMA}
   * @param channelDimension class, type, channel or goal_category
   */
  public static Result attribute(
      Dataset<Row> candidates,
      Dataset<Row> touchpoints,
      Dataset<Row> outcomes,
      String channelDimension) {
    var spark = candidates.sparkSession();
    return new Result(
        spark.createDataFrame(java.util.List.of(), dev.wellspring.schema.Tables.CREDITS_SCHEMA),
        spark.createDataFrame(
            java.util.List.of(), dev.wellspring.schema.Tables.ATTRIBUTION_CHANNELS_SCHEMA));
  }
}
