package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.WellspringException;
import dev.wellspring.schema.Tables;
import dev.wellspring.vocabulary.TouchClass;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The paths of the data-driven models (DESIGN.md "Attribution"), as one row per step.
 *
 * <p>A converting path is one attributed outcome's candidate touchpoints with the outcome's value.
 * A non-converting path is, per (owner, contact), the touchpoints with that contact_id dated
 * strictly after the last outcome of that owner with that contact (attributed or not), or all of
 * them when there is no such outcome; an empty one is no path. Paths of all owners are pooled.
 *
 * <p>Step columns: {@code converting} (boolean), {@code path_owner}, {@code path_key} (the
 * outcome_id of a converting path, the contact_id of a non-converting one; the three together
 * identify a path), {@code value} (the outcome value; 0 for a non-converting path), {@code
 * activity_id}, {@code occurred_at} and {@code channel} (never null). Steps of a path are ordered
 * by {@link #STEP_ORDER}.
 */
public final class Paths {
  private Paths() {}

  /** The channel dimensions a path can be built on. */
  public static final List<String> DIMENSIONS =
      List.of("class", "type", "channel", "goal_category");

  /** The columns that together identify one path. */
  public static final List<String> PATH_KEY = List.of("converting", "path_owner", "path_key");

  /** The time order of the steps within a path; ties break on activity_id. */
  public static final List<String> STEP_ORDER = List.of("occurred_at", "activity_id");

  /** The label of a touchpoint whose free-text channel is empty. */
  public static final String NO_CHANNEL = "(none)";

  /**
   * The channel of a touchpoint or candidate row (columns class, type, channel, goal_category)
   * under a dimension.
   *
   * @throws WellspringException (exit 2) for an unknown dimension
   */
  public static Column channelOf(String dimension) {
    return switch (dimension == null ? "" : dimension) {
      case "class" -> col("class");
      case "type" -> col("type");
      case "channel" -> coalesce(nullif(trim(col("channel")), lit("")), lit(NO_CHANNEL));
      // A DIRECTED touch always has a goal; the class fallback keeps the column total anyway.
      case "goal_category" ->
          when(
                  col("class").equalTo(TouchClass.DIRECTED.wireName()),
                  coalesce(col("goal_category"), col("class")))
              .otherwise(col("class"));
      default ->
          throw WellspringException.unusable(
              "attribute",
              "channel_dimension must be one of " + DIMENSIONS + ", got '" + dimension + "'");
    };
  }

  /**
   * The column in which candidate rows selected for one dimension carry their channel ({@link
   * Candidates#select(Dataset, Dataset, int, String)}), in place of type, channel and
   * goal_category.
   */
  public static final String PATH_CHANNEL = "path_channel";

  /**
   * The channel of the rows of {@code frame} under a dimension: its {@value #PATH_CHANNEL} column
   * when it has one (computed for that dimension), else {@link #channelOf}.
   *
   * @throws WellspringException (exit 2) for an unknown dimension
   */
  public static Column channelIn(Dataset<Row> frame, String dimension) {
    Column computed = channelOf(dimension);
    return Tables.hasColumn(frame, PATH_CHANNEL) ? col(PATH_CHANNEL) : computed;
  }

  /** The steps of the non-converting paths: at most one path per (owner, contact). */
  public static Dataset<Row> nonConverting(
      Dataset<Row> touchpoints, Dataset<Row> outcomes, String dimension) {
    Column channel = channelOf(dimension);
    Dataset<Row> lastOutcome =
        outcomes
            .where(col("contact_id").isNotNull())
            .groupBy(col("owner").as("o_owner"), col("contact_id").as("o_contact"))
            .agg(max("occurred_at").as("last_outcome_at"));
    Dataset<Row> touches = touchpoints.where(col("contact_id").isNotNull());
    return touches
        .join(
            lastOutcome,
            touches
                .col("owner")
                .equalTo(lastOutcome.col("o_owner"))
                .and(touches.col("contact_id").equalTo(lastOutcome.col("o_contact"))),
            "left")
        .where(col("last_outcome_at").isNull().or(col("occurred_at").gt(col("last_outcome_at"))))
        .select(
            lit(false).as("converting"),
            col("owner").as("path_owner"),
            col("contact_id").as("path_key"),
            lit(0.0).as("value"),
            col("activity_id"),
            col("occurred_at"),
            channel.as("channel"));
  }
}
