package dev.wellspring.schema;

import static dev.wellspring.schema.Tables.f;
import static dev.wellspring.schema.Tables.schema;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.StructType;

/**
 * Shapes only the tests write down: the candidates as one conformed frame and the credits in long
 * form. Production keeps both inside the attribute stage and never materialises them.
 */
public final class TestTables {
  private TestTables() {}

  /** credits in long form: one row per (outcome, candidate touchpoint, model). */
  public static final StructType CREDITS_LONG_SCHEMA =
      schema(
          f("outcome_id", StringType, false),
          f("activity_id", StringType, false),
          f("model", StringType, false),
          f("weight", DoubleType, false),
          f("credited_value", DoubleType, false));

  /**
   * candidates (computed inside the attribute stage, not a published table): one row per
   * (attributed outcome, candidate touchpoint). position is 1..n in (occurred_at, activity_id)
   * order; days_before = (outcome_at - occurred_at) in fractional days (86,400 s a day). class,
   * type, channel, goal_category and contact_id are the touchpoint's.
   */
  public static final StructType CANDIDATES_SCHEMA =
      schema(
          f("outcome_id", StringType, false),
          f("owner", StringType, false),
          f("outcome_type", StringType, false),
          f("outcome_value", DoubleType, false),
          f("outcome_at", TimestampType, false),
          f("activity_id", StringType, false),
          f("occurred_at", TimestampType, false),
          f("position", IntegerType, false),
          f("n", IntegerType, false),
          f("days_before", DoubleType, false),
          f("class", StringType, false),
          f("type", StringType, false),
          f("channel", StringType),
          f("goal_category", StringType),
          f("directed_goal_id", StringType),
          f("contact_id", StringType),
          f("month", StringType, false));
}
