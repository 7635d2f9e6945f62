package dev.wellspring.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.config.ConfigLoader;
import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.ingest.staging.RecordValidator;
import dev.wellspring.ingest.staging.StagingRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-file reader, without Spark: lines, raw text, trimming, defaults, reasons, digest. */
class IngestReaderTest {
  @TempDir Path dir;

  private static final int N = Kind.ACTIVITIES.fields().size(); // staging columns follow the fields
  private static final String HEADER = "activity_id,owner,occurred_at,type,duration_minutes,notes";

  private List<Row> read(String fileName, byte[] content, Kind kind) throws IOException {
    Path p = dir.resolve(fileName);
    Files.write(p, content);
    RecordValidator v =
        new RecordValidator(
            kind, ConfigLoader.defaults("in", "out", LocalDate.of(2026, 3, 31)).durations());
    List<Row> rows = new ArrayList<>();
    try (CanonicalFileReader r =
        new CanonicalFileReader(new InputFile(p.toString(), fileName, kind, 3), v)) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  private List<Row> readActivities(String content) throws IOException {
    return read("activities.csv", content.getBytes(StandardCharsets.UTF_8), Kind.ACTIVITIES);
  }

  private static long line(Row r) {
    return r.getLong(N + 1);
  }

  private static String reason(Row r) {
    return r.getString(N + 3);
  }

  private static String raw(Row r) {
    return r.getString(N + 4);
  }

  @Test
  void multiLineRecordsKeepTheirStartLineAndRawTextWithEveryKindOfLineEnd() throws IOException {
    String content =
        HEADER
            + "\r\n" // line 1
            + "a1,ann,2026-03-01,call,10,\"two\r\nlines\"\r\n" // lines 2-3
            + "\r\n" // line 4, blank
            + "a2,ann,2026-03-02,call,-1,\"three\nlines\rhere\"\n" // lines 5-7
            + "a3,ann,2026-03-03,call,,lone cr\r" // line 8
            + "   \n" // line 9, blank
            + "a4,ann,2026-03-04,call,,\"last, no line end\""; // line 10
    List<Row> rows = readActivities(content);

    List<Row> records = rows.subList(0, rows.size() - 1);
    assertThat(records).extracting(IngestReaderTest::line).containsExactly(2L, 5L, 8L, 10L);
    assertThat(records)
        .extracting(IngestReaderTest::raw)
        .containsExactly(
            "a1,ann,2026-03-01,call,10,\"two\r\nlines\"",
            "a2,ann,2026-03-02,call,-1,\"three\nlines\rhere\"",
            "a3,ann,2026-03-03,call,,lone cr",
            "a4,ann,2026-03-04,call,,\"last, no line end\"");
    assertThat(records)
        .extracting(IngestReaderTest::reason)
        .containsExactly(null, "negative_duration", null, null);
    assertThat(records.get(0).getString(11)).isEqualTo("two\r\nlines");
    assertThat(records.get(3).getString(11)).isEqualTo("last, no line end");
  }

  @Test
  void theLastRowIsAFileSummaryWithSha256ByteCountAndRecordCount() throws Exception {
    byte[] content =
        (HEADER + "\na1,ann,2026-03-01,call,,é\n\na2,ann,bad-date,call,,x\n")
            .getBytes(StandardCharsets.UTF_8);
    List<Row> rows = read("activities.csv", content, Kind.ACTIVITIES);

    Row summary = rows.get(rows.size() - 1);
    // Two records (one valid, one rejected; the blank line is none) and the summary.
    assertThat(rows).hasSize(3);
    assertThat(summary.getLong(N + 7)).isEqualTo(2L);
    assertThat(summary.getLong(N + 1)).isEqualTo(StagingRows.SUMMARY_LINE);
    assertThat(summary.getString(N)).isEqualTo("activities.csv");
    assertThat(summary.getInt(N + 2)).isEqualTo(3);
    assertThat(summary.getString(N + 5))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    assertThat(summary.getLong(N + 6)).isEqualTo(content.length);
  }

  @Test
  void aBomAnyColumnOrderAndCaseAndUnknownColumnsAreTolerated() throws IOException {
    String content =
        "\uFEFF Type ,MOOD,Occurred_At,OWNER,Activity_ID\n"
            + " Meeting ,happy, 2026-03-04T18:30:00+01:00 , ann , a1 \n";
    List<Row> rows = readActivities(content);

    Row r = rows.get(0);
    assertThat(reason(r)).isNull();
    assertThat(r.getString(0)).isEqualTo("a1");
    assertThat(r.getString(1)).isEqualTo("ann");
    assertThat(r.<Instant>getAs(2)).isEqualTo(Instant.parse("2026-03-04T17:30:00Z"));
    assertThat(r.getString(3)).isEqualTo("meeting");
    assertThat(r.getDouble(5)).as("meeting default duration").isEqualTo(60.0);
    assertThat(r.getDouble(6)).as("empty cost").isEqualTo(0.0);
    assertThat(r.isNullAt(4)).as("absent contact_id").isTrue();
  }

  @Test
  void fewerFieldsThanTheHeaderLeaveTheRestEmptyAndExtraFieldsAreIgnored() throws IOException {
    String content = HEADER + "\na1,ann,2026-03-01\na2,ann,2026-03-01,email,7,n,x,y\n";
    List<Row> rows = readActivities(content);

    assertThat(reason(rows.get(0))).isEqualTo("missing_required");
    assertThat(reason(rows.get(1))).isNull();
    assertThat(rows.get(1).getDouble(5)).isEqualTo(7.0);
    assertThat(rows.get(1).getString(11)).isEqualTo("n");
  }

  @Test
  void reasonsFollowTheDocumentedPrecedence() throws IOException {
    String content =
        "activity_id,owner,occurred_at,type,duration_minutes,cost,context\n"
            + ",ann,bad,dance,x,-1,\n" // 2 missing beats all
            + "a,ann,bad,dance,x,-1,\n" // 3 bad_timestamp beats bad_number
            + "a,ann,2026-03-01,dance,x,-1,\n" // 4 bad_number beats unknown_enum
            + "a,ann,2026-03-01,dance,-1,-1,\n" // 5 unknown_enum beats negatives
            + "a,ann,2026-03-01,call,-1,-1,\n" // 6 negative_duration beats negative_cost
            + "a,ann,2026-03-01,call,1,-1,\n" // 7 negative_cost
            + "a,ann,2026-03-01,call,1,1,Lunch\n" // 8 unknown context
            + "a,ann,2026-03-01,call,1,1,SPEAKING\n"; // 9 valid
    List<Row> rows = readActivities(content);

    assertThat(rows.subList(0, 8))
        .extracting(IngestReaderTest::reason)
        .containsExactly(
            "missing_required",
            "bad_timestamp",
            "bad_number",
            "unknown_enum",
            "negative_duration",
            "negative_cost",
            "unknown_enum",
            null);
    assertThat(rows.get(7).getString(8)).isEqualTo("speaking");
  }

  @Test
  void anUnterminatedQuoteAtEndOfFileRejectsThatRecordAtItsStartLine() throws IOException {
    String content =
        HEADER + "\na1,ann,2026-03-01,call,,ok\na2,ann,2026-03-01,call,,\"open\nrest,of,file\n";
    List<Row> rows = readActivities(content);

    assertThat(rows).hasSize(3);
    assertThat(reason(rows.get(0))).isNull();
    assertThat(line(rows.get(1))).isEqualTo(3L);
    assertThat(reason(rows.get(1))).isEqualTo("missing_required");
    assertThat(raw(rows.get(1))).isEqualTo("a2,ann,2026-03-01,call,,\"open\nrest,of,file");
  }

  @Test
  void contactsGoalsAndOutcomesApplyTheirDefaultsAndRules() throws IOException {
    List<Row> contacts =
        read(
            "contacts.csv",
            "contact_id,full_name,relationship,first_met_on\nc1,Ann,,2025-02-03T23:30:00-02:00\nc2,Bob,Media,\n"
                .getBytes(StandardCharsets.UTF_8),
            Kind.CONTACTS);
    assertThat(contacts.get(0).getString(6)).isEqualTo("other");
    assertThat(contacts.get(0).<LocalDate>getAs(7)).isEqualTo(LocalDate.of(2025, 2, 4));
    assertThat(contacts.get(1).getString(6)).isEqualTo("media");

    List<Row> goals =
        read(
            "goals.csv",
            "goal_id,owner,category,starts_on,ends_on\ng1,ann,speaking,2026-03-02,2026-03-01\ng2,ann,speaking,2026-03-01,2026-03-01\n"
                .getBytes(StandardCharsets.UTF_8),
            Kind.GOALS);
    assertThat(goals.get(0).getString(Kind.GOALS.fields().size() + 3))
        .isEqualTo("goal_ends_before_start");
    assertThat(goals.get(1).getString(Kind.GOALS.fields().size() + 3)).isNull();

    List<Row> outcomes =
        read(
            "outcomes.csv",
            "outcome_id,owner,occurred_at,type,value\no1,ann,2026-03-01,revenue,\no2,ann,2026-03-01,revenue,-1\n"
                .getBytes(StandardCharsets.UTF_8),
            Kind.OUTCOMES);
    assertThat(outcomes.get(0).getDouble(4)).isEqualTo(1.0);
    assertThat(outcomes.get(1).getString(Kind.OUTCOMES.fields().size() + 3))
        .isEqualTo("negative_value");
  }

  @Test
  void kindFieldsAreTheTableColumnsInOrder() {
    for (Kind k : Kind.values()) {
      List<String> tableColumns = List.of(k.schema().fieldNames());
      List<String> expected =
          new java.util.ArrayList<>(tableColumns.subList(0, tableColumns.size() - 2));
      if (k == Kind.CONTACTS) {
        // contacts.csv's e-mail: read for identity resolution only, no table column (issue 22).
        expected.add("email");
      }
      assertThat(k.fields().stream().map(Kind.Field::name).toList())
          .as(k.name())
          .isEqualTo(expected);
    }
  }

  @Test
  void timestampsAreStoredAsTheirInstant() throws IOException {
    List<Row> rows = readActivities(HEADER + "\na1,ann,2026-03-04T18:30:00-0800,call,,\n");
    assertThat(rows.get(0).<Instant>getAs(2)).isEqualTo(Instant.parse("2026-03-05T02:30:00Z"));
  }
}
