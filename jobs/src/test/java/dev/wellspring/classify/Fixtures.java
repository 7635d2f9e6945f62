package dev.wellspring.classify;

import dev.wellspring.schema.Tables;
import dev.wellspring.testing.SparkExtension;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Small in-code rows in the warehouse schemas, for the classify and attribution tests. */
public final class Fixtures {
  private Fixtures() {}

  public static Timestamp ts(String isoInstant) {
    return Timestamp.from(Instant.parse(isoInstant));
  }

  public static Date date(String isoDate) {
    return Date.valueOf(LocalDate.parse(isoDate));
  }

  public static Dataset<Row> df(StructType schema, List<Row> rows) {
    return SparkExtension.session().createDataFrame(rows, schema);
  }

  public static Dataset<Row> df(StructType schema, Row... rows) {
    return df(schema, List.of(rows));
  }

  /** An activity of 30 minutes, cost 2.5, channel "club". */
  public static Row activity(
      String id,
      String owner,
      String at,
      String type,
      String contactId,
      String goalId,
      String context,
      String introducedContactId) {
    return RowFactory.create(
        id,
        owner,
        ts(at),
        type,
        contactId,
        30.0,
        2.5,
        goalId,
        context,
        introducedContactId,
        "club",
        null,
        "activities.csv",
        2L);
  }

  /** A plain meeting with a contact and nothing else set. */
  public static Row meeting(String id, String owner, String at, String contactId) {
    return activity(id, owner, at, "meeting", contactId, null, null, null);
  }

  public static Row goal(String id, String owner, String category, String startsOn, String endsOn) {
    return RowFactory.create(
        id,
        owner,
        category,
        "t " + id,
        null,
        null,
        date(startsOn),
        date(endsOn),
        "outcomes",
        "goals.csv",
        2L);
  }

  public static Row contact(String id, String relationship) {
    return RowFactory.create(
        id, "Name " + id, null, null, null, null, relationship, null, "contacts.csv", 2L);
  }

  public static Row outcome(
      String id,
      String owner,
      String at,
      String type,
      double value,
      String contactId,
      String goalId) {
    return RowFactory.create(
        id, owner, ts(at), type, value, contactId, goalId, null, null, "outcomes.csv", 2L);
  }

  /**
   * A touchpoint as the classify stage would write it; {@code cls} DIRECTED takes {@code
   * directedGoalId} (explicit direction), the other classes none.
   */
  public static Row touchpoint(
      String id,
      String owner,
      String at,
      String type,
      String contactId,
      String introducedContactId,
      String cls,
      String directedGoalId) {
    boolean directed = "DIRECTED".equals(cls);
    return RowFactory.create(
        id,
        owner,
        ts(at),
        type,
        contactId,
        30.0,
        0.5,
        0.0,
        directed ? directedGoalId : null,
        null,
        introducedContactId,
        "club",
        "other",
        cls,
        directed ? directedGoalId : null,
        directed ? "publicity" : null,
        directed ? "explicit" : null,
        false,
        at.substring(0, 7));
  }

  /** A touchpoint with a contact and nothing else set. */
  public static Row touch(String id, String owner, String at, String contactId) {
    return touchpoint(id, owner, at, "meeting", contactId, null, "UNDIRECTED", null);
  }

  public static Dataset<Row> touchpoints(Row... rows) {
    return df(Tables.TOUCHPOINTS_SCHEMA, rows);
  }

  public static Dataset<Row> outcomes(Row... rows) {
    return df(Tables.OUTCOMES_SCHEMA, rows);
  }

  /** The rows of a frame keyed by one string column (which must be unique). */
  public static Map<String, Row> byKey(Dataset<Row> df, String column) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : df.collectAsList()) {
      Row previous = out.put(r.getAs(column), r);
      if (previous != null) {
        throw new AssertionError("duplicate " + column + " " + r.getAs(column));
      }
    }
    return out;
  }
}
