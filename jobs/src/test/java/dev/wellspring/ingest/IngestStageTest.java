package dev.wellspring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.WellspringException;
import dev.wellspring.config.ConfigLoader;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Warehouse;
import dev.wellspring.pipeline.Progress;
import dev.wellspring.schema.Tables;
import dev.wellspring.stage.RunContext;
import dev.wellspring.stage.StageResult;
import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stage on a hand-made input folder with every reading rule and reject reason; the
 * expected values are worked out by hand in the comments next to the fixture lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SparkExtension.class)
class IngestStageTest {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 31);

  Path tmp;
  Path in;
  Path out;
  Manifest manifest;
  StageResult result;
  final SparkSession spark;

  IngestStageTest(SparkSession spark) {
    this.spark = spark;
  }

  // CRLF line ends; columns out of order, odd case and spaces; an unknown column (mood).
  static final String ACTIVITIES =
      String.join(
          "\r\n",
          "Type,OWNER,activity_id, Occurred_At ,contact_id,duration_minutes,cost,goal_id,context,channel,notes,mood", // 1
          "Meeting,ann,a1,2026-03-04T18:30:00+01:00,c1,,12.5,g1,Business,LinkedIn,\"Lunch, with \"\"Bob\"\"\",happy", // 2 ok
          "call,ann,a2,2026-03-05 09:15,c2,45,,,,,\"line one", // 3 ok (to line 4)
          "line two\"", // 4
          "", // 5 blank
          "email,ann,a3,2026-03-06T10:00:00Z,c2,-5,,,,,\"bad", // 6 negative_duration (to line 7)
          "duration\"", // 7
          "email,ann,a4,not-a-date,c2,abc,,,,,", // 8 bad_timestamp (before bad_number)
          "dance,ann,a5,2026-03-06,c2,,,,,,", // 9 unknown_enum
          "call,,a6,2026-03-06,c2,,,,,,", // 10 missing_required
          "call,ann,a7,2026-03-07T08:00:00.5+0530,c2,1e1,$100,,,,", // 11 bad_number
          "call,ann,a8,2026-03-07,c2,,-1,,,,", // 12 negative_cost
          "call,ann,a2,2026-03-08,c2,,,,,,", // 13 duplicate_id of line 3
          "message,ann,a9,2026-04-01T00:00:00Z,,,,,,,", // 14 ok, future: ignored
          "message,ann,a10,2026-03-31T23:59:59Z,,,,,,,", // 15 ok, last second of the run date
          "meeting,bob,a11,2026-03-10,c1,30,0,,meeting,,", // 16 unknown_enum (context)
          "call,ann,a9,2026-03-09,,,,,,,", // 17 duplicate_id of the future line 14
          "CALL, ann ,a12,2026-03-09", // 18 ok, fewer fields
          "call,ann,a13,2026-03-09,,,,,,,,,extra1,extra2", // 19 ok, extra fields
          "email,ann,a3,2026-03-06T10:00:00Z,c2,5,,,,,"); // 20 ok: line 6 was rejected; no final
  // line end

  static final String ACTIVITIES_PART =
      "activity_id,owner,occurred_at,type\n"
          + "a14,bob,2026-03-11T12:00:00-0800,event\n" // 2 ok, 20:00Z, duration 120
          + "a1,bob,2026-03-12,call\n"; // 3 duplicate_id of activities.csv line 2

  static final String CONTACTS =
      "\uFEFFContact_ID,Full_Name,relationship,first_met_on,email\n"
          + "c1,Ann Customer,CUSTOMER,2025-01-02,a@x\n" // 2 ok
          + "c2,Bob,,2025-02-03T23:30:00-02:00,\n" // 3 ok, other, met 2025-02-04
          + "c3,,peer,,\n" // 4 missing_required
          + "c4,Dee,friend,,\n" // 5 unknown_enum
          + "c5,Eve,peer,2025-02-30,\n" // 6 bad_timestamp
          + "c1,Ann Again,peer,,\n"; // 7 duplicate_id

  static final String GOALS =
      "goal_id,owner,category,starts_on,ends_on,target_value,title\n"
          + "g1,ann,Speaking,2026-01-01,2026-06-30,3,Three keynotes\n" // 2 ok
          + "g2,ann,publicity,2026-03-01,2026-02-01,,\n" // 3 goal_ends_before_start
          + "g3,ann,launch,2026-04-01,2026-05-01,,\n" // 4 ok, future
          + "g4,ann,partners,2026-03-31,2026-12-31,1e309,\n" // 5 bad_number (overflow)
          + "g5,ann,partners,2026-03-31T22:00:00-05:00,2026-12-31,,\n"; // 6 ok, starts 04-01 UTC:
  // future

  static final String OUTCOMES =
      "outcome_id,owner,occurred_at,type,value,contact_id,goal_id\n"
          + "o1,ann,2026-03-20,Speaking,,c1,g1\n" // 2 ok, value 1
          + "o2,ann,2026-03-21,revenue,-5,,\n" // 3 negative_value
          + "o3,ann,2026-03-21,revenue,\"1,5\",,\n" // 4 bad_number
          + "o4,ann,2026-03-22 10:00,readership,0.5,,\n"; // 5 ok

  @BeforeAll
  void ingestTheFixture(@TempDir Path tmp) throws IOException {
    this.tmp = tmp;
    in = tmp.resolve("in");
    out = tmp.resolve("out");
    write(in, "activities.csv", ACTIVITIES);
    write(in, "activities-0001.csv", ACTIVITIES_PART);
    write(in, "contacts.csv", CONTACTS);
    write(in, "goals.csv", GOALS);
    write(in, "outcomes.csv", OUTCOMES);
    write(in, "linkedin/Connections.csv", "First Name,Last Name,Company\nAnn,Lee,Acme\n");
    manifest = new Manifest();
    result = new IngestStage().run(spark, context(in, out, "1", manifest));
  }

  static void write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  static RunContext context(Path in, Path out, String rejectMax, Manifest manifest) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("input", in.toString());
    flags.put("output", out.toString());
    flags.put("run_date", RUN_DATE.toString());
    flags.put("reject_max", rejectMax);
    WellspringConfig config = ConfigLoader.load(null, flags);
    return new RunContext(
        config, new Warehouse(out), manifest, new Progress(System.err, Progress.Level.QUIET));
  }

  private Dataset<Row> table(String name, org.apache.spark.sql.types.StructType schema) {
    return new Warehouse(out).read(spark, name, schema, RUN_DATE);
  }

  static List<CSVRecord> rejects(Path out) throws IOException {
    Path file = new Warehouse(out).rejectsDir(RUN_DATE).resolve("rejects.csv");
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    }
  }

  @Test
  void activitiesTableHoldsTheValidInScopeRowsTypedAsTables() {
    Dataset<Row> df = table(Tables.ACTIVITIES, Tables.ACTIVITIES_SCHEMA);
    List<Row> rows = df.orderBy("activity_id").collectAsList();

    assertThat(rows)
        .extracting(r -> r.getString(0), r -> r.getString(12), r -> r.getLong(13))
        .containsExactly(
            tuple("a1", "activities.csv", 2L),
            tuple("a10", "activities.csv", 15L),
            tuple("a12", "activities.csv", 18L),
            tuple("a13", "activities.csv", 19L),
            tuple("a14", "activities-0001.csv", 2L),
            tuple("a2", "activities.csv", 3L),
            tuple("a3", "activities.csv", 20L));
    Row a1 = rows.get(0);
    assertThat(a1.getTimestamp(2)).isEqualTo(Timestamp.from(Instant.parse("2026-03-04T17:30:00Z")));
    assertThat(a1.getString(3)).isEqualTo("meeting");
    assertThat(a1.getDouble(5)).as("default meeting duration").isEqualTo(60.0);
    assertThat(a1.getDouble(6)).isEqualTo(12.5);
    assertThat(a1.getString(7)).isEqualTo("g1");
    assertThat(a1.getString(8)).isEqualTo("business");
    assertThat(a1.getString(11)).isEqualTo("Lunch, with \"Bob\"");
    assertThat(a1.isNullAt(9)).as("introduced_contact_id absent").isTrue();
    Row a12 = rows.get(2);
    assertThat(a12.getString(1)).as("trimmed owner").isEqualTo("ann");
    assertThat(a12.getString(3)).isEqualTo("call");
    assertThat(a12.getDouble(5)).isEqualTo(30.0);
    assertThat(a12.getDouble(6)).isEqualTo(0.0);
    assertThat(a12.isNullAt(4)).isTrue();
    Row a14 = rows.get(4);
    assertThat(a14.getTimestamp(2))
        .isEqualTo(Timestamp.from(Instant.parse("2026-03-11T20:00:00Z")));
    assertThat(a14.getDouble(5)).isEqualTo(120.0);
    Row a2 = rows.get(5);
    assertThat(a2.getTimestamp(2)).isEqualTo(Timestamp.from(Instant.parse("2026-03-05T09:15:00Z")));
    assertThat(a2.getString(11)).isEqualTo("line one\r\nline two");
    assertThat(rows.get(6).getDouble(5)).isEqualTo(5.0);
  }

  @Test
  void otherTablesHoldTheirValidInScopeRowsWithDefaults() {
    // Dates are compared as text: decoding java.sql.Date needs JVM module flags the build does not
    // set.
    List<Row> contacts =
        table(Tables.CONTACTS, Tables.CONTACTS_SCHEMA)
            .selectExpr("contact_id", "full_name", "relationship", "cast(first_met_on as string)")
            .orderBy("contact_id")
            .collectAsList();
    assertThat(contacts)
        .extracting(
            r -> r.getString(0), r -> r.getString(1), r -> r.getString(2), r -> r.getString(3))
        .containsExactly(
            tuple("c1", "Ann Customer", "customer", "2025-01-02"),
            tuple("c2", "Bob", "other", "2025-02-04"));

    List<Row> goals =
        table(Tables.GOALS, Tables.GOALS_SCHEMA)
            .selectExpr(
                "goal_id",
                "category",
                "target_value",
                "line",
                "cast(starts_on as string)",
                "cast(ends_on as string)")
            .collectAsList();
    assertThat(goals)
        .extracting(
            r -> r.getString(0),
            r -> r.getString(1),
            r -> r.getDouble(2),
            r -> r.getLong(3),
            r -> r.getString(4),
            r -> r.getString(5))
        .containsExactly(tuple("g1", "speaking", 3.0, 2L, "2026-01-01", "2026-06-30"));

    List<Row> outcomes =
        table(Tables.OUTCOMES, Tables.OUTCOMES_SCHEMA).orderBy("outcome_id").collectAsList();
    assertThat(outcomes)
        .extracting(
            r -> r.getString(0), r -> r.getString(3), r -> r.getDouble(4), r -> r.getTimestamp(2))
        .containsExactly(
            tuple("o1", "speaking", 1.0, Timestamp.from(Instant.parse("2026-03-20T00:00:00Z"))),
            tuple("o4", "readership", 0.5, Timestamp.from(Instant.parse("2026-03-22T10:00:00Z"))));
  }

  @Test
  void tablesHaveExactlyTheTablesSchemaTypes() {
    for (Kind k : Kind.values()) {
      Dataset<Row> df =
          spark.read().parquet(new Warehouse(out).tableDir(k.table(), RUN_DATE).toString());
      assertThat(df.schema().fields())
          .as(k.table())
          .extracting(f -> f.name(), f -> f.dataType())
          .containsExactlyElementsOf(
              java.util.Arrays.stream(k.schema().fields())
                  .map(f -> tuple(f.name(), f.dataType()))
                  .toList());
    }
  }

  @Test
  void everyRejectIsInRejectsCsvWithStartLineReasonAndRawSortedByFileAndLine() throws IOException {
    List<CSVRecord> rejects = rejects(out);

    assertThat(rejects)
        .extracting(r -> r.get("source_file"), r -> r.get("line"), r -> r.get("reason"))
        .containsExactly(
            tuple("activities-0001.csv", "3", "duplicate_id"),
            tuple("activities.csv", "6", "negative_duration"),
            tuple("activities.csv", "8", "bad_timestamp"),
            tuple("activities.csv", "9", "unknown_enum"),
            tuple("activities.csv", "10", "missing_required"),
            tuple("activities.csv", "11", "bad_number"),
            tuple("activities.csv", "12", "negative_cost"),
            tuple("activities.csv", "13", "duplicate_id"),
            tuple("activities.csv", "16", "unknown_enum"),
            tuple("activities.csv", "17", "duplicate_id"),
            tuple("contacts.csv", "4", "missing_required"),
            tuple("contacts.csv", "5", "unknown_enum"),
            tuple("contacts.csv", "6", "bad_timestamp"),
            tuple("contacts.csv", "7", "duplicate_id"),
            tuple("goals.csv", "3", "goal_ends_before_start"),
            tuple("goals.csv", "5", "bad_number"),
            tuple("outcomes.csv", "3", "negative_value"),
            tuple("outcomes.csv", "4", "bad_number"));
    assertThat(rejects.get(1).get("raw"))
        .isEqualTo("email,ann,a3,2026-03-06T10:00:00Z,c2,-5,,,,,\"bad\r\nduration\"");
    assertThat(rejects.get(7).get("raw")).isEqualTo("call,ann,a2,2026-03-08,c2,,,,,,");
    assertThat(rejects.get(17).get("raw")).isEqualTo("o3,ann,2026-03-21,revenue,\"1,5\",,");
    assertThat(rejects.get(0).get("raw")).isEqualTo("a1,bob,2026-03-12,call");
  }

  @Test
  void rejectsSortedAcrossManyRangePartitionsAreTheSameFileAndCounts() throws IOException {
    Path small = tmp.resolve("out-small-partitions");
    Manifest again = new Manifest();
    long before = IngestStage.rejectsPerPartition;
    IngestStage.rejectsPerPartition = 3;
    try {
      new IngestStage().run(spark, context(in, small, "1", again));
    } finally {
      IngestStage.rejectsPerPartition = before;
    }
    List<List<String>> expected = rejects(out).stream().map(CSVRecord::toList).toList();
    assertThat(expected).hasSizeGreaterThan(3 * 4);
    assertThat(rejects(small).stream().map(CSVRecord::toList).toList()).isEqualTo(expected);
    assertThat(again.array("inputs").toString()).isEqualTo(manifest.array("inputs").toString());
  }

  @Test
  void manifestInputsReconcilePerFileAndInTotal() throws Exception {
    JsonNode inputs = manifest.root().get("inputs");
    assertThat(inputs).hasSize(5);
    // file, kind, read, accepted, rejected, ignored_future (hand-counted from the fixture)
    Object[][] expected = {
      {"activities.csv", "activities", 16, 7, 9, 1},
      {"activities-0001.csv", "activities", 2, 1, 1, 0},
      {"contacts.csv", "contacts", 6, 2, 4, 0},
      {"goals.csv", "goals", 5, 3, 2, 2},
      {"outcomes.csv", "outcomes", 4, 2, 2, 0},
    };
    for (int i = 0; i < expected.length; i++) {
      JsonNode f = inputs.get(i);
      assertThat(f.get("file").asText()).isEqualTo(expected[i][0]);
      assertThat(f.get("kind").asText()).as("kind of %s", expected[i][0]).isEqualTo(expected[i][1]);
      assertThat(f.get("adapter").asText()).isEqualTo("canonical");
      assertThat(f.get("rows_read").asLong())
          .as("read %s", expected[i][0])
          .isEqualTo((int) expected[i][2]);
      assertThat(f.get("rows_accepted").asLong())
          .as("accepted %s", expected[i][0])
          .isEqualTo((int) expected[i][3]);
      assertThat(f.get("rows_rejected").asLong())
          .as("rejected %s", expected[i][0])
          .isEqualTo((int) expected[i][4]);
      assertThat(f.get("rows_ignored_future").asLong())
          .as("future %s", expected[i][0])
          .isEqualTo((int) expected[i][5]);
      assertThat(f.get("rows_excluded").asLong()).isZero();
      assertThat(f.get("rows_read").asLong())
          .as("read = accepted + rejected for %s", expected[i][0])
          .isEqualTo(f.get("rows_accepted").asLong() + f.get("rows_rejected").asLong());
      long byReason = 0;
      for (JsonNode n : f.get("rejected_by_reason")) {
        byReason += n.asLong();
      }
      assertThat(byReason).isEqualTo(f.get("rows_rejected").asLong());
      byte[] bytes = Files.readAllBytes(in.resolve(f.get("file").asText()));
      assertThat(f.get("bytes").asLong()).isEqualTo(bytes.length);
      assertThat(f.get("sha256").asText())
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
    assertThat(inputs.get(0).get("rejected_by_reason").toString())
        .isEqualTo(
            "{\"bad_number\":1,\"bad_timestamp\":1,\"duplicate_id\":2,\"missing_required\":1,"
                + "\"negative_cost\":1,\"negative_duration\":1,\"unknown_enum\":2}");
    JsonNode totals = manifest.root().get("totals");
    assertThat(totals.get("rows_read").asLong()).isEqualTo(33);
    assertThat(totals.get("rows_accepted").asLong()).isEqualTo(15);
    assertThat(totals.get("rows_rejected").asLong()).isEqualTo(18);
    assertThat(totals.get("rows_ignored_future").asLong()).isEqualTo(3);
    assertThat(totals.get("reject_ratio").asDouble()).isEqualTo(18.0 / 33);
    assertThat(manifest.root().get("unrecognised_files").toString())
        .isEqualTo("[\"linkedin/Connections.csv\"]");
    assertThat(result).isEqualTo(new StageResult(33, 15));
  }

  @Test
  void warehouseRowsPlusRejectsPlusFutureRowsAccountForEveryRowRead() throws IOException {
    long tables = 0;
    for (Kind k : Kind.values()) {
      tables += table(k.table(), k.schema()).count();
    }
    assertThat(tables + rejects(out).size() + 3).isEqualTo(33);
  }

  @Test
  void rejectRatioAboveTheMaximumExitsThreeAfterWritingRejectsAndManifestButNoTables()
      throws IOException {
    Path out3 = tmp.resolve("out3");
    Manifest m = new Manifest();
    assertThatThrownBy(() -> new IngestStage().run(spark, context(in, out3, "0.5", m)))
        .isInstanceOf(WellspringException.class)
        .hasMessageStartingWith(
            "reject ratio " + (18.0 / 33) + " (18 of 33 rows) is above the maximum 0.5; see ")
        .extracting(e -> ((WellspringException) e).exitCode())
        .isEqualTo(WellspringException.TOO_MANY_REJECTS);
    assertThat(rejects(out3)).hasSize(18);
    assertThat(m.root().get("totals").get("rows_rejected").asLong()).isEqualTo(18);
    assertThat(m.root().get("inputs")).hasSize(5);
    assertThat(out3.resolve("warehouse")).doesNotExist();
  }

  @Test
  void aRatioExactlyAtTheMaximumPasses() throws IOException {
    Path in2 = tmp.resolve("in-equal");
    // 20 rows, 1 bad: ratio 0.05 is not strictly above the default maximum.
    StringBuilder sb = new StringBuilder("activity_id,owner,occurred_at,type\n");
    for (int i = 0; i < 19; i++) {
      sb.append("a").append(i).append(",ann,2026-03-01,call\n");
    }
    sb.append("bad,ann,2026-03-01,dance\n");
    write(in2, "activities.csv", sb.toString());
    Path out2 = tmp.resolve("out-equal");
    StageResult r = new IngestStage().run(spark, context(in2, out2, "0.05", new Manifest()));
    assertThat(r).isEqualTo(new StageResult(20, 19));
    assertThat(rejects(out2)).extracting(c -> c.get("line")).containsExactly("21");
    assertThat(table(out2, Tables.CONTACTS, Tables.CONTACTS_SCHEMA).count())
        .as("no contacts file: empty table")
        .isZero();
  }

  private Dataset<Row> table(
      Path output, String name, org.apache.spark.sql.types.StructType schema) {
    return new Warehouse(output).read(spark, name, schema, RUN_DATE);
  }

  @Test
  void anActivitiesFileWithOnlyAHeaderIsUnusable() throws IOException {
    Path in2 = tmp.resolve("in-empty");
    write(in2, "activities.csv", "activity_id,owner,occurred_at,type\n\n");
    Path out2 = tmp.resolve("out-empty");
    assertThatThrownBy(
            () -> new IngestStage().run(spark, context(in2, out2, "0.05", new Manifest())))
        .isInstanceOf(WellspringException.class)
        .hasMessage("activities.csv: no activity rows (header only)")
        .extracting(e -> ((WellspringException) e).exitCode())
        .isEqualTo(WellspringException.UNUSABLE);
    assertThat(rejects(out2)).isEmpty();
    assertThat(Files.readString(new Warehouse(out2).rejectsDir(RUN_DATE).resolve("rejects.csv")))
        .isEqualTo("source_file,line,reason,raw\n");
  }
}
