package dev.wellspring.classify;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.schema.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Classifies every activity as DIRECTED, EMBEDDED or UNDIRECTED (DESIGN.md "Classification"): the
 * first of these rules that matches wins.
 *
 * <ol>
 *   <li>DIRECTED, explicit: {@code goal_id} names a goal of the same owner active on the activity's
 *       UTC date ({@code starts_on <= date <= ends_on}). A goal_id that fails this is flagged
 *       {@code goal_link_invalid} and the remaining rules decide.
 *   <li>EMBEDDED: context is business or speaking, or the contact's relationship is customer.
 *   <li>DIRECTED, inferred: the owner has exactly one goal of category C active on that date and
 *       the relationship of {@code contact_id} maps to C in the inference map. An activity without
 *       a contact is never inferred.
 *   <li>UNDIRECTED: everything else.
 * </ol>
 */
public final class Classification {
  public static final String DIRECTED = "DIRECTED";
  public static final String EMBEDDED = "EMBEDDED";
  public static final String UNDIRECTED = "UNDIRECTED";
  public static final String EXPLICIT = "explicit";
  public static final String INFERRED = "inferred";

  private static final StructType INFERENCE_SCHEMA =
      new StructType()
          .add("map_relationship", DataTypes.StringType, false)
          .add("map_category", DataTypes.StringType, false);

  private Classification() {}

  /**
   * @param activities rows in {@link Tables#ACTIVITIES_SCHEMA} (activity ids unique)
   * @param goals rows in {@link Tables#GOALS_SCHEMA} (goal ids unique)
   * @param contacts rows in {@link Tables#CONTACTS_SCHEMA} (contact ids unique)
   * @param inferenceMap contact relationship -> goal category for rule 3
   * @return one row per activity in {@link Tables#TOUCHPOINTS_SCHEMA}, columns in schema order
   */
  public static Dataset<Row> classify(
      Dataset<Row> activities,
      Dataset<Row> goals,
      Dataset<Row> contacts,
      Map<String, String> inferenceMap) {
    Dataset<Row> withContext = withRelationship(withUtcDate(activities), contacts).alias("a");

    Dataset<Row> explicitGoals =
        goals.select(
            col("goal_id").as("x_goal_id"),
            col("owner").as("x_owner"),
            col("category").as("x_category"),
            col("starts_on").as("x_starts_on"),
            col("ends_on").as("x_ends_on"));
    // The join condition carries the whole of rule 1, so a row finds its goal only when the link
    // is valid; goal ids are unique, so no activity is duplicated.
    Dataset<Row> withExplicit =
        withContext.join(
            explicitGoals,
            col("a.goal_id")
                .equalTo(col("x_goal_id"))
                .and(col("a.owner").equalTo(col("x_owner")))
                .and(col("x_starts_on").leq(col("a.utc_date")))
                .and(col("a.utc_date").leq(col("x_ends_on"))),
            "left");

    Dataset<Row> joined =
        withExplicit.join(
            inferredGoals(withContext, goals, inferenceMap),
            col("a.activity_id").equalTo(col("i_activity_id")),
            "left");

    Column explicit = col("x_goal_id").isNotNull();
    Column embedded =
        col("a.context").isin("business", "speaking").or(col("relationship").equalTo("customer"));
    Column inferred = col("i_goal_id").isNotNull();

    Column cls =
        when(explicit, lit(DIRECTED))
            .when(embedded, lit(EMBEDDED))
            .when(inferred, lit(DIRECTED))
            .otherwise(lit(UNDIRECTED));
    Column direction =
        when(explicit, lit(EXPLICIT))
            .when(embedded, lit(null).cast(DataTypes.StringType))
            .when(inferred, lit(INFERRED));
    Column directedGoal =
        when(explicit, col("x_goal_id"))
            .when(embedded, lit(null).cast(DataTypes.StringType))
            .when(inferred, col("i_goal_id"));
    Column goalCategory =
        when(explicit, col("x_category"))
            .when(embedded, lit(null).cast(DataTypes.StringType))
            .when(inferred, col("i_category"));

    return joined.select(
        col("a.activity_id").as("activity_id"),
        col("a.owner").as("owner"),
        col("a.occurred_at").as("occurred_at"),
        col("a.type").as("type"),
        col("a.contact_id").as("contact_id"),
        col("a.duration_minutes").as("duration_minutes"),
        col("a.duration_minutes").divide(60.0).as("hours"),
        col("a.cost").as("cost"),
        col("a.goal_id").as("goal_id"),
        col("a.context").as("context"),
        col("a.introduced_contact_id").as("introduced_contact_id"),
        col("a.channel").as("channel"),
        col("relationship"),
        cls.as("class"),
        directedGoal.as("directed_goal_id"),
        goalCategory.as("goal_category"),
        direction.as("direction"),
        col("a.goal_id").isNotNull().and(col("x_goal_id").isNull()).as("goal_link_invalid"),
        date_format(col("utc_date"), "yyyy-MM").as("month"));
  }

