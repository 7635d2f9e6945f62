package dev.wellspring.classify;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.schema.Tables;
import dev.wellspring.vocabulary.Relationship;
import dev.wellspring.vocabulary.TouchClass;
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
  public static final String DIRECTED = TouchClass.DIRECTED.wireName();
  public static final String EMBEDDED = TouchClass.EMBEDDED.wireName();
  public static final String UNDIRECTED = TouchClass.UNDIRECTED.wireName();
  public static final String EXPLICIT = "explicit";
  public static final String INFERRED = "inferred";

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

    // Rule 3 without a per-activity aggregation: the dates on which an owner has exactly one
    // active goal of a category are a few intervals per (owner, category), computed from the goals
    // (a small table), so each activity finds its inferred goal by one broadcast lookup and no
    // activity is shuffled.
    Dataset<Row> sole = broadcast(soleGoalIntervals(goals));
    Column mappedCategory = inferredCategory(inferenceMap);
    Dataset<Row> joined =
        withExplicit.join(
            sole,
            col("a.owner")
                .equalTo(col("i_owner"))
                .and(mappedCategory.equalTo(col("i_category")))
                .and(col("i_from_day").leq(col("a.utc_day")))
                .and(col("a.utc_day").leq(col("i_to_day"))),
            "left");

    Column explicit = col("x_goal_id").isNotNull();
    Column embedded =
        col("a.context")
            .isin("business", "speaking")
            .or(col("relationship").equalTo(Relationship.CUSTOMER.wireName()));
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
    return activities
        .withColumn("utc_day", floor(unix_seconds(col("occurred_at")).divide(86_400)).cast("int"))
        .withColumn("utc_date", date_from_unix_date(col("utc_day")));
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
   * The category rule 3 looks for: the inference map's category of the activity's relationship, for
   * an activity with a contact; null otherwise (no inference).
   */
  static Column inferredCategory(Map<String, String> inferenceMap) {
    Column chain = null;
    for (Map.Entry<String, String> e : new TreeMap<>(inferenceMap).entrySet()) {
      Column is = col("relationship").equalTo(lit(e.getKey()));
      chain = chain == null ? when(is, lit(e.getValue())) : chain.when(is, lit(e.getValue()));
    }
    if (chain == null) {
      return lit(null).cast(DataTypes.StringType);
    }
    return when(col("a.contact_id").isNotNull(), chain);
  }

  /**
   * Per (owner, category), the maximal runs of days on which exactly one goal of that owner and
   * category is active (starts_on <= day <= ends_on), with that goal: rows (i_owner, i_category,
   * i_from_day, i_to_day, i_goal_id), days as days since 1970-01-01, runs disjoint within a key.
   * Goals are a small table (a few per owner), so they are collected and the runs computed here;
   * the result has fewer rows than there are goals' start and end dates.
   */
  static Dataset<Row> soleGoalIntervals(Dataset<Row> goals) {
    Map<String, List<long[]>> byKey = new TreeMap<>();
    Map<String, String[]> keyParts = new TreeMap<>();
    List<String> ids = new ArrayList<>();
    for (Row g :
        goals
            .select(
                col("goal_id"),
                col("owner"),
                col("category"),
                unix_date(col("starts_on")).as("s"),
                unix_date(col("ends_on")).as("e"))
            .orderBy("goal_id")
            .collectAsList()) {
      String key = g.getString(1) + "\u0000" + g.getString(2);
      keyParts.putIfAbsent(key, new String[] {g.getString(1), g.getString(2)});
      ids.add(g.getString(0));
      byKey
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(new long[] {g.getInt(3), g.getInt(4), ids.size() - 1});
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<long[]>> e : byKey.entrySet()) {
      String[] parts = keyParts.get(e.getKey());
      List<long[]> spans = e.getValue();
      // Every day where the set of active goals can change: a start, or the day after an end.
      java.util.TreeSet<Long> cuts = new java.util.TreeSet<>();
      for (long[] span : spans) {
        cuts.add(span[0]);
        cuts.add(span[1] + 1);
      }
      Long[] days = cuts.toArray(Long[]::new);
      int runGoal = -1;
      long runFrom = 0;
      long runTo = 0;
      for (int i = 0; i + 1 < days.length; i++) {
        long from = days[i];
        long to = days[i + 1] - 1;
        int active = 0;
        int goal = -1;
        for (long[] span : spans) {
          if (span[0] <= from && from <= span[1]) {
            active++;
            goal = (int) span[2];
          }
        }
        int sole = active == 1 ? goal : -1;
        if (sole >= 0 && sole == runGoal && from == runTo + 1) {
          runTo = to;
          continue;
        }
        if (runGoal >= 0) {
          rows.add(soleRow(parts, runFrom, runTo, ids.get(runGoal)));
        }
        runGoal = sole;
        runFrom = from;
        runTo = to;
      }
      if (runGoal >= 0) {
        rows.add(soleRow(parts, runFrom, runTo, ids.get(runGoal)));
      }
    }
    return goals.sparkSession().createDataFrame(rows, SOLE_SCHEMA);
  }

  private static final StructType SOLE_SCHEMA =
      new StructType()
          .add("i_owner", DataTypes.StringType, false)
          .add("i_category", DataTypes.StringType, false)
          .add("i_from_day", DataTypes.IntegerType, false)
          .add("i_to_day", DataTypes.IntegerType, false)
          .add("i_goal_id", DataTypes.StringType, false);

  private static Row soleRow(String[] parts, long from, long to, String goalId) {
    return RowFactory.create(
        parts[0], parts[1], Math.toIntExact(from), Math.toIntExact(to), goalId);
  }
}
