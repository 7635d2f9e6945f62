package dev.wellspring.classify;

import static dev.wellspring.classify.Fixtures.activity;
import static dev.wellspring.classify.Fixtures.byKey;
import static dev.wellspring.classify.Fixtures.contact;
import static dev.wellspring.classify.Fixtures.df;
import static dev.wellspring.classify.Fixtures.goal;
import static dev.wellspring.classify.Fixtures.meeting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.schema.Tables;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class ClassificationTest {
  private static final Map<String, String> DEFAULT_MAP =
      Map.of("media", "publicity", "partner", "partners");

  /** Goals of ann: publicity g_pub (March), partners g_par (March), speaking g_old (January). */
  private static final List<Row> GOALS =
      List.of(
          goal("g_pub", "ann", "publicity", "2026-03-01", "2026-03-31"),
          goal("g_par", "ann", "partners", "2026-03-01", "2026-03-31"),
          goal("g_old", "ann", "speaking", "2026-01-01", "2026-01-31"),
          goal("g_bob", "bob", "speaking", "2026-01-01", "2026-12-31"));

  private static final List<Row> CONTACTS =
      List.of(
          contact("c_media", "media"),
          contact("c_partner", "partner"),
          contact("c_customer", "customer"),
          contact("c_peer", "peer"),
          contact("c_prospect", "prospect"));

  private static Map<String, Row> classify(List<Row> activities) {
    return classify(activities, GOALS, DEFAULT_MAP);
  }

  private static Map<String, Row> classify(
      List<Row> activities, List<Row> goals, Map<String, String> map) {
    Dataset<Row> out =
        Classification.classify(
            df(Tables.ACTIVITIES_SCHEMA, activities),
            df(Tables.GOALS_SCHEMA, goals),
            df(Tables.CONTACTS_SCHEMA, CONTACTS),
            map);
    Map<String, Row> rows = byKey(out, "activity_id");
    assertThat(rows).as("one touchpoint per activity").hasSize(activities.size());
    return rows;
  }

  /** class, direction, directed_goal_id, goal_category, goal_link_invalid of one touchpoint. */
  private static List<Object> verdict(Row r) {
    return Arrays.asList(
        r.getAs("class"),
        r.getAs("direction"),
        r.getAs("directed_goal_id"),
        r.getAs("goal_category"),
        r.getAs("goal_link_invalid"));
  }

  private static List<Object> v(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void writesExactlyTheTouchpointsSchemaInOrder() {
    Dataset<Row> out =
        Classification.classify(
            df(Tables.ACTIVITIES_SCHEMA, meeting("a1", "ann", "2026-03-05T10:00:00Z", "c_peer")),
            df(Tables.GOALS_SCHEMA, GOALS),
            df(Tables.CONTACTS_SCHEMA, CONTACTS),
            DEFAULT_MAP);
    assertThat(Arrays.stream(out.schema().fields()).map(f -> f.name() + ":" + f.dataType()))
        .containsExactlyElementsOf(
            Arrays.stream(Tables.TOUCHPOINTS_SCHEMA.fields())
                .map((StructField f) -> f.name() + ":" + f.dataType())
                .toList());
  }

  @Test
  void carriesActivityColumnsAndDerivesHoursMonthAndRelationship() {
    Row in =
        Fixtures.activity(
            "a1", "ann", "2026-03-31T23:30:00Z", "intro_made", "c_ghost", null, null, "c_peer");
    Row r = classify(List.of(in, meeting("a2", "ann", "2026-04-01T00:00:00Z", null))).get("a1");
    assertThat((String) r.getAs("owner")).isEqualTo("ann");
    assertThat((String) r.getAs("type")).isEqualTo("intro_made");
    assertThat((String) r.getAs("contact_id")).isEqualTo("c_ghost");
    assertThat((String) r.getAs("introduced_contact_id")).isEqualTo("c_peer");
    assertThat((String) r.getAs("channel")).isEqualTo("club");
    assertThat((Double) r.getAs("duration_minutes")).isEqualTo(30.0);
    assertThat((Double) r.getAs("hours")).isEqualTo(0.5);
    assertThat((Double) r.getAs("cost")).isEqualTo(2.5);
    assertThat((String) r.getAs("month")).isEqualTo("2026-03");
    assertThat((String) r.getAs("relationship")).as("unknown contact").isEqualTo("other");
    assertThat(verdict(r)).isEqualTo(v("UNDIRECTED", null, null, null, false));

    Row noContact = classify(List.of(meeting("a2", "ann", "2026-04-01T00:00:00Z", null))).get("a2");
    assertThat((String) noContact.getAs("relationship")).isEqualTo("other");
    assertThat((String) noContact.getAs("month")).isEqualTo("2026-04");
  }

  @Test
  void ruleOneDirectsToAnActiveGoalOfTheSameOwnerOnItsUtcDate() {
    Map<String, Row> out =
        classify(
            List.of(
                activity(
                    "first_day", "ann", "2026-01-01T00:00:00Z", "call", null, "g_old", null, null),
                activity(
                    "last_day", "ann", "2026-01-31T23:59:59Z", "call", null, "g_old", null, null),
                activity(
                    "day_after", "ann", "2026-02-01T00:00:00Z", "call", null, "g_old", null, null),
                activity(
                    "day_before", "ann", "2025-12-31T23:59:59Z", "call", null, "g_old", null, null),
                activity(
                    "foreign", "ann", "2026-01-10T00:00:00Z", "call", null, "g_bob", null, null),
                activity(
                    "unknown", "ann", "2026-01-10T00:00:00Z", "call", null, "g_nope", null, null)));
    assertThat(verdict(out.get("first_day")))
        .isEqualTo(v("DIRECTED", "explicit", "g_old", "speaking", false));
    assertThat(verdict(out.get("last_day")))
        .isEqualTo(v("DIRECTED", "explicit", "g_old", "speaking", false));
    assertThat(verdict(out.get("day_after")))
        .as("expired goal")
        .isEqualTo(v("UNDIRECTED", null, null, null, true));
    assertThat(verdict(out.get("day_before")))
        .as("not yet started")
        .isEqualTo(v("UNDIRECTED", null, null, null, true));
    assertThat(verdict(out.get("foreign")))
        .as("another owner's goal")
        .isEqualTo(v("UNDIRECTED", null, null, null, true));
    assertThat(verdict(out.get("unknown")))
        .as("unknown goal")
        .isEqualTo(v("UNDIRECTED", null, null, null, true));
  }

  @Test
  void ruleTwoEmbedsBusinessSpeakingAndCustomerWork() {
    Map<String, Row> out =
        classify(
            List.of(
                activity(
                    "business",
                    "ann",
                    "2026-03-05T10:00:00Z",
                    "meeting",
                    "c_peer",
                    null,
                    "business",
                    null),
                activity(
                    "speaking",
                    "ann",
                    "2026-03-05T10:00:00Z",
                    "event",
                    null,
                    null,
                    "speaking",
                    null),
                meeting("customer", "ann", "2026-03-05T10:00:00Z", "c_customer"),
                activity(
                    "intro_of_customer",
                    "ann",
                    "2026-03-05T10:00:00Z",
                    "intro_made",
                    "c_peer",
                    null,
                    null,
                    "c_customer")));
    assertThat(verdict(out.get("business"))).isEqualTo(v("EMBEDDED", null, null, null, false));
    assertThat(verdict(out.get("speaking"))).isEqualTo(v("EMBEDDED", null, null, null, false));
    assertThat(verdict(out.get("customer"))).isEqualTo(v("EMBEDDED", null, null, null, false));
    assertThat(verdict(out.get("intro_of_customer")))
        .as("only contact_id's relationship counts")
        .isEqualTo(v("UNDIRECTED", null, null, null, false));
  }

  @Test
  void ruleOneWinsOverRuleTwoAndRuleTwoOverRuleThree() {
    Map<String, Row> out =
        classify(
            List.of(
                activity(
                    "explicit_business",
                    "ann",
                    "2026-03-05T10:00:00Z",
                    "meeting",
                    "c_customer",
                    "g_par",
                    "business",
                    null),
                activity(
                    "media_business",
                    "ann",
                    "2026-03-05T10:00:00Z",
                    "meeting",
                    "c_media",
                    null,
                    "business",
                    null),
                activity(
                    "invalid_customer",
                    "ann",
                    "2026-03-05T10:00:00Z",
                    "meeting",
                    "c_customer",
                    "g_old",
                    null,
                    null)));
    assertThat(verdict(out.get("explicit_business")))
        .isEqualTo(v("DIRECTED", "explicit", "g_par", "partners", false));
    assertThat(verdict(out.get("media_business")))
        .isEqualTo(v("EMBEDDED", null, null, null, false));
    assertThat(verdict(out.get("invalid_customer")))
        .isEqualTo(v("EMBEDDED", null, null, null, true));
  }

  @Test
  void ruleThreeInfersTheOnlyActiveGoalOfTheMappedCategory() {
    Map<String, Row> out =
        classify(
            List.of(
                meeting("media", "ann", "2026-03-05T10:00:00Z", "c_media"),
                meeting("partner", "ann", "2026-03-05T10:00:00Z", "c_partner"),
                meeting("peer", "ann", "2026-03-05T10:00:00Z", "c_peer"),
                meeting("media_in_april", "ann", "2026-04-05T10:00:00Z", "c_media"),
                meeting("bob_media", "bob", "2026-03-05T10:00:00Z", "c_media"),
                activity(
                    "intro_of_media",
                    "ann",
                    "2026-03-05T10:00:00Z",
                    "intro_received",
                    null,
                    null,
                    null,
                    "c_media")));
    assertThat(verdict(out.get("media")))
        .isEqualTo(v("DIRECTED", "inferred", "g_pub", "publicity", false));
    assertThat(verdict(out.get("partner")))
        .isEqualTo(v("DIRECTED", "inferred", "g_par", "partners", false));
    assertThat(verdict(out.get("peer"))).isEqualTo(v("UNDIRECTED", null, null, null, false));
    assertThat(verdict(out.get("media_in_april")))
        .as("no active goal")
        .isEqualTo(v("UNDIRECTED", null, null, null, false));
    assertThat(verdict(out.get("bob_media")))
        .as("ann's goal does not direct bob's work")
        .isEqualTo(v("UNDIRECTED", null, null, null, false));
    assertThat(verdict(out.get("intro_of_media")))
        .as("no contact: never inferred")
        .isEqualTo(v("UNDIRECTED", null, null, null, false));
  }

  @Test
  void twoActiveGoalsOfTheCategoryMeanNoInference() {
    List<Row> goals =
        List.of(
            goal("g_pub", "ann", "publicity", "2026-03-01", "2026-03-31"),
            goal("g_pub2", "ann", "publicity", "2026-03-10", "2026-04-30"),
            goal("g_bob", "bob", "publicity", "2026-03-01", "2026-03-31"));
    Map<String, Row> out =
        classify(
            List.of(
                meeting("before_overlap", "ann", "2026-03-09T23:59:59Z", "c_media"),
                meeting("overlap", "ann", "2026-03-10T00:00:00Z", "c_media"),
                meeting("after_overlap", "ann", "2026-04-01T00:00:00Z", "c_media")),
            goals,
            DEFAULT_MAP);
    assertThat(verdict(out.get("before_overlap")))
        .isEqualTo(v("DIRECTED", "inferred", "g_pub", "publicity", false));
    assertThat(verdict(out.get("overlap"))).isEqualTo(v("UNDIRECTED", null, null, null, false));
    assertThat(verdict(out.get("after_overlap")))
        .isEqualTo(v("DIRECTED", "inferred", "g_pub2", "publicity", false));
  }

  @Test
  void soleGoalIntervalsMatchACountOfActiveGoalsOnEveryDay() {
    // Random goals of two owners and two categories over a year; for every day, the intervals
    // must name the goal exactly when one goal of the owner and category is active that day.
    java.util.Random random = new java.util.Random(11);
    java.time.LocalDate base = java.time.LocalDate.parse("2026-01-01");
    List<Row> goals = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      java.time.LocalDate start = base.plusDays(random.nextInt(330));
      goals.add(
          goal(
              "g" + i,
              i % 2 == 0 ? "ann" : "bob",
              i % 3 == 0 ? "publicity" : "speaking",
              start.toString(),
              start.plusDays(random.nextInt(i % 5 == 0 ? 2 : 60)).toString()));
    }
    List<Row> intervals =
        Classification.soleGoalIntervals(df(Tables.GOALS_SCHEMA, goals)).collectAsList();
    int checkedSole = 0;
    for (String owner : List.of("ann", "bob")) {
      for (String category : List.of("publicity", "speaking")) {
        for (int d = -2; d < 400; d++) {
          long day = base.toEpochDay() + d;
          List<String> active = new java.util.ArrayList<>();
          for (int i = 0; i < goals.size(); i++) {
            Row g = goals.get(i);
            long s = java.time.LocalDate.parse(g.get(6).toString()).toEpochDay();
            long e = java.time.LocalDate.parse(g.get(7).toString()).toEpochDay();
            if (g.getString(1).equals(owner)
                && g.getString(2).equals(category)
                && s <= day
                && day <= e) {
              active.add(g.getString(0));
            }
          }
          List<String> found = new java.util.ArrayList<>();
          for (Row r : intervals) {
            if (r.getString(0).equals(owner)
                && r.getString(1).equals(category)
                && r.getInt(2) <= day
                && day <= r.getInt(3)) {
              found.add(r.getString(4));
            }
          }
          List<String> expected = active.size() == 1 ? active : List.of();
          assertThat(found).as("%s %s day %d", owner, category, day).isEqualTo(expected);
          checkedSole += expected.size();
        }
      }
    }
    assertThat(checkedSole).as("days with a sole goal were checked").isGreaterThan(100);
  }

  @Test
  void aFailedRuleOneLeavesRuleThreeFreeToFindAnotherGoal() {
    List<Row> goals =
        List.of(
            goal("g_pub_old", "ann", "publicity", "2026-01-01", "2026-01-31"),
            goal("g_pub", "ann", "publicity", "2026-03-01", "2026-03-31"));
    Map<String, Row> out =
        classify(
            List.of(
                activity(
                    "relinked",
                    "ann",
                    "2026-03-05T10:00:00Z",
                    "email",
                    "c_media",
                    "g_pub_old",
                    null,
                    null)),
            goals,
            DEFAULT_MAP);
    assertThat(verdict(out.get("relinked")))
        .isEqualTo(v("DIRECTED", "inferred", "g_pub", "publicity", true));
    assertThat((String) out.get("relinked").getAs("goal_id")).isEqualTo("g_pub_old");
  }

  @Test
  void aCustomInferenceMapReplacesTheDefault() {
    List<Row> goals =
        List.of(
            goal("g_pub", "ann", "publicity", "2026-03-01", "2026-03-31"),
            goal("g_talk", "ann", "speaking", "2026-03-01", "2026-03-31"));
    Map<String, Row> out =
        classify(
            List.of(
                meeting("peer", "ann", "2026-03-05T10:00:00Z", "c_peer"),
                meeting("media", "ann", "2026-03-05T10:00:00Z", "c_media"),
                meeting("unknown_contact", "ann", "2026-03-05T10:00:00Z", "c_ghost"),
                meeting("no_contact", "ann", "2026-03-05T10:00:00Z", null)),
            goals,
            Map.of("peer", "speaking", "other", "publicity"));
    assertThat(verdict(out.get("peer")))
        .isEqualTo(v("DIRECTED", "inferred", "g_talk", "speaking", false));
    assertThat(verdict(out.get("media"))).isEqualTo(v("UNDIRECTED", null, null, null, false));
    assertThat(verdict(out.get("unknown_contact")))
        .as("an unknown contact counts as relationship other")
        .isEqualTo(v("DIRECTED", "inferred", "g_pub", "publicity", false));
    assertThat(verdict(out.get("no_contact")))
        .as("no contact: never inferred, whatever the map says about other")
        .isEqualTo(v("UNDIRECTED", null, null, null, false));
  }

  @Test
  void anEmptyInferenceMapInfersNothing() {
    Map<String, Row> out =
        classify(
            List.of(meeting("media", "ann", "2026-03-05T10:00:00Z", "c_media")), GOALS, Map.of());
    assertThat(verdict(out.get("media"))).isEqualTo(v("UNDIRECTED", null, null, null, false));
  }
}
