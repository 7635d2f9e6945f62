package dev.wellspring.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import dev.wellspring.vocabulary.AttributionModel;
import dev.wellspring.vocabulary.Columns;
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
          f(Columns.CONTACT_ID, StringType, false),
          f(Columns.FULL_NAME, StringType, false),
          f(Columns.COMPANY, StringType),
          f(Columns.TITLE, StringType),
          f(Columns.LOCATION, StringType),
          f(Columns.SOURCE, StringType),
          f(Columns.RELATIONSHIP, StringType, false),
          f(Columns.FIRST_MET_ON, DateType),
          f(Columns.SOURCE_FILE, StringType, false),
          f(Columns.LINE, LongType, false));

  /**
   * activities: one row per activity in scope (not after the run date). duration_minutes is the
   * effective duration: the file's value, or the per-type default when the file left it empty.
   */
  public static final StructType ACTIVITIES_SCHEMA =
      schema(
          f(Columns.ACTIVITY_ID, StringType, false),
          f(Columns.OWNER, StringType, false),
          f(Columns.OCCURRED_AT, TimestampType, false),
          f(Columns.TYPE, StringType, false),
          f(Columns.CONTACT_ID, StringType),
          f(Columns.DURATION_MINUTES, DoubleType, false),
          f(Columns.COST, DoubleType, false),
          f(Columns.GOAL_ID, StringType),
          f(Columns.CONTEXT, StringType),
          f(Columns.INTRODUCED_CONTACT_ID, StringType),
          f(Columns.CHANNEL, StringType),
          f(Columns.NOTES, StringType),
          f(Columns.SOURCE_FILE, StringType, false),
          f(Columns.LINE, LongType, false));

  /**
   * goals: one row per goal in scope (not starting after the run date). target_unit is what
   * target_value counts: outcomes (the default) or value; null only in tables written before it
   * existed, read as outcomes.
   */
  public static final StructType GOALS_SCHEMA =
      schema(
          f(Columns.GOAL_ID, StringType, false),
          f(Columns.OWNER, StringType, false),
          f(Columns.CATEGORY, StringType, false),
          f(Columns.TITLE, StringType),
          f(Columns.TARGET_VALUE, DoubleType),
          f(Columns.TARGET_CHANNEL, StringType),
          f(Columns.STARTS_ON, DateType, false),
          f(Columns.ENDS_ON, DateType, false),
          f(Columns.TARGET_UNIT, StringType),
          f(Columns.SOURCE_FILE, StringType, false),
          f(Columns.LINE, LongType, false));

  /** outcomes: one row per outcome in scope. value is 1 when the file left it empty. */
  public static final StructType OUTCOMES_SCHEMA =
      schema(
          f(Columns.OUTCOME_ID, StringType, false),
          f(Columns.OWNER, StringType, false),
          f(Columns.OCCURRED_AT, TimestampType, false),
          f(Columns.TYPE, StringType, false),
          f(Columns.VALUE, DoubleType, false),
          f(Columns.CONTACT_ID, StringType),
          f(Columns.GOAL_ID, StringType),
          f(Columns.CHANNEL, StringType),
          f(Columns.NOTES, StringType),
          f(Columns.SOURCE_FILE, StringType, false),
          f(Columns.LINE, LongType, false));

  /**
   * touchpoints: every activity in scope with its class. directed_goal_id is the goal a DIRECTED
   * activity counts for; direction is "explicit" (rule 1) or "inferred" (rule 3), null otherwise;
   * goal_link_invalid is true when goal_id was set but failed rule 1. relationship is the contact's
   * relationship ("other" for no or unknown contact). month is YYYY-MM of occurred_at in UTC; hours
   * = duration_minutes / 60. goal_category is the directed goal's category.
   */
  public static final StructType TOUCHPOINTS_SCHEMA =
      schema(
          f(Columns.ACTIVITY_ID, StringType, false),
          f(Columns.OWNER, StringType, false),
          f(Columns.OCCURRED_AT, TimestampType, false),
          f(Columns.TYPE, StringType, false),
          f(Columns.CONTACT_ID, StringType),
          f(Columns.DURATION_MINUTES, DoubleType, false),
          f(Columns.HOURS, DoubleType, false),
          f(Columns.COST, DoubleType, false),
          f(Columns.GOAL_ID, StringType),
          f(Columns.CONTEXT, StringType),
          f(Columns.INTRODUCED_CONTACT_ID, StringType),
          f(Columns.CHANNEL, StringType),
          f(Columns.RELATIONSHIP, StringType, false),
          f(Columns.CLASS, StringType, false),
          f(Columns.DIRECTED_GOAL_ID, StringType),
          f(Columns.GOAL_CATEGORY, StringType),
          f(Columns.DIRECTION, StringType),
          f(Columns.GOAL_LINK_INVALID, BooleanType, false),
          f(Columns.MONTH, StringType, false));

  /**
   * The attribution models in the order of their weight columns in {@link #CREDITS_SCHEMA}: the
   * five rule-based ones, then the two data-driven ones.
   */
  public static final java.util.List<String> MODELS = AttributionModel.wireNames();

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
          f(Columns.OUTCOME_ID, StringType, false),
          f(Columns.ACTIVITY_ID, StringType, false),
          f(Columns.OWNER, StringType, false),
          f(Columns.CONTACT_ID, StringType),
          f(Columns.CLASS, StringType, false),
          f(Columns.MONTH, StringType, false),
          f(Columns.DIRECTED_GOAL_ID, StringType),
          f(Columns.OUTCOME_TYPE, StringType, false),
          f(Columns.OUTCOME_VALUE, DoubleType, false),
          f(Columns.POSITION, IntegerType, false),
          f(Columns.N, IntegerType, false),
          f(AttributionModel.FIRST_TOUCH.wireName(), DoubleType, false),
          f(AttributionModel.LAST_TOUCH.wireName(), DoubleType, false),
          f(AttributionModel.LINEAR.wireName(), DoubleType, false),
          f(AttributionModel.TIME_DECAY.wireName(), DoubleType, false),
          f(AttributionModel.POSITION_BASED.wireName(), DoubleType, false),
          f(AttributionModel.MARKOV.wireName(), DoubleType, false),
          f(AttributionModel.SHAPLEY.wireName(), DoubleType, false));

  /** unattributed outcomes with their reason (DESIGN.md "Precise rules"). */
  public static final StructType UNATTRIBUTED_SCHEMA =
      schema(
          f(Columns.OUTCOME_ID, StringType, false),
          f(Columns.OWNER, StringType, false),
          f(Columns.TYPE, StringType, false),
          f(Columns.VALUE, DoubleType, false),
          f(Columns.REASON, StringType, false));

  public static final StructType ATTRIBUTION_CHANNELS_SCHEMA =
      schema(
          f(Columns.MODEL, StringType, false),
          f(Columns.CHANNEL, StringType, false),
          f(Columns.SCORE, DoubleType, false),
          f(Columns.SHARE, DoubleType, false),
          f(Columns.CREDITED_VALUE, DoubleType, false));

  public static final StructType EFFECTIVENESS_SCHEMA =
      schema(
          f(Columns.OWNER, StringType, false),
          f(Columns.CLASS, StringType, false),
          f(Columns.MONTH, StringType, false),
          f(Columns.MODEL, StringType, false),
          f(Columns.ACTIVITIES, LongType, false),
          f(Columns.HOURS, DoubleType, false),
          f(Columns.COST, DoubleType, false),
          f(Columns.CREDITED_OUTCOMES, DoubleType, false),
          f(Columns.CREDITED_VALUE, DoubleType, false),
          f(Columns.VALUE_PER_HOUR, DoubleType),
          f(Columns.OUTCOMES_PER_HOUR, DoubleType));

  public static final StructType MODEL_COMPARISON_SCHEMA =
      schema(
          f(Columns.MODEL, StringType, false),
          f(Columns.CLASS, StringType, false),
          f(Columns.CREDITED_VALUE, DoubleType, false),
          f(Columns.SHARE, DoubleType));

  public static final StructType LIFT_SCHEMA =
      schema(
          f(Columns.MODEL, StringType, false),
          f(Columns.LIFT, DoubleType),
          f(Columns.CI_LOW, DoubleType),
          f(Columns.CI_HIGH, DoubleType),
          f(Columns.DIRECTED_VALUE_PER_HOUR, DoubleType),
          f(Columns.UNDIRECTED_VALUE_PER_HOUR, DoubleType));

  public static final StructType GOAL_SCORECARD_SCHEMA =
      schema(
          f(Columns.GOAL_ID, StringType, false),
          f(Columns.OWNER, StringType, false),
          f(Columns.CATEGORY, StringType, false),
          f(Columns.HOURS, DoubleType, false),
          f(Columns.ON_TARGET_OUTCOMES, LongType, false),
          f(Columns.ON_TARGET_VALUE, DoubleType, false),
          f(Columns.SERENDIPITOUS_OUTCOMES, LongType, false),
          f(Columns.TARGET_VALUE, DoubleType),
          f(Columns.DROUGHT, BooleanType, false),
          f(Columns.TITLE, StringType),
          f(Columns.TARGET_UNIT, StringType, false),
          f(Columns.PROGRESS, DoubleType),
          f(Columns.STATUS, StringType, false));

  public static final StructType WELL_BUILDING_SCHEMA =
      schema(
          f(Columns.OWNER, StringType, false),
          f(Columns.CLASS, StringType, false),
          f(Columns.MONTH, StringType, false),
          f(Columns.NEW_RELATIONSHIPS, LongType, false),
          f(Columns.STRENGTHENED_RELATIONSHIPS, LongType, false),
          f(Columns.INTROS_MADE, LongType, false),
          f(Columns.INTROS_RECEIVED, LongType, false));

  /**
   * period_comparison: per period (current, previous) and class, for the report model; lift, ci_low
   * and ci_high are the period's, repeated on each of its class rows
   * (dev.wellspring.aggregate.PeriodComparison).
   */
  public static final StructType PERIOD_COMPARISON_SCHEMA =
      schema(
          f(Columns.PERIOD, StringType, false),
          f(Columns.START, DateType, false),
          f(Columns.END, DateType, false),
          f(Columns.CLASS, StringType, false),
          f(Columns.HOURS, DoubleType, false),
          f(Columns.CREDITED_VALUE, DoubleType, false),
          f(Columns.VALUE_PER_HOUR, DoubleType),
          f(Columns.LIFT, DoubleType),
          f(Columns.CI_LOW, DoubleType),
          f(Columns.CI_HIGH, DoubleType));

  /**
   * follow_up: contacts on converting paths of an owner's active goals not touched by that owner
   * for 60 days or more (dev.wellspring.aggregate.FollowUp); contact_name as the configuration's
   * {@code names} allows.
   */
  public static final StructType FOLLOW_UP_SCHEMA =
      schema(
          f(Columns.OWNER, StringType, false),
          f(Columns.GOAL_ID, StringType),
          f(Columns.CONTACT_ID, StringType, false),
          f(Columns.CONTACT_NAME, StringType),
          f(Columns.LAST_TOUCH_ON, DateType, false),
          f(Columns.DAYS_SINCE_TOUCH, IntegerType, false));

  /** lift_history (an export only): the lift table of every run date up to this one. */
  public static final StructType LIFT_HISTORY_SCHEMA =
      schema(
          f(Columns.RUN_DATE, DateType, false),
          f(Columns.MODEL, StringType, false),
          f(Columns.LIFT, DoubleType),
          f(Columns.CI_LOW, DoubleType),
          f(Columns.CI_HIGH, DoubleType));

  /**
   * incrementality: one row per class (DESIGN.md "Incrementality"). hours are the panel's hours;
   * incremental_value, incremental_value_per_hour and its 95% bootstrap interval (ci_low, ci_high)
   * come from the mix model and are null when {@code reason} says why there is no estimate;
   * attributed_value_per_hour is the report model's credited value per hour, for comparison.
   */
  public static final StructType INCREMENTALITY_SCHEMA =
      schema(
          f(Columns.CLASS, StringType, false),
          f(Columns.HOURS, DoubleType, false),
          f(Columns.INCREMENTAL_VALUE, DoubleType),
          f(Columns.INCREMENTAL_VALUE_PER_HOUR, DoubleType),
          f(Columns.CI_LOW, DoubleType),
          f(Columns.CI_HIGH, DoubleType),
          f(Columns.ATTRIBUTED_VALUE_PER_HOUR, DoubleType),
          f(Columns.REASON, StringType));

  /**
   * whatif: per owner, moving share_moved of the owner's average monthly UNDIRECTED hours to
   * move_to (DIRECTED or EMBEDDED): the expected change in monthly value with its 95% interval;
   * extrapolated when move_to's new monthly hours exceed the owner's largest month of it.
   */
  public static final StructType WHATIF_SCHEMA =
      schema(
          f(Columns.OWNER, StringType, false),
          f(Columns.MOVE_FROM, StringType, false),
          f(Columns.MOVE_TO, StringType, false),
          f(Columns.SHARE_MOVED, DoubleType, false),
          f(Columns.HOURS_MOVED_PER_MONTH, DoubleType, false),
          f(Columns.VALUE_CHANGE_PER_MONTH, DoubleType),
          f(Columns.CI_LOW, DoubleType),
          f(Columns.CI_HIGH, DoubleType),
          f(Columns.EXTRAPOLATED, BooleanType, false));

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
          f(Columns.SOURCE_FILE, StringType, false),
          f(Columns.LINE, LongType, false),
          f(Columns.SOURCE_CONTACT_ID, StringType, false),
          f(Columns.MATCHED_KEY_TYPE, StringType, false),
          f(Columns.CONTACT_ID, StringType, false));

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
