package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.WellspringException;
import dev.wellspring.classify.Classification;
import dev.wellspring.schema.Tables;
import dev.wellspring.vocabulary.ActivityType;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Selects the candidate touchpoints of every outcome (DESIGN.md "Attribution" and "Precise rules /
 * Classification and attribution").
 *
 * <p>A candidate has the outcome's owner and lies in {@code [outcome_at - lookback, outcome_at]}
 * (both ends inclusive, a day is 86,400 s). An outcome with a contact takes the activities with
 * that contact plus the intro activities introducing it (an activity matching both counts once),
 * and never falls back to its goal; an outcome with only a goal takes the owner's activities
 * DIRECTED to that goal. Everything is one equi-join on a link key, so there is no per-outcome work
 * on the driver.
 */
public final class Candidates {
  public static final String NO_CONTACT_OR_GOAL = "no_contact_or_goal";
  public static final String NO_TOUCHPOINT_WITH_CONTACT = "no_touchpoint_with_contact_in_lookback";
  public static final String NO_DIRECTED_TOUCHPOINT_FOR_GOAL =
      "no_directed_touchpoint_for_goal_in_lookback";

  private static final long MICROS_PER_DAY = 86_400L * 1_000_000L;
  private static final double MICROS_PER_DAY_D = MICROS_PER_DAY;

  private Candidates() {}

  /**
   * @param narrow one row per (attributed outcome, candidate touchpoint): outcome_id,
   *     outcome_value, activity_id, occurred_at, position (1..n in (occurred_at, activity_id)
   *     order), n, days_before (fractional days, 86,400 s a day) and the touchpoint's class, type,
   *     channel, goal_category, directed_goal_id, contact_id and month; {@link #withOutcomeColumns}
   *     adds the outcome's owner, outcome_type and outcome_at. Partitioned by outcome and in path
   *     order ({@link #wholeOutcome}).
   * @param unattributed rows in {@link Tables#UNATTRIBUTED_SCHEMA}, one per outcome without any
   *     candidate
   * @param outcomes the outcomes the candidates were selected for
   */
  public record Selection(Dataset<Row> narrow, Dataset<Row> unattributed, Dataset<Row> outcomes) {
    /**
     * {@code rows} (with outcome_id, e.g. the narrow candidates with weight columns) plus the
     * outcome's owner, outcome_type and outcome_at, looked up by outcome_id (the outcomes are a
     * broadcast-sized table, so the candidate rows are not moved for it).
     */
    public Dataset<Row> withOutcomeColumns(Dataset<Row> rows) {
      Dataset<Row> byId =
          outcomes.select(
              col("outcome_id").as("w_outcome_id"),
              col("owner").as("w_owner"),
              col("type").as("outcome_type"),
              col("occurred_at").as("outcome_at"));
      return rows.join(byId, col("outcome_id").equalTo(col("w_outcome_id")))
          .drop("w_outcome_id")
          .withColumnRenamed("w_owner", "owner");
    }
  }

  /**
   * @param touchpoints rows in {@link Tables#TOUCHPOINTS_SCHEMA} (activity ids unique)
   * @param outcomes rows in {@link Tables#OUTCOMES_SCHEMA} (outcome ids unique)
   * @param lookbackDays the window length in days, >= 0
   */
  public static Selection select(
      Dataset<Row> touchpoints, Dataset<Row> outcomes, int lookbackDays) {
    return select(touchpoints, outcomes, lookbackDays, null);
  }

  /**
   * {@link #select(Dataset, Dataset, int)} for the data-driven models of one channel dimension: the
   * narrow rows carry the candidate's channel under it as {@link Paths#PATH_CHANNEL} instead of
   * type, channel and goal_category, so the candidates shuffled, sorted and cached are three string
   * columns narrower ({@link Selection#candidates} then needs the three-argument form).
   *
   * @param channelDimension a dimension of {@link Paths#DIMENSIONS}, or null for the three columns
   * @throws WellspringException (exit 2) for an unknown dimension
   */
  public static Selection select(
      Dataset<Row> touchpoints, Dataset<Row> outcomes, int lookbackDays, String channelDimension) {
    if (lookbackDays < 0) {
      throw WellspringException.unusable(
          "attribute", "lookback_days must be >= 0, got " + lookbackDays);
    }
    Dataset<Row> links = touchpointLinks(touchpoints).alias("t");
    Dataset<Row> keyed =
        outcomes
            .select(
                col("outcome_id"),
                col("owner").as("o_owner"),
                col("value").as("outcome_value"),
                col("occurred_at").as("outcome_at"),
                when(col("contact_id").isNotNull(), lit("contact"))
                    .when(col("goal_id").isNotNull(), lit("goal"))
                    .as("o_link_kind"),
                when(col("contact_id").isNotNull(), col("contact_id"))
                    .otherwise(col("goal_id"))
                    .as("o_link_key"))
            .alias("o");

    Column gapMicros = unix_micros(col("outcome_at")).minus(unix_micros(col("t.occurred_at")));
    Dataset<Row> matched =
        keyed.join(
            links,
            col("o_owner")
                .equalTo(col("t.owner"))
                .and(col("o_link_kind").equalTo(col("link_kind")))
                .and(col("o_link_key").equalTo(col("link_key")))
                .and(gapMicros.between(0L, lookbackDays * MICROS_PER_DAY)));

    WindowSpec ordered =
        Window.partitionBy(col("outcome_id")).orderBy(col("t.occurred_at"), col("t.activity_id"));
    // n over the same partition and order as position (the whole frame): one window operator
    // computes both, so the rows are copied once rather than once per window.
    WindowSpec whole = wholeOutcomeOf(col("t.occurred_at"), col("t.activity_id"));
    // Narrow: every byte of a candidate row is shuffled, sorted and cached 20 M times at 10 M
    // activities, so the outcome's owner, type and time are added back only where they are
    // written (Selection.withOutcomeColumns).
    Column daysBefore = gapMicros.cast(DataTypes.DoubleType).divide(MICROS_PER_DAY_D);
    List<Column> columns =
        new ArrayList<>(
            List.of(
                col("outcome_id"),
                col("outcome_value"),
                col("t.activity_id").as("activity_id"),
                col("t.occurred_at").as("occurred_at"),
                row_number().over(ordered).as("position"),
                count(lit(1)).over(whole).cast(DataTypes.IntegerType).as("n"),
                daysBefore.as("days_before"),
                // The outcome's smallest days_before, which time decay is measured from: the same
                // window operator as n, so the credits pass needs no window of its own for it.
                min(daysBefore).over(whole).as(RuleModels.MIN_DAYS_BEFORE),
                col("t.class").as("class")));
    if (channelDimension == null) {
      columns.add(col("t.type").as("type"));
      columns.add(col("t.channel").as("channel"));
      columns.add(col("t.goal_category").as("goal_category"));
    } else {
      // The matched rows' class, type, channel and goal_category are the touchpoint's (every
      // outcome column is renamed), so the dimension's expression reads them unqualified.
      columns.add(Paths.channelOf(channelDimension).as(Paths.PATH_CHANNEL));
    }
    columns.add(col("t.directed_goal_id").as("directed_goal_id"));
    columns.add(col("t.contact_id").as("contact_id"));
    columns.add(col("t.month").as("month"));
    Dataset<Row> narrow = matched.select(columns.toArray(Column[]::new));

    Dataset<Row> attributedIds = narrow.select(col("outcome_id").as("c_outcome_id")).distinct();
    Dataset<Row> unattributed =
        outcomes
            .join(attributedIds, col("outcome_id").equalTo(col("c_outcome_id")), "left_anti")
            .select(
                col("outcome_id"),
                col("owner"),
                col("type"),
                col("value"),
                when(col("contact_id").isNotNull(), lit(NO_TOUCHPOINT_WITH_CONTACT))
                    .when(col("goal_id").isNotNull(), lit(NO_DIRECTED_TOUCHPOINT_FOR_GOAL))
                    .otherwise(lit(NO_CONTACT_OR_GOAL))
                    .as("reason"));
    return new Selection(narrow, unattributed, outcomes);
  }

  /**
   * All of an outcome's candidates as one window frame, in path order: (occurred_at, activity_id),
   * the order of {@code position}. The candidates come out of {@link #select} already partitioned
   * by outcome and sorted in this order, so a window over this spec sorts nothing again, and every
   * per-outcome sum (rule-based and data-driven) is added up in the same, partition-independent
   * order.
   */
  public static WindowSpec wholeOutcome() {
    return wholeOutcomeOf(col("occurred_at"), col("activity_id"));
  }

  private static WindowSpec wholeOutcomeOf(Column occurredAt, Column activityId) {
    return Window.partitionBy(col("outcome_id"))
        .orderBy(occurredAt, activityId)
        .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
  }

  /**
   * Every way a touchpoint can be a candidate, as (link_kind, link_key) rows beside its columns:
   * ("contact", contact_id); ("contact", introduced_contact_id) for an intro that introduces
   * someone other than its own contact, so an activity matching both counts once; and ("goal",
   * directed_goal_id) for a DIRECTED touchpoint.
   */
  private static Dataset<Row> touchpointLinks(Dataset<Row> touchpoints) {
    // One scan of the touchpoints and an explode of each one's (at most three) links, rather than
    // a union of three filtered scans.
    Column byContact =
        when(
            col("contact_id").isNotNull(),
            struct(lit("contact").as("link_kind"), col("contact_id").as("link_key")));
    Column byIntro =
        when(
            col("type")
                .isin(ActivityType.INTRO_RECEIVED.wireName(), ActivityType.INTRO_MADE.wireName())
                .and(col("introduced_contact_id").isNotNull())
                .and(
                    col("contact_id")
                        .isNull()
                        .or(col("contact_id").notEqual(col("introduced_contact_id")))),
            struct(lit("contact").as("link_kind"), col("introduced_contact_id").as("link_key")));
    Column byGoal =
        when(
            col("class").equalTo(Classification.DIRECTED).and(col("directed_goal_id").isNotNull()),
            struct(lit("goal").as("link_kind"), col("directed_goal_id").as("link_key")));
    return touchpoints
        .select(
            col("*"),
            explode(filter(array(byContact, byIntro, byGoal), l -> l.isNotNull())).as("link"))
        .select(
            col("*"), col("link.link_kind").as("link_kind"), col("link.link_key").as("link_key"))
        .drop("link");
  }
}
