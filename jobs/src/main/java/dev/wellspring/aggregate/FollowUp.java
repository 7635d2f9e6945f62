package dev.wellspring.aggregate;

import static dev.wellspring.aggregate.Efficiency.seq;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.schema.Tables;
import dev.wellspring.vocabulary.TouchClass;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * follow_up: whom each owner should get back to (issue 21, "Per person").
 *
 * <ul>
 *   <li>An owner's active goals: those active on some day of the report's current period (starts_on
 *       <= run date and ends_on >= the period's first day, {@link PeriodComparison#periods}), so a
 *       goal that ended last week still has its list in a quarterly report.
 *   <li>A goal's converting paths: the attributed outcomes with at least one candidate touchpoint
 *       DIRECTED to the goal (the outcomes goal_scorecard counts, on target or serendipitous).
 *   <li>The contacts on them: the contact_id of every candidate touchpoint of those outcomes.
 *   <li>Last touch: the UTC date of the owner's latest activity with that contact_id (any class);
 *       days_since_touch = run date - that date. A row when it is {@value #DAYS} days or more.
 *   <li>contact_name: the contact's full_name under {@code names: full}, its initials ("Ana
 *       Pereira" -> "A.P.", words split at spaces, dots, underscores and hyphens) under {@code
 *       initials}, empty under {@code none} (and for a contact not in contacts).
 *   <li>Under {@code names: none} a goal_id that carries a person's first name is left empty: one
 *       of its letter runs equals, ignoring case, the first word (two letters or more) of a
 *       contact's full_name or of an owner.
 * </ul>
 *
 * One row per (owner, goal, contact): a contact on the paths of two goals is listed under each.
 */
public final class FollowUp {
  /** A contact is due for follow-up after this many days without a touch. */
  public static final int DAYS = 60;

  private static final String WORD_SEPARATORS = "[\\s._-]+";

  private FollowUp() {}

  /**
   * @param goals rows in {@link Tables#GOALS_SCHEMA}
   * @param touchpoints rows in {@link Tables#TOUCHPOINTS_SCHEMA}
   * @param credits rows in {@link Tables#CREDITS_SCHEMA}
   * @param contacts rows in {@link Tables#CONTACTS_SCHEMA}
   * @param periodDays the report period's length (report_period_days)
   * @param names full, initials or none
   * @return rows in {@link Tables#FOLLOW_UP_SCHEMA}
   */
  public static Dataset<Row> followUp(
      Dataset<Row> goals,
      Dataset<Row> touchpoints,
      Dataset<Row> credits,
      Dataset<Row> contacts,
      LocalDate runDate,
      int periodDays,
      String names) {
    Column today = lit(runDate);
    LocalDate periodStart = PeriodComparison.periods(runDate, periodDays).get(0).start();
    Dataset<Row> active =
        goals
            .where(col("starts_on").leq(today).and(col("ends_on").geq(lit(periodStart))))
            .select("goal_id", "owner");
    Dataset<Row> pathOutcomes =
        credits
            .where(
                col("class")
                    .equalTo(TouchClass.DIRECTED.wireName())
                    .and(col("directed_goal_id").isNotNull()))
            .select(col("directed_goal_id").as("goal_id"), col("outcome_id"))
            .distinct()
            .join(active, seq("goal_id"));
    Dataset<Row> pathContacts =
        credits
            .where(col("contact_id").isNotNull())
            .select("outcome_id", "contact_id")
            .distinct()
            .join(pathOutcomes, seq("outcome_id"))
            .select("owner", "goal_id", "contact_id")
            .distinct();
    Dataset<Row> lastTouch =
        touchpoints
            .where(col("contact_id").isNotNull())
            .withColumn(
                "day",
                date_from_unix_date(
                    floor(unix_seconds(col("occurred_at")).divide(86_400)).cast("int")))
            .groupBy("owner", "contact_id")
            .agg(max("day").as("last_touch_on"));
    Dataset<Row> due =
        pathContacts
            .join(lastTouch, seq("owner", "contact_id"))
            .withColumn("days_since_touch", datediff(today, col("last_touch_on")))
            .where(col("days_since_touch").geq(DAYS))
            .join(contacts.select(col("contact_id"), col("full_name")), seq("contact_id"), "left");
    Column name =
        switch (names) {
          case "full" -> col("full_name");
          case "initials" -> initials(col("full_name"));
          case "none" -> lit(null).cast("string");
          default ->
              throw new IllegalArgumentException("names must be full, initials or none: " + names);
        };
    Column goalId = col("goal_id");
    if (names.equals("none")) {
      Set<String> hidden = goalIdsWithFirstNames(active, contacts);
      goalId =
          when(col("goal_id").isin(hidden.toArray()), lit(null).cast("string")).otherwise(goalId);
    }
    return Tables.conform(
        due.withColumn("contact_name", name).withColumn("goal_id", goalId),
        Tables.FOLLOW_UP_SCHEMA);
  }

  /** "Ana Pereira" -> "A.P.": the first letter of each word, upper case, each with a dot. */
  static Column initials(Column fullName) {
    Column words = regexp_replace(trim(fullName), "^" + WORD_SEPARATORS, "");
    return when(
        fullName.isNotNull().and(words.notEqual("")),
        upper(regexp_replace(words, "([^\\s._-])[^\\s._-]*(" + WORD_SEPARATORS + ")?", "$1.")));
  }

  /** The active goals' ids one of whose letter runs is a contact's or an owner's first name. */
  static Set<String> goalIdsWithFirstNames(Dataset<Row> goals, Dataset<Row> contacts) {
    Column contactFirst = lower(regexp_extract(col("full_name"), "^[\\s._-]*([^\\s._-]+)", 1));
    Column ownerFirst = lower(regexp_extract(col("owner"), "^[\\s._-]*([^\\s._@-]+)", 1));
    List<String> firstNames =
        contacts
            .select(contactFirst.as("n"))
            .union(goals.select(ownerFirst.as("n")))
            .distinct()
            .as(Encoders.STRING())
            .collectAsList();
    Set<String> first = new HashSet<>();
    for (String n : firstNames) {
      if (n != null && n.codePointCount(0, n.length()) >= 2) {
        first.add(n);
      }
    }
    Set<String> hidden = new HashSet<>();
    for (String id : goals.select("goal_id").distinct().as(Encoders.STRING()).collectAsList()) {
      for (String run : id.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
        if (first.contains(run)) {
          hidden.add(id);
          break;
        }
      }
    }
    return hidden;
  }
}
