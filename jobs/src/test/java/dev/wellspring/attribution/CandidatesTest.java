package dev.wellspring.attribution;

import static dev.wellspring.classify.Fixtures.byKey;
import static dev.wellspring.classify.Fixtures.outcome;
import static dev.wellspring.classify.Fixtures.outcomes;
import static dev.wellspring.classify.Fixtures.touch;
import static dev.wellspring.classify.Fixtures.touchpoint;
import static dev.wellspring.classify.Fixtures.touchpoints;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wellspring.WellspringException;
import dev.wellspring.classify.Fixtures;
import dev.wellspring.schema.Tables;
import dev.wellspring.schema.TestTables;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class CandidatesTest {
  private static final String AT = "2026-06-30T12:00:00Z";

  /** Candidate activity ids of one outcome in position order. */
  private static List<String> path(Candidates.Selection s, String outcomeId) {
    return TestAttribution.candidates(s)
        .where(col("outcome_id").equalTo(outcomeId))
        .orderBy(col("position"))
        .collectAsList()
        .stream()
        .map(r -> (String) r.getAs("activity_id"))
        .toList();
  }

  private static Map<String, String> reasons(Candidates.Selection s) {
    Map<String, Row> rows = byKey(s.unattributed(), "outcome_id");
    return rows.entrySet().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().getAs("reason")));
  }

  @Test
  void contactOutcomesTakeTheContactsActivitiesAndIntrosNamingItOnce() {
    Dataset<Row> t =
        touchpoints(
            touch("a_meet", "ann", "2026-06-01T10:00:00Z", "c1"),
            touch("a_other_contact", "ann", "2026-06-02T10:00:00Z", "c2"),
            touchpoint(
                "a_intro_in",
                "ann",
                "2026-06-03T10:00:00Z",
                "intro_received",
                "c9",
                "c1",
                "UNDIRECTED",
                null),
            touchpoint(
                "a_intro_self",
                "ann",
                "2026-06-04T10:00:00Z",
                "intro_made",
                "c1",
                "c1",
                "UNDIRECTED",
                null),
            touchpoint(
                "a_intro_made",
                "ann",
                "2026-06-05T10:00:00Z",
                "intro_made",
                null,
                "c1",
                "UNDIRECTED",
                null),
            touchpoint(
                "a_not_intro",
                "ann",
                "2026-06-06T10:00:00Z",
                "meeting",
                "c9",
                "c1",
                "UNDIRECTED",
                null),
            touch("a_bob", "bob", "2026-06-07T10:00:00Z", "c1"),
            touchpoint(
                "a_directed", "ann", "2026-06-08T10:00:00Z", "call", "c3", null, "DIRECTED", "g1"));
    Candidates.Selection s =
        Candidates.select(t, outcomes(outcome("o1", "ann", AT, "speaking", 100, "c1", "g1")), 180);
    assertThat(path(s, "o1"))
        .containsExactly("a_meet", "a_intro_in", "a_intro_self", "a_intro_made");
    assertThat(s.unattributed().count()).isZero();
  }

  @Test
  void goalOutcomesWithoutContactTakeTheOwnersDirectedTouchpoints() {
    Dataset<Row> t =
        touchpoints(
            touchpoint(
                "a_dir", "ann", "2026-06-01T10:00:00Z", "call", "c1", null, "DIRECTED", "g1"),
            touchpoint(
                "a_dir_other_goal",
                "ann",
                "2026-06-02T10:00:00Z",
                "call",
                "c1",
                null,
                "DIRECTED",
                "g2"),
            touchpoint(
                "a_embedded", "ann", "2026-06-03T10:00:00Z", "call", "c1", null, "EMBEDDED", null),
            touchpoint(
                "a_dir_bob", "bob", "2026-06-04T10:00:00Z", "call", "c1", null, "DIRECTED", "g1"),
            touchpoint(
                "a_dir_late",
                "ann",
                "2026-06-05T10:00:00Z",
                "email",
                null,
                null,
                "DIRECTED",
                "g1"));
    Candidates.Selection s =
        Candidates.select(
            t,
            outcomes(
                outcome("o_goal", "ann", AT, "publicity", 5, null, "g1"),
                outcome("o_contact", "ann", AT, "publicity", 5, "c_absent", "g1")),
            180);
    assertThat(path(s, "o_goal")).containsExactly("a_dir", "a_dir_late");
    assertThat(path(s, "o_contact")).as("no fallback to the goal").isEmpty();
    assertThat(reasons(s))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("o_contact", Candidates.NO_TOUCHPOINT_WITH_CONTACT));
  }

  @Test
  void theWindowIsInclusiveAtBothEnds() {
    Dataset<Row> t =
        touchpoints(
            touch("a_too_early", "ann", "2026-06-20T11:59:59Z", "c1"),
            touch("a_lookback_edge", "ann", "2026-06-20T12:00:00Z", "c1"),
            touch("a_middle", "ann", "2026-06-25T00:00:00Z", "c1"),
            touch("a_outcome_instant", "ann", "2026-06-30T12:00:00Z", "c1"),
            touch("a_too_late", "ann", "2026-06-30T12:00:01Z", "c1"));
    Candidates.Selection s =
        Candidates.select(t, outcomes(outcome("o1", "ann", AT, "other", 1, "c1", null)), 10);
    assertThat(path(s, "o1")).containsExactly("a_lookback_edge", "a_middle", "a_outcome_instant");
    Map<String, Row> c = byKey(TestAttribution.candidates(s), "activity_id");
    assertThat((Double) c.get("a_lookback_edge").getAs("days_before")).isEqualTo(10.0);
    assertThat((Double) c.get("a_middle").getAs("days_before")).isCloseTo(5.5, within(1e-12));
    assertThat((Double) c.get("a_outcome_instant").getAs("days_before")).isEqualTo(0.0);
  }

  @Test
  void positionsFollowTimeThenActivityIdInCodePointOrder() {
    Dataset<Row> t =
        touchpoints(
            touch("b", "ann", "2026-06-01T10:00:00Z", "c1"),
            touch("a9", "ann", "2026-06-01T10:00:00Z", "c1"),
            touch("a10", "ann", "2026-06-01T10:00:00Z", "c1"),
            touch("B", "ann", "2026-06-01T10:00:00Z", "c1"),
            touch("é", "ann", "2026-06-01T10:00:00Z", "c1"),
            touch("z_earlier", "ann", "2026-05-01T10:00:00Z", "c1"));
    Candidates.Selection s =
        Candidates.select(t, outcomes(outcome("o1", "ann", AT, "other", 1, "c1", null)), 180);
    assertThat(path(s, "o1")).containsExactly("z_earlier", "B", "a10", "a9", "b", "é");
    Map<String, Row> c = byKey(TestAttribution.candidates(s), "activity_id");
    assertThat((Integer) c.get("a10").getAs("position")).isEqualTo(3);
    assertThat(c.values()).allSatisfy(r -> assertThat((Integer) r.getAs("n")).isEqualTo(6));
  }

  @Test
  void carriesOutcomeAndTouchpointColumnsInTheCandidatesSchema() {
    Dataset<Row> t =
        touchpoints(
            touchpoint("a1", "ann", "2026-06-29T12:00:00Z", "call", "c1", null, "DIRECTED", "g1"));
    Candidates.Selection s =
        Candidates.select(t, outcomes(outcome("o1", "ann", AT, "publicity", 0, "c1", null)), 180);
    assertThat(
            Arrays.stream(TestAttribution.candidates(s).schema().fields())
                .map(f -> f.name() + ":" + f.dataType()))
        .containsExactlyElementsOf(
            Arrays.stream(TestTables.CANDIDATES_SCHEMA.fields())
                .map((StructField f) -> f.name() + ":" + f.dataType())
                .toList());
    assertThat(Arrays.stream(s.unattributed().schema().fields()).map(StructField::name))
        .containsExactlyElementsOf(Arrays.asList(Tables.UNATTRIBUTED_SCHEMA.fieldNames()));
    Row r = TestAttribution.candidates(s).collectAsList().get(0);
    assertThat(r.toSeq().mkString("|"))
        .as("a value-0 outcome is still attributed")
        .isEqualTo(
            "o1|ann|publicity|0.0|"
                + Fixtures.ts(AT)
                + "|a1|"
                + Fixtures.ts("2026-06-29T12:00:00Z")
                + "|1|1|1.0|DIRECTED|call|club|publicity|g1|c1|2026-06");
  }

  @Test
  void everyUnattributedOutcomeHasItsReason() {
    Dataset<Row> t =
        touchpoints(
            touch("a_old", "ann", "2025-01-01T10:00:00Z", "c1"),
            touchpoint(
                "a_dir_old", "ann", "2025-01-01T10:00:00Z", "call", null, null, "DIRECTED", "g1"),
            touch("a_bob", "bob", "2026-06-29T10:00:00Z", "c1"));
    Candidates.Selection s =
        Candidates.select(
            t,
            outcomes(
                outcome("o_none", "ann", AT, "other", 1, null, null),
                outcome("o_contact", "ann", AT, "revenue", 7, "c1", null),
                outcome("o_goal", "ann", AT, "publicity", 3, null, "g1")),
            180);
    assertThat(TestAttribution.candidates(s).count()).isZero();
    assertThat(reasons(s))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "o_none", Candidates.NO_CONTACT_OR_GOAL,
                "o_contact", Candidates.NO_TOUCHPOINT_WITH_CONTACT,
                "o_goal", Candidates.NO_DIRECTED_TOUCHPOINT_FOR_GOAL));
    Row contact = byKey(s.unattributed(), "outcome_id").get("o_contact");
    assertThat(contact.toSeq().mkString("|"))
        .isEqualTo("o_contact|ann|revenue|7.0|" + Candidates.NO_TOUCHPOINT_WITH_CONTACT);
  }

  @Test
  void aNegativeLookbackIsRefused() {
    assertThatThrownBy(
            () ->
                Candidates.select(
                    touchpoints(touch("a", "ann", AT, "c1")),
                    outcomes(outcome("o", "ann", AT, "other", 1, "c1", null)),
                    -1))
        .isInstanceOf(WellspringException.class)
        .hasMessage("lookback_days must be >= 0, got -1");
  }
}
