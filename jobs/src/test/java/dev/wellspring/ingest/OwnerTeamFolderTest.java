package dev.wellspring.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.cli.Main;
import dev.wellspring.io.Manifest;
import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 done-when: a one-person team folder (an Outlook calendar export, the owner's Google
 * Contacts with the owner's own card, a HubSpot meetings export made in the UI) through {@code
 * nightly}: the owner is never a contact, a meeting's hours count once whatever its attendee count,
 * and every vendor row is accepted, rejected or excluded with a reason.
 *
 * <p>Hand count ({@code vendor/one-owner}, run date 2026-03-31, owner Alex Rivera with {@code
 * owner_emails: [alex@rivera.example]}):
 *
 * <pre>
 * calendar/outlook-calendar.ics, 8 events
 *   organised   Alex + Priya, 60 min                  1 touch  60 min
 *   attended    Tomasz's meeting, Alex attends, 30     1 touch  30 min
 *   declined    Alex + Priya, Bob declined, 45         1 touch  45 min (Bob not touched)
 *   cancelled   STATUS:CANCELLED                       excluded cancelled
 *   weekly      RRULE weekly x4 from 9 Mar, 30 min     4 touches (9/16/23/30 Mar) 120 min
 *   fourway     Alex + Priya, Tomasz, Jonas, Kwame, 60 4 touches x 15 min =  60 min
 *   focus       Alex alone                             excluded no_attendees
 *   personal    organised from Alex's own unlisted address (CN=Alex Rivera) + Kwame, 15
 *                                                       1 touch  15 min
 *   = 12 touches, 330 min
 * hubspot-meetings-ui.csv, 3 meetings
 *   88001       Priya + Lena, 60 min                   2 touches x 30 min = 60 min
 *   88002       No show                                excluded no_show
 *   88003       Canceled                               excluded cancelled
 * google-contacts.csv, 2 cards: Alex's own (excluded owner_self), Priya (merges with her e-mail)
 * contacts.csv: Lena as crm-lena, "Lena F.", LENA@Contoso.example (merges with HubSpot's Lena)
 * = 14 activities, 390 min = 6.5 hours; contacts Priya, Tomasz, Jonas, Kwame, Lena = 5
 * </pre>
 */
@ExtendWith(SparkExtension.class)
class OwnerTeamFolderTest {
  private static final String RUN_DATE = "2026-03-31";
  private static SparkSession SPARK;

  @BeforeAll
  static void shareSession(SparkSession spark) {
    SPARK = spark;
  }

  @TempDir static Path tmp;
  static Path out;
  static int exit;

  @BeforeAll
  static void runNightly() throws IOException {
    Path in = tmp.resolve("in");
    VendorTeamNightlyIT.copyTree(Path.of("src/test/resources/vendor/one-owner"), in);
    out = tmp.resolve("out");
    Path config = tmp.resolve("wellspring.yaml");
    Files.writeString(
        config,
        "owner: Alex Rivera\nowner_emails: [alex@rivera.example]\n"
            + "owner_map: {\"Alex Rivera\": Alex Rivera}\n");
    exit =
        Main.run(
            "nightly",
            "--input",
            in.toString(),
            "--output",
            out.toString(),
            "--run-date",
            RUN_DATE,
            "--config",
            config.toString(),
            "--master",
            "local[2]",
            "--no-report");
  }

  @Test
  void activitiesAndHoursAreTheHandCountedOnes() {
    assertThat(exit).isZero();
    Dataset<Row> activities = table("activities");
    assertThat(activities.count()).isEqualTo(14);
    assertThat(minutes(activities)).isEqualByComparingTo("390");
    // Per event: the meeting's length once, shared among its attendees.
    assertThat(minutesByNote(activities))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "organised", "60",
                "attended", "30",
                "declined", "45",
                "weekly", "120",
                "fourway", "60",
                "personal", "15",
                "Partner planning | Q2 plan", "60"));
    assertThat(
            activities
                .filter(col("notes").equalTo("fourway"))
                .select("duration_minutes")
                .distinct()
                .count())
        .as("four attendees, 15 minutes each")
        .isEqualTo(1);
    assertThat(activities.filter(col("owner").notEqual("Alex Rivera")).count()).isZero();
  }

  @Test
  void hoursReachTheExportsOnce() throws IOException {
    assertThat(exit).isZero();
    // effectiveness.csv, linear model: the hours column summed over every owner, class and month.
    List<String> lines =
        Files.readAllLines(out.resolve("reports/" + RUN_DATE + "/effectiveness.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    int model = header.indexOf("model");
    int hours = header.indexOf("hours");
    int count = header.indexOf("activities");
    BigDecimal h = BigDecimal.ZERO;
    long n = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells[model].equals("linear")) {
        h = h.add(new BigDecimal(cells[hours]));
        n += Long.parseLong(cells[count]);
      }
    }
    assertThat(n).isEqualTo(14);
    assertThat(h).isEqualByComparingTo("6.5");
  }

  @Test
  void theOwnerIsNeverAContact() {
    assertThat(exit).isZero();
    Dataset<Row> contacts = table("contacts");
    // Priya (Google Contacts, the calendar and HubSpot: one person), Tomasz, Jonas, Kwame, Lena.
    assertThat(contacts.count()).isEqualTo(5);
    assertThat(contacts.filter(col("full_name").equalTo("Priya Raman")).count()).isEqualTo(1);
    assertThat(contacts.filter(col("full_name").contains("Rivera")).count()).isZero();
    // contacts.csv's e-mail column is an identity key: Lena's HubSpot address (another letter
    // case, another name form) finds her canonical row, whose id and name win.
    assertThat(
            contacts
                .filter(col("contact_id").equalTo("crm-lena"))
                .select("full_name")
                .first()
                .getString(0))
        .isEqualTo("Lena F.");
    assertThat(table("activities").filter(col("contact_id").equalTo("crm-lena")).count())
        .isEqualTo(1);
    // Every touch is of one of those five.
    Dataset<Row> activities = table("activities");
    assertThat(
            activities
                .join(
                    contacts,
                    activities.col("contact_id").equalTo(contacts.col("contact_id")),
                    "left_anti")
                .count())
        .isZero();
    assertThat(activities.select("contact_id").distinct().count()).isEqualTo(5);
  }

  @Test
  void everyVendorRowIsAcceptedRejectedOrExcludedWithAReason() throws IOException {
    JsonNode m = Manifest.JSON.readTree(out.resolve("runs/" + RUN_DATE + ".json").toFile());
    Map<String, JsonNode> files = new TreeMap<>();
    for (JsonNode f : m.get("inputs")) {
      files.put(f.get("file").asText(), f);
      assertThat(f.get("rows_read").asLong())
          .as(f.get("file").asText())
          .isEqualTo(
              f.get("rows_accepted").asLong()
                  + f.get("rows_rejected").asLong()
                  + f.path("rows_excluded").asLong());
    }
    assertThat(files)
        .containsOnlyKeys(
            "calendar/outlook-calendar.ics",
            "contacts.csv",
            "google-contacts.csv",
            "hubspot-meetings-ui.csv");
    JsonNode ics = files.get("calendar/outlook-calendar.ics");
    assertThat(ics.get("rows_read").asLong()).isEqualTo(8);
    assertThat(ics.get("rows_accepted").asLong()).isEqualTo(6);
    assertThat(ics.get("excluded_by_reason").toString())
        .isEqualTo("{\"cancelled\":1,\"no_attendees\":1}");
    JsonNode google = files.get("google-contacts.csv");
    assertThat(google.get("rows_read").asLong()).isEqualTo(2);
    assertThat(google.get("excluded_by_reason").toString()).isEqualTo("{\"owner_self\":1}");
    JsonNode hubspot = files.get("hubspot-meetings-ui.csv");
    assertThat(hubspot.get("adapter").asText()).isEqualTo("hubspot.activities");
    assertThat(hubspot.get("rows_read").asLong()).isEqualTo(3);
    assertThat(hubspot.get("excluded_by_reason").toString())
        .isEqualTo("{\"cancelled\":1,\"no_show\":1}");
    assertThat(m.get("totals").get("rows_rejected").asLong()).isZero();
    assertThat(m.get("unrecognised_files").size()).isZero();
  }

  private static BigDecimal minutes(Dataset<Row> activities) {
    return new BigDecimal(
        activities
            .agg(sum(col("duration_minutes").cast("decimal(20,6)")))
            .first()
            .get(0)
            .toString());
  }

  private static Map<String, String> minutesByNote(Dataset<Row> activities) {
    Map<String, String> out = new TreeMap<>();
    for (Row r :
        activities
            .groupBy(col("notes"))
            .agg(sum(col("duration_minutes").cast("decimal(20,6)")))
            .collectAsList()) {
      out.put(
          r.getString(0), new BigDecimal(r.get(1).toString()).stripTrailingZeros().toPlainString());
    }
    return out;
  }

  private static Dataset<Row> table(String name) {
    return SPARK
        .read()
        .parquet(out.resolve("warehouse/" + name + "/run_date=" + RUN_DATE).toString());
  }
}
