package dev.wellspring.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Schemas of the warehouse tables: the contract between the stages. Every table lives under {@code
 * warehouse/<name>/run_date=YYYY-MM-DD/} as Parquet. Enum values are lower case, classes upper case
 * (DIRECTED, EMBEDDED, UNDIRECTED). Timestamps are UTC instants. {@code source_file} and {@code
 * line} point back to the input record (line = physical line where it starts).
 */
public final class Tables {
  private Tables() {}

  public static final String CONTACTS = "contacts";
  public static final String ACTIVITIES = "activities";
  public static final String GOALS = "goals";
  public static final String OUTCOMES = "outcomes";
  public static final String TOUCHPOINTS = "touchpoints";
  public static final String CREDITS = "credits";
  public static final String UNATTRIBUTED = "unattributed";
  public static final String ATTRIBUTION_CHANNELS = "attribution_channels";
  public static final String EFFECTIVENESS = "effectiveness";
  public static final String MODEL_COMPARISON = "model_comparison";
  public static final String LIFT = "lift";
  public static final String GOAL_SCORECARD = "goal_scorecard";
  public static final String WELL_BUILDING = "well_building";
  public static final String CONTACT_IDENTITIES = "contact_identities";
  public static final String PERIOD_COMPARISON = "period_comparison";
  public static final String FOLLOW_UP = "follow_up";
  public static final String LIFT_HISTORY = "lift_history";
  public static final String INCREMENTALITY = "incrementality";
  public static final String WHATIF = "whatif";

  /** contacts: one row per contact id. relationship is never null ("other" when empty). */
  public static final StructType CONTACTS_SCHEMA =
      schema(
          f("contact_id", StringType, false),
          f("full_name", StringType, false),
          f("company", StringType),
          f("title", StringType),
          f("location", StringType),
          f("source", StringType),
          f("relationship", StringType, false),
          f("first_met_on", DateType),
          f("source_file", StringType, false),
          f("line", LongType, false));

  /**
   * activities: one row per activity in scope (not after the run date). duration_minutes is the
   * effective duration: the file's value, or the per-type default when the file left it empty.
   */
  public static final StructType ACTIVITIES_SCHEMA =
      schema(
          f("activity_id", StringType, false),
          f("owner", StringType, false),
          f("occurred_at", TimestampType, false),
          f("type", StringType, false),
          f("contact_id", StringType),
          f("duration_minutes", DoubleType, false),
          f("cost", DoubleType, false),
          f("goal_id", StringType),
          f("context", StringType),
          f("introduced_contact_id", StringType),
          f("channel", StringType),
          f("notes", StringType),
          f("source_file", StringType, false),
          f("line", LongType, false));

  /**
   * goals: one row per goal in scope (not starting after the run date). target_unit is what
   * target_value counts: outcomes (the default) or value; null only in tables written before it
   * existed, read as outcomes.
   */
  public static final StructType GOALS_SCHEMA =
      schema(
          f("goal_id", StringType, false),
          f("owner", StringType, false),
          f("category", StringType, false),
          f("title", StringType),
          f("target_value", DoubleType),
          f("target_channel", StringType),
          f("starts_on", DateType, false),
          f("ends_on", DateType, false),
          f("target_unit", StringType),
          f("source_file", StringType, false),
          f("line", LongType, false));

  /** outcomes: one row per outcome in scope. value is 1 when the file left it empty. */
  public static final StructType OUTCOMES_SCHEMA =
      schema(
          f("outcome_id", StringType, false),
          f("owner", StringType, false),
          f("occurred_at", TimestampType, false),
          f("type", StringType, false),
          f("value", DoubleType, false),
          f("contact_id", StringType),
          f("goal_id", StringType),
          f("channel", StringType),
          f("notes", StringType),
          f("source_file", StringType, false),
          f("line", LongType, false));

  /**
   * touchpoints: every activity in scope with its class. directed_goal_id is the goal a DIRECTED
   * activity counts for; direction is "explicit" (rule 1) or "inferred" (rule 3), null otherwise;
   * goal_link_invalid is true when goal_id was set but failed rule 1. relationship is the contact's
   * relationship ("other" for no or unknown contact). month is YYYY-MM of occurred_at in UTC; hours
   * = duration_minutes / 60. goal_category is the directed goal's category.
   */
  public static final StructType TOUCHPOINTS_SCHEMA =
      schema(
          f("activity_id", StringType, false),
          f("owner", StringType, false),
          f("occurred_at", TimestampType, false),
          f("type", StringType, false),
          f("contact_id", StringType),
          f("duration_minutes", DoubleType, false),
          f("hours", DoubleType, false),
          f("cost", DoubleType, false),
          f("goal_id", StringType),
          f("context", StringType),
          f("introduced_contact_id", StringType),
          f("channel", StringType),
          f("relationship", StringType, false),
          f("class", StringType, false),
          f("directed_goal_id", StringType),
          f("goal_category", StringType),
          f("direction", StringType),
          f("goal_link_invalid", BooleanType, false),
          f("month", StringType, false));