  /**
   * Adds {@code utc_date}: the activity's date in UTC. Derived from epoch seconds rather than
   * {@code to_date}, so it does not depend on the session time zone.
   */
  static Dataset<Row> withUtcDate(Dataset<Row> activities) {
    return activities.withColumn(
        "utc_date",
        date_from_unix_date(floor(unix_seconds(col("occurred_at")).divide(86_400)).cast("int")));
  }

  /** Adds {@code relationship} of {@code contact_id}: "other" for no or an unknown contact. */
  private static Dataset<Row> withRelationship(Dataset<Row> activities, Dataset<Row> contacts) {
    Dataset<Row> rel =
        contacts.select(
            col("contact_id").as("c_contact_id"), col("relationship").as("c_relationship"));
    return activities
        .join(rel, activities.col("contact_id").equalTo(col("c_contact_id")), "left")
        .withColumn("relationship", coalesce(col("c_relationship"), lit("other")))
        .drop("c_contact_id", "c_relationship");
  }

  /**
   * Rule 3 candidates: per activity with a contact whose relationship maps to a category, the
   * owner's goal of that category active on the activity's date, kept only when there is exactly
   * one. Columns i_activity_id, i_goal_id, i_category.
   */
  private static Dataset<Row> inferredGoals(
      Dataset<Row> activities, Dataset<Row> goals, Map<String, String> inferenceMap) {
    List<Row> mapRows = new ArrayList<>();
    new TreeMap<>(inferenceMap).forEach((rel, cat) -> mapRows.add(RowFactory.create(rel, cat)));
    Dataset<Row> map = activities.sparkSession().createDataFrame(mapRows, INFERENCE_SCHEMA);

    Dataset<Row> mapped =
        activities
            .where(col("contact_id").isNotNull())
            .join(map, col("relationship").equalTo(col("map_relationship")))
            .select(
                col("activity_id").as("i_activity_id"),
                col("owner").as("m_owner"),
                col("utc_date").as("m_date"),
                col("map_category"));
    Dataset<Row> g =
        goals.select(
            col("goal_id").as("g_goal_id"),
            col("owner").as("g_owner"),
            col("category").as("g_category"),
            col("starts_on").as("g_starts_on"),
            col("ends_on").as("g_ends_on"));
    return mapped
        .join(
            g,
            col("m_owner")
                .equalTo(col("g_owner"))
                .and(col("map_category").equalTo(col("g_category")))
                .and(col("g_starts_on").leq(col("m_date")))
                .and(col("m_date").leq(col("g_ends_on"))))
        .groupBy(col("i_activity_id"))
        .agg(
            count(lit(1)).as("active_goals"),
            min(col("g_goal_id")).as("i_goal_id"),
            min(col("g_category")).as("i_category"))
        .where(col("active_goals").equalTo(1))
        .select(col("i_activity_id"), col("i_goal_id"), col("i_category"));
  }
}
