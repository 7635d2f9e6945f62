package dev.wellspring.attribution;

import dev.wellspring.schema.Tables;
import dev.wellspring.schema.TestTables;
import dev.wellspring.testing.SparkExtension;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Small in-code rows for the data-driven tests; times are whole days after 2026-01-01 UTC. */
final class DataDrivenFixtures {
  private DataDrivenFixtures() {}

  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  static Timestamp day(double d) {
    return Timestamp.from(EPOCH.plusSeconds(Math.round(d * 86_400)));
  }

  /** Candidate rows of one outcome at day 100; touch i is at day i+1 with channel channels[i]. */
  static List<Row> path(String outcomeId, double value, String... channels) {
    return path("ann", outcomeId, value, channels);
  }

  static List<Row> path(String owner, String outcomeId, double value, String... channels) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < channels.length; i++) {
      rows.add(
          RowFactory.create(
              outcomeId,
              owner,
              "revenue",
              value,
              day(100),
              outcomeId + "-t" + (i + 1),
              day(i + 1),
              i + 1,
              channels.length,
              99.0 - i,
              "UNDIRECTED",
              "meeting",
              channels[i],
              null,
              null,
              "c-" + outcomeId,
              "2026-01"));
    }
    return rows;
  }

  /** A touchpoint with a free-text channel; class UNDIRECTED unless given. */
  static Row touch(String activityId, String owner, String contactId, double day, String channel) {
    return touch(activityId, owner, contactId, day, channel, "UNDIRECTED", 1.0);
  }

  static Row touch(
      String activityId,
      String owner,
      String contactId,
      double day,
      String channel,
      String cls,
      double hours) {
    return RowFactory.create(
        activityId,
        owner,
        day(day),
        "meeting",
        contactId,
        hours * 60,
        hours,
        0.0,
        null,
        null,
        null,
        channel,
        "other",
        cls,
        cls.equals("DIRECTED") ? "g1" : null,
        cls.equals("DIRECTED") ? "speaking" : null,
        cls.equals("DIRECTED") ? "explicit" : null,
        false,
        "2026-01");
  }

  static Row outcome(String outcomeId, String owner, String contactId, double day) {
    return RowFactory.create(
        outcomeId,
        owner,
        day(day),
        "revenue",
        1.0,
        contactId,
        null,
        null,
        null,
        "outcomes.csv",
        2L);
  }

  @SafeVarargs
  static Dataset<Row> candidates(List<Row>... paths) {
    List<Row> rows = new ArrayList<>();
    for (List<Row> p : paths) {
      rows.addAll(p);
    }
    return SparkExtension.session().createDataFrame(rows, TestTables.CANDIDATES_SCHEMA);
  }

  static Dataset<Row> touchpoints(Row... rows) {
    return SparkExtension.session().createDataFrame(List.of(rows), Tables.TOUCHPOINTS_SCHEMA);
  }

  static Dataset<Row> outcomes(Row... rows) {
    return SparkExtension.session().createDataFrame(List.of(rows), Tables.OUTCOMES_SCHEMA);
  }
}