  /**
   * The attribution models in the order of their weight columns in {@link #CREDITS_SCHEMA}: the
   * five rule-based ones, then the two data-driven ones.
   */
  public static final java.util.List<String> MODELS =
      java.util.List.of(
          "first_touch",
          "last_touch",
          "linear",
          "time_decay",
          "position_based",
          "markov",
          "shapley");

  /**
   * credits: one row per (attributed outcome, candidate touchpoint), with the weight of the
   * touchpoint under every model as a column named after the model ({@link #MODELS}); under each
   * model the weights of an outcome sum to 1, and credited value = weight x outcome_value. The
   * touchpoint's owner, contact, class, month and directed goal and the outcome's type and value
   * sit beside the weights, so every aggregate is one pass over this table without a join. position
   * is 1..n in (occurred_at, activity_id) order.
   */
  public static final StructType CREDITS_SCHEMA =
      schema(
          f("outcome_id", StringType, false),
          f("activity_id", StringType, false),
          f("owner", StringType, false),
          f("contact_id", StringType),
          f("class", StringType, false),
          f("month", StringType, false),
          f("directed_goal_id", StringType),
          f("outcome_type", StringType, false),
          f("outcome_value", DoubleType, false),
          f("position", IntegerType, false),
          f("n", IntegerType, false),
          f("first_touch", DoubleType, false),
          f("last_touch", DoubleType, false),
          f("linear", DoubleType, false),
          f("time_decay", DoubleType, false),
          f("position_based", DoubleType, false),
          f("markov", DoubleType, false),
          f("shapley", DoubleType, false));

  /** unattributed outcomes with their reason (DESIGN.md "Precise rules"). */
  public static final StructType UNATTRIBUTED_SCHEMA =
      schema(
          f("outcome_id", StringType, false),
          f("owner", StringType, false),
          f("type", StringType, false),
          f("value", DoubleType, false),
          f("reason", StringType, false));

  public static final StructType ATTRIBUTION_CHANNELS_SCHEMA =
      schema(
          f("model", StringType, false),
          f("channel", StringType, false),
          f("score", DoubleType, false),
          f("share", DoubleType, false),
          f("credited_value", DoubleType, false));

  public static final StructType EFFECTIVENESS_SCHEMA =
      schema(
          f("owner", StringType, false),
          f("class", StringType, false),
          f("month", StringType, false),
          f("model", StringType, false),
          f("activities", LongType, false),
          f("hours", DoubleType, false),
          f("cost", DoubleType, false),
          f("credited_outcomes", DoubleType, false),
          f("credited_value", DoubleType, false),
          f("value_per_hour", DoubleType),
          f("outcomes_per_hour", DoubleType));

  public static final StructType MODEL_COMPARISON_SCHEMA =
      schema(
          f("model", StringType, false),
          f("class", StringType, false),
          f("credited_value", DoubleType, false),
          f("share", DoubleType));

  public static final StructType LIFT_SCHEMA =
      schema(
          f("model", StringType, false),
          f("lift", DoubleType),
          f("ci_low", DoubleType),
          f("ci_high", DoubleType),
          f("directed_value_per_hour", DoubleType),
          f("undirected_value_per_hour", DoubleType));

  public static final StructType GOAL_SCORECARD_SCHEMA =
      schema(
          f("goal_id", StringType, false),
          f("owner", StringType, false),
          f("category", StringType, false),
          f("hours", DoubleType, false),
          f("on_target_outcomes", LongType, false),
          f("on_target_value", DoubleType, false),
          f("serendipitous_outcomes", LongType, false),
          f("target_value", DoubleType),
          f("drought", BooleanType, false),
          f("title", StringType),
          f("target_unit", StringType, false),
          f("progress", DoubleType),
          f("status", StringType, false));

  public static final StructType WELL_BUILDING_SCHEMA =
      schema(
          f("owner", StringType, false),
          f("class", StringType, false),
          f("month", StringType, false),
          f("new_relationships", LongType, false),
          f("strengthened_relationships", LongType, false),
          f("intros_made", LongType, false),
          f("intros_received", LongType, false));

  /**
   * period_comparison: per period (current, previous) and class, for the report model; lift, ci_low
   * and ci_high are the period's, repeated on each of its class rows
   * (dev.wellspring.aggregate.PeriodComparison).
   */
  public static final StructType PERIOD_COMPARISON_SCHEMA =
      schema(
          f("period", StringType, false),
          f("start", DateType, false),
          f("end", DateType, false),
          f("class", StringType, false),
          f("hours", DoubleType, false),
          f("credited_value", DoubleType, false),
          f("value_per_hour", DoubleType),
          f("lift", DoubleType),
          f("ci_low", DoubleType),
          f("ci_high", DoubleType));

  /**
   * follow_up: contacts on converting paths of an owner's active goals not touched by that owner
   * for 60 days or more (dev.wellspring.aggregate.FollowUp); contact_name as the configuration's
   * {@code names} allows.
   */
  public static final StructType FOLLOW_UP_SCHEMA =
      schema(
          f("owner", StringType, false),
          f("goal_id", StringType),
          f("contact_id", StringType, false),
          f("contact_name", StringType),
          f("last_touch_on", DateType, false),
          f("days_since_touch", IntegerType, false));

  /** lift_history (an export only): the lift table of every run date up to this one. */
  public static final StructType LIFT_HISTORY_SCHEMA =
      schema(
          f("run_date", DateType, false),
          f("model", StringType, false),
          f("lift", DoubleType),
          f("ci_low", DoubleType),
          f("ci_high", DoubleType));

  /**
   * incrementality: one row per class (DESIGN.md "Incrementality"). hours are the panel's hours;
   * incremental_value, incremental_value_per_hour and its 95% bootstrap interval (ci_low, ci_high)
   * come from the mix model and are null when {@code reason} says why there is no estimate;
   * attributed_value_per_hour is the report model's credited value per hour, for comparison.
   */
  public static final StructType INCREMENTALITY_SCHEMA =
      schema(
          f("class", StringType, false),
          f("hours", DoubleType, false),
          f("incremental_value", DoubleType),
          f("incremental_value_per_hour", DoubleType),
          f("ci_low", DoubleType),
          f("ci_high", DoubleType),
          f("attributed_value_per_hour", DoubleType),
          f("reason", StringType));

  /**
   * whatif: per owner, moving share_moved of the owner's average monthly UNDIRECTED hours to
   * move_to (DIRECTED or EMBEDDED): the expected change in monthly value with its 95% interval;
   * extrapolated when move_to's new monthly hours exceed the owner's largest month of it.
   */
  public static final StructType WHATIF_SCHEMA =
      schema(
          f("owner", StringType, false),
          f("move_from", StringType, false),
          f("move_to", StringType, false),
          f("share_moved", DoubleType, false),
          f("hours_moved_per_month", DoubleType, false),
          f("value_change_per_month", DoubleType),
          f("ci_low", DoubleType),
          f("ci_high", DoubleType),
          f("extrapolated", BooleanType, false));

  /**
   * contact_identities: one row per source contact record (canonical or vendor) with the contact it
   * resolved to. source_contact_id is the record's own key (a canonical contact_id, or a vendor key
   * such as {@code linkedin:url:linkedin.com/in/jane-doe}); matched_key_type is the strongest key
   * it shares with another record of that contact: email, profile_url, name_company, name (a record
   * with only a name, merged with the one person of that name), or none. E-mail addresses are never
   * written.
   */
  public static final StructType CONTACT_IDENTITIES_SCHEMA =
      schema(
          f("source_file", StringType, false),
          f("line", LongType, false),
          f("source_contact_id", StringType, false),
          f("matched_key_type", StringType, false),
          f("contact_id", StringType, false));

  /**
   * The frame with exactly the schema's columns, in its order and cast to its types: what a table
   * of that schema receives.
   */
  public static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> conform(
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df, StructType schema) {
    return df.select(
        java.util.Arrays.stream(schema.fields())
            .map(x -> org.apache.spark.sql.functions.col(x.name()).cast(x.dataType()).as(x.name()))
            .toArray(org.apache.spark.sql.Column[]::new));
  }

  /** Whether the frame has a column of that name. */
  public static boolean hasColumn(org.apache.spark.sql.Dataset<?> df, String column) {
    return java.util.Arrays.asList(df.columns()).contains(column);
  }

  static StructField f(String name, DataType type) {
    return new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty());
  }

  static StructField f(String name, DataType type, boolean nullable) {
    return new StructField(name, type, nullable, org.apache.spark.sql.types.Metadata.empty());
  }

  static StructType schema(StructField... fields) {
    return new StructType(fields);
  }
}
